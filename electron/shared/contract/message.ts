import { z } from 'zod'

/**
 * What the core tells a person travels as a code with parameters, never as a
 * sentence: the renderer words every code in zh-CN and en (app/src/i18n/sections/messages.ts),
 * and the journal stores the same codes (JSON). Parameters are plain values:
 * amounts in fen (`amountFen`, `gatewayFen`, `orderFen`), order states (`from`,
 * `to`, `state`), gateway answer kinds (`outcome`, `state`), gateway call names
 * (`call`), and `text` for words that come from outside (the gateway's `msg`, an
 * SDK error, a transport error) shown as they are.
 */
export const MESSAGE_CODES = [
  // Order steps (OrderView.step) and local failure reasons.
  'ORDER_CREATING',
  'FACE_LOOK_AT_CAMERA',
  'PAYMENT_SUBMITTING',
  'WAITING_PASSWORD',
  'WAITING_QR_SCAN',
  'RESULT_UNKNOWN_QUERYING',
  'NETWORK_RETRY_QUERYING',
  'WAITING_TO_CANCEL',
  'CANCELLING',
  'CANCEL_RETRYING',
  'PAID',
  'CANCELLED_BY_CASHIER',
  'CANCELLED_TIMEOUT',
  'ORDER_CLOSED',
  'FACE_CANCELLED',
  'FACE_SWITCHED_TO_CODE',
  'NOT_SUBMITTED_INTERRUPTED',
  'NOT_SUBMITTED_JOURNAL', // params.reason: a JournalFailureReason
  'NOT_RECEIVED',
  'FACE_DEVICE_FAILED', // params.text
  'FACE_FAILED', // params.text
  'PREORDER_FAILED', // params.code, params.text (the gateway's words)
  'PAY_FAILED', // params.code, params.text
  'INVALID_REQUEST', // params.text
  'RECHECK_STILL_REVIEW', // params.outcome
  'AMOUNT_MISMATCH',
  'CANNOT_CANCEL',
  'RESTORED_QUERYING',
  // failure.message of a gateway refusal: params.code, params.text.
  'GATEWAY_REFUSED',
  // Refund steps and failures.
  'REFUND_SUBMITTING',
  'REFUND_RESULT_UNKNOWN',
  'REFUND_SUBMIT_UNKNOWN',
  'REFUND_NOT_SUBMITTED',
  'REFUND_PROCESSING',
  'REFUND_FAILED', // params.code, params.text
  'REFUND_FAILED_AT_GATEWAY',
  'REFUND_CHANGE',
  'REFUND_STILL_PROCESSING',
  'REFUND_SUCCEEDED', // params.amountFen (+ outRefundNo in the timeline)
  'FOREIGN_ORDER_RECORDED', // params.counterId: another counter's order, recorded here to refund it
  // Why a person must look at an order (OrderView.attention, shift report).
  'ATTENTION_TURNED_TO_REFUND',
  'ATTENTION_AMOUNT_MISMATCH', // params.gatewayFen, params.orderFen
  'ATTENTION_CANCEL_WINDOW_PASSED', // params.minutes, params.outcome
  'ATTENTION_RESTORED_PAID',
  'RECONCILE_PAID_NOT_RECORDED',
  'RECONCILE_RECORDED_NOT_PAID',
  'RECONCILE_AMOUNT',
  'RECONCILE_TRANSACTION_ID',
  'RECONCILE_OPEN_AT_GATEWAY',
  // The order timeline: entries and the engine's notes on transitions.
  'STATE_ENTERED', // params.to
  'STATE_CHANGED', // params.from, params.to
  'GATEWAY_CALL', // params.call, params.outcome
  'GATEWAY_CALL_FAILED', // params.call, params.outcome (the call did not get through)
  'GATEWAY_ANSWER', // params.call, params.state (+ code, text)
  'ANSWER_AFTER_STOP', // params.call, params.state
  'GATEWAY_AMOUNT_MISMATCH', // params.gatewayFen, params.orderFen
  'CASHIER_STOPPED',
  'DEADLINE_CANCELLING',
  'CANCEL_WINDOW_OPEN',
  'CANCEL_RETRY', // params.state, params.attempt, params.text
  'CANCEL_WINDOW_PASSED', // params.minutes, params.outcome
  'RECHECK', // params.state
  'RECHECK_CLEARED', // params.state
  'RECHECK_CANCELLING', // params.state
  'RECOVERY_NOT_FOUND',
  'RECOVERY_FOUND', // params.state
  'ACKNOWLEDGED', // params.note ('' when none)
  'RECONCILE_NOTE', // params.run, params.difference, params.text
  'RESTORE_LOOKUP_PAID',
  'TECHNICAL', // params.text: for support, shown as it is
  // Device status (DeviceStatus.detail).
  'DEVICE_WEDGE',
  'DEVICE_CONNECTING', // params.device: the adapter's own name (e.g. "serial /dev/ttyUSB0")
  'DEVICE_CONNECTED', // params.device
  'DEVICE_LOST', // params.device, params.error, params.retryS
  'DEVICE_UNAVAILABLE', // params.device, params.error, params.retryS
  'FACE_NONE',
  'FACE_SIMULATED_STARTING',
  'FACE_SIMULATED_READY',
  'FACE_CLOSED',
  'FACE_NOT_STARTED',
  'FACE_PROCESS_STARTING',
  'FACE_READY',
  'FACE_INIT_FAILED', // params.error
  'FACE_PROCESS_FAILED', // params.error, params.retryS
  'PRINTER_STATUS', // params.printerStatus: ok, unknown, paper-out, cover-open, offline, paper-near-end, refused, timeout, closed, io, none
  // Cash (method cash: final at once, never at the gateway).
  'CASH_SALE',
  'CASH_RECEIVED', // params.givenFen, params.changeFen
  'CASH_REFUNDING',
  'CASH_REFUNDED', // params.amountFen (+ outRefundNo in the timeline)
  // A sentence stored before codes (journal v4 and older) that matched none of the above: shown verbatim.
  'LEGACY_TEXT', // params.text
] as const

export const MessageCode = z.enum(MESSAGE_CODES)
export type MessageCode = z.infer<typeof MessageCode>

export const MessageParams = z.record(z.string().max(32), z.union([z.string().max(1_000), z.number()]))
export type MessageParams = z.infer<typeof MessageParams>

export const Message = z.object({ code: MessageCode, params: MessageParams.optional() })
export type Message = z.infer<typeof Message>

/** Gateway answer kinds that may appear in `outcome` / `state` params (the renderer words each). */
export const MESSAGE_OUTCOMES = [
  'paid', 'paying', 'unpaid', 'closed', 'reversed', 'refund', 'failed', 'notFound', 'unknown',
  'cancelled', 'retry', 'success', 'processing', 'created', 'ok',
] as const
/** Gateway calls that may appear in `call` params. */
export const MESSAGE_CALLS = [
  'pay', 'facepay', 'getfaceauth', 'orderquery', 'cancel', 'refund', 'refundquery', 'preorder', 'WECHAT_PreOrder', 'ALIPAY_PreOrder',
] as const

/** A message: `msg('REFUND_SUCCEEDED', { amountFen: 100 })`. */
export function msg(code: MessageCode, params?: MessageParams): Message {
  return params && Object.keys(params).length > 0 ? { code, params } : { code }
}

/** Two messages say the same (code and params). */
export function sameMessage(a: Message | null | undefined, b: Message | null | undefined): boolean {
  if (!a || !b) return a === b || (!a && !b)
  if (a.code !== b.code) return false
  const pa = a.params ?? {}
  const pb = b.params ?? {}
  const keys = Object.keys(pa)
  return keys.length === Object.keys(pb).length && keys.every((k) => pa[k] === pb[k])
}
