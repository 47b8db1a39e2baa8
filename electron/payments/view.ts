// Journal rows → what the renderer sees.
import { msg, type Message, type OrderView, type RefundView } from '../shared/contract'
import type { OrderRow } from '../journal/orders'
import type { RefundRow } from '../journal/refunds'

export function orderView(row: OrderRow): OrderView {
  return {
    outTradeNo: row.out_trade_no,
    method: row.method,
    paytype: row.paytype,
    amountFen: row.amount_fen,
    body: row.body,
    state: row.state,
    step: row.step,
    awaitingCustomer: row.awaiting_customer === 1,
    deadlineAt: row.deadline_at,
    authCodeMasked: row.auth_code_masked,
    transactionId: row.transaction_id,
    ...(row.coupon_fen ? { couponFen: row.coupon_fen } : {}),
    codeUrl: row.code_url,
    failure: row.failure_code ? { code: row.failure_code, message: row.failure_message ?? refused(row.failure_code, '') } : null,
    refundedFen: row.refunded_fen,
    attention: row.attention,
    cashier: row.cashier,
    shiftId: row.shift_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    paidAt: row.paid_at,
    ...(row.unrecorded ? { unrecorded: true } : {}),
  }
}

export function refundView(row: RefundRow): RefundView {
  return {
    outRefundNo: row.out_refund_no,
    outTradeNo: row.out_trade_no,
    amountFen: row.amount_fen,
    state: row.state,
    step: row.step,
    refundId: row.refund_id,
    failure: row.failure_code ? { code: row.failure_code, message: row.failure_message ?? refused(row.failure_code, '') } : null,
    reason: row.reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Each step of an order as a message code (the renderer has the words). */
export const STEP = {
  created: msg('ORDER_CREATING'),
  lookAtCamera: msg('FACE_LOOK_AT_CAMERA'),
  submitted: msg('PAYMENT_SUBMITTING'),
  awaitingPassword: msg('WAITING_PASSWORD'),
  awaitingQr: msg('WAITING_QR_SCAN'),
  querying: msg('RESULT_UNKNOWN_QUERYING'),
  queryRetry: msg('NETWORK_RETRY_QUERYING'),
  waitingToCancel: msg('WAITING_TO_CANCEL'),
  cancelling: msg('CANCELLING'),
  cancelRetry: msg('CANCEL_RETRYING'),
  paid: msg('PAID'),
  cancelledByCashier: msg('CANCELLED_BY_CASHIER'),
  cancelledTimeout: msg('CANCELLED_TIMEOUT'),
  closed: msg('ORDER_CLOSED'),
  faceCancelled: msg('FACE_CANCELLED'),
  faceSwitchToCode: msg('FACE_SWITCHED_TO_CODE'),
  notSubmitted: msg('NOT_SUBMITTED_INTERRUPTED'),
  notReceived: msg('NOT_RECEIVED'),
} as const satisfies Record<string, Message>

/** The engine's note on a transition that a gateway answer caused. */
export function answered(call: string, state: string, extra?: { code?: string; text?: string }): Message {
  return msg('GATEWAY_ANSWER', { call, state, ...(extra?.code ? { code: extra.code } : {}), ...(extra?.text ? { text: extra.text.slice(0, 500) } : {}) })
}

/** A refusal in the gateway's own words (its `msg`), with its code. */
export function refused(code: string, text: string): Message {
  return msg('GATEWAY_REFUSED', { code, text: text.slice(0, 500) })
}
