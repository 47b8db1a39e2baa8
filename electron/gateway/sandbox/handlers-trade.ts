// pay, facepay, orderquery, cancel and the NATIVE pre-orders, with the real
// semantics: one order per out_trade_no, cancel closes unpaid / reverses paid
// within 5 minutes, query reflects the clock.
import { payTypeOfAuthCode, maskCode } from '../paytype'
import type { PayType } from '../../shared/contract/define'
import { fenOf, missing, OUT_TRADE_NO, refuse, status, success, type HandlerContext } from './answers'
import { CANCEL_WINDOW_MS, DELAYS_MS, payScenarioOf, qrScenarioOf, SANDBOX_COUPON_FEN } from './scenarios'
import { formatTime } from './store'
import type { Reply, SandboxOrder } from './types'

export function paidFields(order: SandboxOrder): Record<string, string | undefined> {
  const wechat = order.paytype === 'WECHAT'
  return {
    mch_id: order.mchId,
    appid: wechat ? 'wx1f87d44db95cba7a' : undefined,
    is_subscribe: wechat ? 'N' : undefined,
    openid: wechat ? 'oSandboxOpenid0000000000000' : undefined,
    transaction_id: order.transactionId,
    out_transaction_id: `4200${order.transactionId}`,
    out_trade_no: order.outTradeNo,
    total_fee: String(order.totalFee),
    coupon_fee: order.couponFee !== undefined ? String(order.couponFee) : undefined,
    fee_type: 'CNY',
    bank_type: wechat ? 'CFT' : 'ALIPAYACCOUNT',
    attach: order.attach,
    time_end: formatTime(order.paidAt ?? order.createdAt),
  }
}

export function handlePay(fields: Record<string, string>, ctx: HandlerContext, source: 'pay' | 'facepay'): Reply {
  const mchId = ctx.merchant!.mchId
  const codeField = source === 'pay' ? 'auth_code' : 'face_code'
  const bad = missing(fields, ['out_trade_no', 'total_fee', 'body', codeField, ...(source === 'facepay' ? ['openid'] : [])])
  if (bad) return bad
  const totalFee = fenOf(fields.total_fee)
  if (totalFee === null) return refuse('20004', 'total_fee 必须为正整数（分）')
  if (!OUT_TRADE_NO.test(fields.out_trade_no!)) return refuse('20004', 'out_trade_no 格式错误')
  const code = fields[codeField]!
  const paytype: PayType | null = source === 'facepay' ? 'WECHAT' : payTypeOfAuthCode(code)
  if (paytype === null) return refuse('20004', '付款码无效')
  if (ctx.store.order(mchId, fields.out_trade_no!)) return refuse('20004', '订单号重复')

  const scenario = payScenarioOf(code)
  if (scenario === 'invalidCode') return refuse('20004', '付款码无效或已过期，请刷新后重试')
  if (scenario === 'systemError') return refuse('20006', '系统错误')
  if (scenario === 'http5xx') return { fields: {}, delivery: { kind: 'fault', fault: '5xx' } }

  const now = ctx.store.now()
  const order: SandboxOrder = {
    mchId,
    outTradeNo: fields.out_trade_no!,
    transactionId: ctx.store.nextId('7551'),
    paytype,
    source,
    totalFee,
    body: fields.body!,
    attach: fields.attach,
    createdAt: now,
    status: 'paying',
    codeMasked: maskCode(code),
  }
  ctx.store.addOrder(order)
  const paying = () => status('10001', '需要用户输入支付密码', 'PROCESSING', { mch_id: mchId, out_trade_no: order.outTradeNo })
  if (scenario === 'coupon' || scenario === 'passwordCoupon') order.couponFee = Math.min(SANDBOX_COUPON_FEN, totalFee)
  switch (scenario) {
    case 'password':
    case 'passwordCoupon':
      order.paysAt = now + DELAYS_MS.password * ctx.scale
      return paying()
    case 'neverPays':
      return paying()
    case 'closesItself':
      order.closesAt = now + DELAYS_MS.autoClose * ctx.scale
      return paying()
    case 'network30001':
      order.paysAt = now + DELAYS_MS.password * ctx.scale
      return { fields: {}, delivery: { kind: 'fault', fault: '30001' } }
    case 'insufficientFunds':
      order.status = 'failed'
      order.failCode = '10006'
      order.failMsg = '余额不足'
      return status('10006', '余额不足', 'FAIL', { mch_id: mchId, out_trade_no: order.outTradeNo })
    default:
      break
  }
  ctx.store.markPaid(order)
  const reply = success(paidFields(order))
  const fault = { dropAfterCommit: 'reset-after-commit', badSign: 'badsign', noSign: 'nosign', html: 'html', truncated: 'truncated' } as const
  if (scenario === 'slowAnswer') reply.delivery = { kind: 'slow', ms: DELAYS_MS.slowAnswer * ctx.scale }
  else if (scenario in fault) reply.delivery = { kind: 'fault', fault: fault[scenario as keyof typeof fault] }
  return reply
}

/**
 * The order a request names. The spec ranks the two keys differently per call:
 * orderquery prefers out_trade_no, refund/refundquery prefer transaction_id.
 */
export function findOrder(fields: Record<string, string>, ctx: HandlerContext, prefer: 'out_trade_no' | 'transaction_id' = 'out_trade_no'): SandboxOrder | undefined {
  const mchId = ctx.merchant!.mchId
  const byNo = () => (fields.out_trade_no ? ctx.store.order(mchId, fields.out_trade_no) : undefined)
  const byTx = () => (fields.transaction_id ? ctx.store.orderByTransactionId(mchId, fields.transaction_id) : undefined)
  const order = prefer === 'out_trade_no' ? (fields.out_trade_no ? byNo() : byTx()) : fields.transaction_id ? byTx() : byNo()
  // Asked under the wrong wallet, the gateway routes to a channel that never saw it.
  return order && order.paytype === fields.paytype ? order : undefined
}

export function handleOrderQuery(fields: Record<string, string>, ctx: HandlerContext): Reply {
  const bad = missing(fields, ['paytype'])
  if (bad) return bad
  if (!fields.out_trade_no && !fields.transaction_id) return refuse('20004', 'out_trade_no 和 transaction_id 至少填一个')
  const order = findOrder(fields, ctx)
  if (!order) return refuse('20007', '订单不存在')
  const base = { mch_id: order.mchId, out_trade_no: order.outTradeNo, total_fee: String(order.totalFee) }
  switch (order.status) {
    case 'paid':
      return success(paidFields(order))
    case 'paying':
      return status('10001', '支付中', 'PROCESSING', base)
    case 'unpaid':
      return status('10003', '未支付', 'NOTPAY', base)
    case 'closed':
      return status('10004', '已关闭', 'CLOSED', base)
    case 'reversed':
      return status('10005', '已撤销', 'REVOKED', base)
    case 'refund':
      return status('10002', '转入退款', 'REFUND', { ...paidFields(order) })
    case 'failed':
      return status(order.failCode ?? '10006', order.failMsg ?? '支付错误', 'FAIL', base)
  }
}

export function handleCancel(fields: Record<string, string>, ctx: HandlerContext): Reply {
  const bad = missing(fields, ['paytype', 'out_trade_no', 'op_user_id'])
  if (bad) return bad
  const order = findOrder(fields, ctx)
  if (!order) return refuse('20007', '订单不存在')
  const now = ctx.store.now()
  const done = () => success({ mch_id: order.mchId })
  if (order.status === 'closed' || order.status === 'reversed') return done()
  if (now - order.createdAt >= CANCEL_WINDOW_MS) return refuse('20011', '订单已超过5分钟，不能撤销，请使用退款')
  switch (order.status) {
    case 'refund':
      return refuse('20011', '订单已退款，不能撤销')
    case 'paying':
      if (now - order.createdAt < DELAYS_MS.cancelGuard * ctx.scale) {
        return status('10001', '用户支付中，请稍后再撤销', 'PROCESSING', { mch_id: order.mchId })
      }
      order.status = 'closed'
      return done()
    case 'unpaid':
    case 'failed':
      order.status = 'closed'
      return done()
    case 'paid':
      order.status = 'reversed'
      return done()
  }
}

export function handlePreOrder(fields: Record<string, string>, ctx: HandlerContext, paytype: 'WECHAT' | 'ALIPAY'): Reply {
  const mchId = ctx.merchant!.mchId
  const bad = missing(fields, ['out_trade_no', 'total_fee', 'body', 'trade_type'])
  if (bad) return bad
  if (fields.trade_type !== 'NATIVE') return refuse('20004', '沙箱仅支持 trade_type=NATIVE')
  if (paytype === 'WECHAT' && !fields.product_id) return refuse('20004', 'trade_type=NATIVE 时 product_id 必传')
  const totalFee = fenOf(fields.total_fee)
  if (totalFee === null) return refuse('20004', 'total_fee 必须为正整数（分）')
  if (!OUT_TRADE_NO.test(fields.out_trade_no!)) return refuse('20004', 'out_trade_no 格式错误')
  if (ctx.store.order(mchId, fields.out_trade_no!)) return refuse('20004', '订单号重复')
  const scenario = qrScenarioOf(totalFee)
  if (scenario === 'refused') return refuse('20013', '商户未开通该支付方式（沙箱场景）')
  const now = ctx.store.now()
  const token = ctx.store.nextId('')
  const codeUrl = paytype === 'WECHAT' ? `weixin://wxpay/bizpayurl?pr=sandbox${token}` : `https://qr.alipay.com/sandbox${token}`
  const order: SandboxOrder = {
    mchId,
    outTradeNo: fields.out_trade_no!,
    transactionId: ctx.store.nextId('7551'),
    paytype,
    source: 'native',
    totalFee,
    body: fields.body!,
    attach: fields.attach,
    createdAt: now,
    status: 'unpaid',
    codeUrl,
  }
  if (scenario === 'paysLater') order.paysAt = now + DELAYS_MS.qrPaid * ctx.scale
  if (scenario === 'paysAtOnce') order.paysAt = now
  if (scenario === 'closesItself') order.closesAt = now + DELAYS_MS.qrClose * ctx.scale
  ctx.store.addOrder(order)
  return success({ mch_id: mchId, out_trade_no: order.outTradeNo, code_url: codeUrl, services: `pay.${paytype.toLowerCase()}.native` })
}
