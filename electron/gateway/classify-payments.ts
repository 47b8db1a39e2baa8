// Verified answers of pay/facepay, orderquery and cancel → typed outcomes.
// Rule: only a verified answer with a definite code is final; everything else
// is `unknown` (query it / retry it), never success or failure.
import { PENDING_TRADE_STATES, REQUEST_REFUSED, codeOf, messageOf, parseFen } from './codes'
import type { Exchange } from './transport'
import type { CancelOutcome, OrderQueryOutcome, Paid, PayOutcome, Unknown } from './types'

export function unknownOf(ex: Exchange & { ok: false }): Unknown {
  return { kind: 'unknown', reason: ex.reason, fault: ex.fault }
}

function unknownCode(fields: Record<string, string>, why: string): Unknown {
  const code = codeOf(fields)
  return { kind: 'unknown', reason: `${why}: ${code || '(no code)'} ${messageOf(fields)}`, ...(code ? { code } : {}) }
}

/** A paid answer must name our order and amount; otherwise it is not believed. */
function paidOf(fields: Record<string, string>, expected: { outTradeNo: string; totalFee?: number }): Paid | Unknown {
  const totalFee = parseFen(fields.total_fee)
  const transactionId = fields.transaction_id ?? ''
  const timeEnd = fields.time_end ?? ''
  if (fields.out_trade_no !== expected.outTradeNo) return unknownCode(fields, 'paid answer names another out_trade_no')
  if (totalFee === null || (expected.totalFee !== undefined && totalFee !== expected.totalFee)) {
    return unknownCode(fields, 'paid answer has a missing or different total_fee')
  }
  if (transactionId === '' || !/^\d{14}$/.test(timeEnd)) return unknownCode(fields, 'paid answer lacks transaction_id or time_end')
  // A voucher changes what the receipt shows, never whether the order is paid: one that does not parse
  // or exceeds the amount is left out (the raw answer stays in the audit).
  const coupon = parseFen(fields.coupon_fee)
  const couponFee = coupon !== null && coupon > 0 && coupon <= totalFee ? { couponFee: coupon } : {}
  return { kind: 'paid', transactionId, outTradeNo: expected.outTradeNo, totalFee, timeEnd, ...couponFee, raw: fields }
}

export function classifyPay(ex: Exchange, expected: { outTradeNo: string; totalFee: number }): PayOutcome {
  if (!ex.ok) return unknownOf(ex)
  const f = ex.fields
  const code = codeOf(f)
  if (f.state === 'VER') return { kind: 'failed', code: code || 'VER', message: `client version refused: ${messageOf(f)}` }
  if (code === '10000') {
    const ts = f.trade_state
    if (ts !== undefined && PENDING_TRADE_STATES.has(ts)) return { kind: 'paying', code, message: messageOf(f) }
    if (ts === undefined || ts === '' || ts === 'SUCCESS') return paidOf(f, expected)
    return unknownCode(f, `code 10000 with trade_state ${ts}`)
  }
  // 10003 on a pay answer: the order exists unpaid; only a query can settle it.
  if (code === '10001' || code === '10003') return { kind: 'paying', code, message: messageOf(f) }
  if (code === '10006' || code === '10004' || code === '10005' || REQUEST_REFUSED.has(code)) {
    return { kind: 'failed', code, message: messageOf(f) }
  }
  return unknownCode(f, 'no definite answer')
}

export function classifyOrderQuery(ex: Exchange, outTradeNo: string): OrderQueryOutcome {
  if (!ex.ok) return unknownOf(ex)
  const f = ex.fields
  const code = codeOf(f)
  switch (code) {
    case '10000': {
      const ts = f.trade_state
      if (ts !== undefined && PENDING_TRADE_STATES.has(ts)) return { kind: 'paying' }
      if (ts === 'REFUND') return { kind: 'refund' }
      if (ts === undefined || ts === '' || ts === 'SUCCESS') return paidOf(f, { outTradeNo })
      return unknownCode(f, `code 10000 with trade_state ${ts}`)
    }
    case '10001':
      return { kind: 'paying' }
    case '10002':
      return { kind: 'refund' }
    case '10003':
      return { kind: 'unpaid' }
    case '10004':
      return { kind: 'closed' }
    case '10005':
      return { kind: 'reversed' }
    case '10006':
      return { kind: 'failed', code, message: messageOf(f) }
    case '20007':
      return { kind: 'notFound' }
    default:
      // Including refusals of the query itself (20002/20004/…): they say nothing about the order.
      return unknownCode(f, 'query not answered')
  }
}

export function classifyCancel(ex: Exchange): CancelOutcome {
  if (!ex.ok) return unknownOf(ex)
  const f = ex.fields
  const code = codeOf(f)
  if (f.recall === 'Y') return { kind: 'retry', message: messageOf(f) }
  if (code === '10000') {
    const ts = f.trade_state
    if (ts === undefined || ts === '' || ts === 'SUCCESS') return { kind: 'cancelled' }
    if (PENDING_TRADE_STATES.has(ts)) return { kind: 'retry', message: messageOf(f) }
    return unknownCode(f, `code 10000 with trade_state ${ts}`)
  }
  // Already closed or reversed: the goal of the cancel holds.
  if (code === '10004' || code === '10005') return { kind: 'cancelled' }
  if (code === '10001') return { kind: 'paying' }
  if (code === '20006' || code === '30001') return { kind: 'retry', message: messageOf(f) }
  if (f.state === 'VER' || code === '10002' || code === '20011' || code === '20007' || REQUEST_REFUSED.has(code)) {
    return { kind: 'failed', code: code || 'VER', message: messageOf(f) }
  }
  return unknownCode(f, 'no definite answer')
}
