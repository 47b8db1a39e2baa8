// One calculation for X and Z reports, straight from the journal with indexed
// aggregate queries (fast on a large journal: see bench/).
import type { Db } from '../journal/db'
import type { PayMethod, PayType, ShiftReport, ShiftView } from '../shared/contract'
import { decodeMessage } from '../shared/stored-message'

interface Agg {
  k: string
  n: number
  s: number
}

export function computeReport(db: Db, kind: 'X' | 'Z', shift: ShiftView, at: number): ShiftReport {
  const paidBy = (col: 'paytype' | 'method') =>
    db.prepare(`SELECT ${col} k, count(*) n, coalesce(sum(amount_fen),0) s FROM orders WHERE shift_id = ? AND state = 'paid' GROUP BY ${col}`).all(shift.id) as Agg[]
  const refundsBy = db
    .prepare(
      `SELECT o.paytype k, count(*) n, coalesce(sum(r.amount_fen),0) s FROM refunds r JOIN orders o ON o.out_trade_no = r.out_trade_no
       WHERE r.shift_id = ? AND r.state = 'success' GROUP BY o.paytype`,
    )
    .all(shift.id) as Agg[]
  const counts = db
    .prepare(
      `SELECT sum(state IN ('cancelled','closed')) cancelled, sum(state = 'failed') failed FROM orders WHERE shift_id = ?`,
    )
    .get(shift.id) as { cancelled: number | null; failed: number | null }
  const attention = db
    .prepare(
      `SELECT out_trade_no, 0 refund, coalesce(attention, step) reason FROM orders WHERE shift_id = ? AND (attention IS NOT NULL OR state = 'review'
         OR state NOT IN ('paid','cancelled','closed','failed','review'))
       UNION ALL
       SELECT out_trade_no, 1, step FROM refunds WHERE shift_id = ? AND state NOT IN ('success','failed')`,
    )
    .all(shift.id, shift.id) as { out_trade_no: string; refund: number; reason: string }[]

  const byPaytypePaid = paidBy('paytype')
  const paytypes = [...new Set([...byPaytypePaid.map((a) => a.k), ...refundsBy.map((a) => a.k)])].sort() as PayType[]
  const bucket = (list: Agg[], k: string) => {
    const a = list.find((x) => x.k === k)
    return { count: a?.n ?? 0, amountFen: a?.s ?? 0 }
  }
  const sum = (list: Agg[]) => ({ count: list.reduce((t, a) => t + a.n, 0), amountFen: list.reduce((t, a) => t + a.s, 0) })
  const paid = sum(byPaytypePaid)
  const refunded = sum(refundsBy)
  const netFen = paid.amountFen - refunded.amountFen
  return {
    kind,
    shift,
    generatedAt: at,
    paid,
    byPaytype: paytypes.map((p) => ({ paytype: p, paid: bucket(byPaytypePaid, p), refunded: bucket(refundsBy, p) })),
    byMethod: paidBy('method').map((a) => ({ method: a.k as PayMethod, paid: { count: a.n, amountFen: a.s } })),
    refunded,
    netFen,
    cancelled: counts.cancelled ?? 0,
    failed: counts.failed ?? 0,
    attention: attention.map((a) => ({ outTradeNo: a.out_trade_no, refund: a.refund === 1, reason: decodeMessage(a.reason) })),
    expectedFen: shift.floatFen + netFen,
  }
}
