// refund and refundquery: partial refunds per out_refund_no, idempotent on a
// repeated out_refund_no, never above what was paid.
import { fenOf, missing, refuse, success, type HandlerContext } from './answers'
import { DELAYS_MS, refundScenarioOf } from './scenarios'
import { formatTime } from './store'
import { findOrder } from './handlers-trade'
import type { Reply, SandboxOrder, SandboxRefund } from './types'


function refundAnswer(order: SandboxOrder, refund: SandboxRefund): Reply {
  return success(
    {
      mch_id: order.mchId,
      transaction_id: order.transactionId,
      out_trade_no: order.outTradeNo,
      out_transaction_id: `5000${refund.refundId}`,
      out_refund_no: refund.outRefundNo,
      refund_id: refund.refundId,
      refund_channel: 'ORIGINAL',
      refund_fee: String(refund.refundFee),
      coupon_refund_fee: '0',
    },
    refund.status,
  )
}

export function handleRefund(fields: Record<string, string>, ctx: HandlerContext): Reply {
  const bad = missing(fields, ['paytype', 'out_refund_no', 'total_fee', 'refund_fee', 'op_user_id'])
  if (bad) return bad
  if (!fields.out_trade_no && !fields.transaction_id) return refuse('20004', 'out_trade_no 和 transaction_id 至少填一个')
  const totalFee = fenOf(fields.total_fee)
  const refundFee = fenOf(fields.refund_fee)
  if (totalFee === null || refundFee === null) return refuse('20004', 'total_fee/refund_fee 必须为正整数（分）')
  const order = findOrder(fields, ctx, 'transaction_id')
  if (!order) return refuse('20007', '订单不存在')

  const existing = ctx.store.refund(order.mchId, fields.out_refund_no!)
  if (existing) {
    // Same out_refund_no again: the same refund, refunded once.
    if (existing.outTradeNo !== order.outTradeNo || existing.refundFee !== refundFee) {
      return refuse('20008', '退款单号已用于其他退款')
    }
    return refundAnswer(order, existing)
  }
  if (order.status !== 'paid' && order.status !== 'refund') return refuse('20008', '订单未支付成功，不能退款')
  if (totalFee !== order.totalFee) return refuse('20004', 'total_fee 与订单金额不一致')
  if (refundFee > order.totalFee - ctx.store.refundedFee(order)) return refuse('20008', '退款金额超过可退金额')
  const scenario = refundScenarioOf(refundFee)
  if (scenario === 'refused') return refuse('20008', '退款被拒绝（沙箱场景）')

  const now = ctx.store.now()
  const refund: SandboxRefund = {
    mchId: order.mchId,
    outTradeNo: order.outTradeNo,
    outRefundNo: fields.out_refund_no!,
    refundId: ctx.store.nextId('1995'),
    refundFee,
    status: scenario === 'processing' ? 'PROCESSING' : 'SUCCESS',
    createdAt: now,
    ...(scenario === 'processing' ? { settlesAt: now + DELAYS_MS.refundProcessing * ctx.scale } : { refundTime: now }),
  }
  ctx.store.addRefund(refund)
  order.status = 'refund'
  return refundAnswer(order, refund)
}

export function handleRefundQuery(fields: Record<string, string>, ctx: HandlerContext): Reply {
  const bad = missing(fields, ['paytype'])
  if (bad) return bad
  const mchId = ctx.merchant!.mchId
  let refunds: SandboxRefund[]
  let order: SandboxOrder | undefined
  // Spec priority: refund_id > out_refund_no > transaction_id > out_trade_no.
  if (fields.refund_id || fields.out_refund_no) {
    const one = [...ctx.store.refunds.values()].find(
      (r) => r.mchId === mchId && (fields.refund_id ? r.refundId === fields.refund_id : r.outRefundNo === fields.out_refund_no),
    )
    order = one ? ctx.store.order(mchId, one.outTradeNo) : undefined
    refunds = one ? [ctx.store.settleRefund(one)] : []
  } else if (fields.transaction_id || fields.out_trade_no) {
    if (fields.paytype === 'ALIPAY') return refuse('20004', '支付宝退款查询需要 refund_id 或 out_refund_no')
    order = fields.transaction_id ? ctx.store.orderByTransactionId(mchId, fields.transaction_id) : ctx.store.order(mchId, fields.out_trade_no!)
    refunds = order ? ctx.store.refundsOf(order) : []
  } else {
    return refuse('20004', 'refund_id、out_refund_no、transaction_id、out_trade_no 至少填一个')
  }
  if (!order || order.paytype !== fields.paytype || refunds.length === 0) return refuse('20007', '退款单不存在')
  const list = refunds.map((r, i) => ({
    serial_no: String(i),
    refund_id: r.refundId,
    out_refund_id: `5000${r.refundId}`,
    out_refund_no: r.outRefundNo,
    refund_channel: 'ORIGINAL',
    refund_fee: String(r.refundFee),
    refund_status: r.status,
    ...(r.refundTime !== undefined ? { refund_time: formatTime(r.refundTime) } : {}),
  }))
  return success({
    mch_id: mchId,
    transaction_id: order.transactionId,
    out_transaction_id: `4200${order.transactionId}`,
    out_trade_no: order.outTradeNo,
    refund_list: JSON.stringify(list),
    refund_fee_summary: String(refunds.reduce((sum, r) => sum + r.refundFee, 0)),
    refund_count: String(refunds.length),
  })
}
