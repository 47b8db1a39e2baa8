// Journal rows → what the renderer sees.
import type { OrderView, RefundView } from '../shared/contract'
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
    codeUrl: row.code_url,
    failure: row.failure_code ? { code: row.failure_code, message: row.failure_message ?? '' } : null,
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
    failure: row.failure_code ? { code: row.failure_code, message: row.failure_message ?? '' } : null,
    reason: row.reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** The cashier-facing words for each step, in one place. */
export const STEP = {
  created: '正在创建订单',
  lookAtCamera: '请顾客看向摄像头完成刷脸',
  submitted: '正在提交支付…',
  awaitingPassword: '顾客正在输入密码 / 确认支付，请稍候',
  awaitingQr: '请顾客用手机扫描副屏二维码',
  querying: '支付结果未知，正在查询…',
  queryRetry: '网络异常，正在重新查询…',
  waitingToCancel: '顾客可能仍在付款：支付机构规定下单 15 秒后才能撤销，到时自动撤销',
  cancelling: '正在撤销订单…',
  cancelRetry: '网关暂未同意撤销（顾客可能仍在付款），正在查询并自动重试…',
  paid: '收款成功',
  cancelledByCashier: '已撤销，未收款',
  cancelledTimeout: '顾客未在规定时间内付款，订单已撤销，未收款',
  closed: '订单已关闭，未收款',
  faceCancelled: '顾客取消了刷脸，未收款',
  faceSwitchToCode: '顾客改用付款码：请扫描顾客的付款码',
  notSubmitted: '订单未提交到支付网关（程序中断），未收款',
  notSubmittedJournal: '账本写入失败，订单未提交，未收款',
  notFoundConfirmed: '支付网关确认没有这笔订单，未收款',
} as const

/** Gateway outcomes as a person reads them (timeline, attention reasons). */
export const OUTCOME_ZH: Record<string, string> = {
  paid: '已支付',
  paying: '支付中',
  unpaid: '未支付',
  closed: '已关闭',
  reversed: '已撤销',
  refund: '转入退款',
  failed: '失败',
  notFound: '订单不存在',
  unknown: '结果未知',
  cancelled: '撤销成功',
  retry: '需重试',
  success: '成功',
  processing: '处理中',
  created: '已创建',
  ok: '成功',
}

export const outcomeZh = (kind: string): string => OUTCOME_ZH[kind] ?? kind
