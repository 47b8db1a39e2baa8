// The one question every reliability check asks: do the journal and the money
// at the gateway agree? Paid in the journal exactly when paid at the sandbox,
// every order final, nothing left paying at the gateway, refunds equal.
import type { Db } from '../../electron/journal/db'
import type { SandboxGateway } from '../../electron/gateway/sandbox/server'

export const FINAL = new Set(['paid', 'cancelled', 'closed', 'failed', 'review'])
const FINAL_REFUND = new Set(['success', 'failed', 'review'])

export interface OrderVerdict {
  outTradeNo: string
  journal: string
  gateway: string
  ok: boolean
  why: string | null
}

/** Checks one order (and its refunds) of `db` against the sandbox. */
export function checkOrder(db: Db, sandbox: SandboxGateway, outTradeNo: string): OrderVerdict {
  const o = db.prepare(`SELECT state, amount_fen, refunded_fen FROM orders WHERE out_trade_no = ?`).get(outTradeNo) as
    | { state: string; amount_fen: number; refunded_fen: number }
    | undefined
  const truth = sandbox.state.findOrder(outTradeNo)
  const gateway = truth?.status ?? 'absent'
  const verdict = (why: string | null): OrderVerdict => ({ outTradeNo, journal: o?.state ?? 'missing', gateway, ok: why === null, why })
  if (!o) return verdict(gateway === 'absent' ? 'order missing from the journal' : `LOST: gateway has it (${gateway}), journal does not`)
  if (!FINAL.has(o.state)) return verdict(`journal not final (${o.state})`)
  if (gateway === 'paying' || gateway === 'unpaid') return verdict(`left ${gateway} at the gateway`)
  const paidAtGateway = gateway === 'paid' || gateway === 'refund'
  if ((o.state === 'paid') !== paidAtGateway) {
    // A review order is flagged for a person, not settled: it is only wrong if money moved and nobody is told.
    if (!(o.state === 'review' && paidAtGateway)) return verdict(`journal ${o.state}, gateway ${gateway}`)
  }
  const refunds = db.prepare(`SELECT state, amount_fen FROM refunds WHERE out_trade_no = ?`).all(outTradeNo) as { state: string; amount_fen: number }[]
  if (refunds.some((r) => !FINAL_REFUND.has(r.state))) return verdict('a refund is not final')
  const journalRefunded = refunds.filter((r) => r.state === 'success').reduce((t, r) => t + r.amount_fen, 0)
  const gatewayRefunded = truth ? sandbox.state.refundsOf(truth).filter((r) => r.status === 'SUCCESS').reduce((t, r) => t + r.refundFee, 0) : 0
  const gatewayProcessing = truth ? sandbox.state.refundsOf(truth).filter((r) => r.status !== 'SUCCESS').length : 0
  if (gatewayProcessing > 0 && !refunds.some((r) => r.state === 'review')) return verdict('a refund is still processing at the gateway')
  if (journalRefunded !== gatewayRefunded || o.refunded_fen !== gatewayRefunded) return verdict(`refunded: journal ${journalRefunded}/${o.refunded_fen}, gateway ${gatewayRefunded}`)
  if (gatewayRefunded > o.amount_fen) return verdict('refunded more than paid')
  return verdict(null)
}
