// One order of a reconciliation: what the gateway says (its last verified final
// answer from the audit trail, or a fresh orderquery) against the journal
// (state, total_fee, transaction_id). Pure comparison plus the one query.
import type { OrderQueryOutcome } from '../gateway/types'
import type { Journal } from '../journal'
import type { OrderRow } from '../journal/orders'
import type { ReconcileDifference } from '../shared/contract'
import type { EngineContext } from './context'

/** Gateway outcomes that end an order for good (a verified answer with one of these needs no new query). */
const FINAL_ANSWERS = new Set(['paid', 'refund', 'closed', 'reversed', 'cancelled', 'failed'])
const TRADE_CALLS = ['pay', 'facepay', 'orderquery', 'cancel', 'WECHAT_PreOrder', 'ALIPAY_PreOrder']

export interface GatewaySide {
  /** paid | refund | closed | reversed | cancelled | failed | paying | unpaid | notFound | unknown */
  kind: string
  totalFee: number | null
  transactionId: string | null
  /** 'audit': the last verified final answer on record; 'query': asked now. */
  source: 'audit' | 'query'
}

/** The last verified (signed, parsed) final answer about this order, if its state came from one. */
export function lastVerifiedFinal(journal: Journal, row: OrderRow): GatewaySide | null {
  const last = journal.audit.lastAnswered(row.out_trade_no, TRADE_CALLS)
  if (!last || !FINAL_ANSWERS.has(last.outcome)) return null
  const fields = safeJson(last.response)
  const fee = fields.total_fee !== undefined && /^\d+$/.test(fields.total_fee) ? Number(fields.total_fee) : null
  return { kind: last.outcome, totalFee: fee, transactionId: fields.transaction_id || null, source: 'audit' }
}

/** Does the journal's state follow from this answer? (Else the state was a local decision and must be asked about.) */
export function answerExplainsState(row: OrderRow, g: GatewaySide): boolean {
  if (row.state === 'paid') return g.kind === 'paid' || g.kind === 'refund'
  if (row.state === 'cancelled') return g.kind === 'cancelled' || g.kind === 'reversed'
  if (row.state === 'closed') return g.kind === 'closed'
  if (row.state === 'failed') return g.kind === 'failed'
  return false
}

export async function askGateway(ctx: EngineContext, row: OrderRow): Promise<GatewaySide> {
  if (!row.paytype) return { kind: 'unknown', totalFee: null, transactionId: null, source: 'query' }
  const out: OrderQueryOutcome = await ctx.gateway.orderQuery({ paytype: row.paytype, outTradeNo: row.out_trade_no })
  return {
    kind: out.kind,
    totalFee: out.kind === 'paid' ? out.totalFee : null,
    transactionId: out.kind === 'paid' ? out.transactionId : null,
    source: 'query',
  }
}

const PAID = new Set(['paid', 'refund'])
const NOT_PAID = new Set(['closed', 'reversed', 'cancelled', 'failed', 'notFound'])

/** The difference between the journal and the gateway for one order, or null when they agree. */
export function compare(row: OrderRow, g: GatewaySide): ReconcileDifference | null {
  if (row.state === 'review') return 'review'
  if (!['paid', 'cancelled', 'closed', 'failed'].includes(row.state)) return 'open'
  if (g.kind === 'unknown') return 'no-answer'
  const journalPaid = row.state === 'paid'
  if (PAID.has(g.kind)) {
    if (!journalPaid) return 'paid-not-recorded'
    if (g.kind === 'paid' && g.totalFee !== null && g.totalFee !== row.amount_fen) return 'amount'
    if (g.kind === 'paid' && g.transactionId && row.transaction_id && g.transactionId !== row.transaction_id) return 'transaction-id'
    return null
  }
  if (NOT_PAID.has(g.kind)) return journalPaid ? 'recorded-not-paid' : null
  // paying / unpaid: the gateway still has it open while the counter ended it
  return 'open-at-gateway'
}

function safeJson(text: string | null): Record<string, string> {
  if (!text) return {}
  try {
    const v = JSON.parse(text) as unknown
    return v && typeof v === 'object' ? (v as Record<string, string>) : {}
  } catch {
    return {}
  }
}
