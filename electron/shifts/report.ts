// One calculation for X and Z reports, straight from the journal with indexed
// aggregate queries (fast on a large journal: see bench/). The drawer and the
// wallets are kept apart: wallet money (by paytype) never goes into the cash
// the drawer should hold (float + cash sales − cash refunds + paid-in − paid-out).
import { CashRepo } from '../cash/repo'
import type { Db } from '../journal/db'
import type { DrawerCount, PayMethod, PayType, ShiftReport, ShiftView } from '../shared/contract'

interface Agg {
  k: string
  n: number
  s: number
}

export function computeReport(db: Db, kind: 'X' | 'Z', shift: ShiftView, at: number): ShiftReport {
  const paidBy = (col: 'paytype' | 'method') =>
    db.prepare(`SELECT ${col} k, count(*) n, coalesce(sum(amount_fen),0) s FROM orders WHERE shift_id = ? AND state = 'paid' ${col === 'paytype' ? "AND method != 'cash'" : ''} GROUP BY ${col}`).all(shift.id) as Agg[]
  const refundsBy = db
    .prepare(
      `SELECT o.paytype k, count(*) n, coalesce(sum(r.amount_fen),0) s FROM refunds r JOIN orders o ON o.out_trade_no = r.out_trade_no
       WHERE r.shift_id = ? AND r.state = 'success' AND o.method != 'cash' GROUP BY o.paytype`,
    )
    .all(shift.id) as Agg[]
  const counts = db
    .prepare(
      `SELECT sum(state IN ('cancelled','closed')) cancelled, sum(state = 'failed') failed FROM orders WHERE shift_id = ?`,
    )
    .get(shift.id) as { cancelled: number | null; failed: number | null }
  const attention = db
    .prepare(
      `SELECT out_trade_no, coalesce(attention, step) reason FROM orders WHERE shift_id = ? AND (attention IS NOT NULL OR state = 'review'
         OR state NOT IN ('paid','cancelled','closed','failed','review'))
       UNION ALL
       SELECT out_trade_no, '退款：' || step FROM refunds WHERE shift_id = ? AND state NOT IN ('success','failed')`,
    )
    .all(shift.id, shift.id) as { out_trade_no: string; reason: string }[]

  const byPaytypePaid = paidBy('paytype')
  const paytypes = [...new Set([...byPaytypePaid.map((a) => a.k), ...refundsBy.map((a) => a.k)])].sort() as PayType[]
  const bucket = (list: Agg[], k: string) => {
    const a = list.find((x) => x.k === k)
    return { count: a?.n ?? 0, amountFen: a?.s ?? 0 }
  }
  const sum = (list: Agg[]) => ({ count: list.reduce((t, a) => t + a.n, 0), amountFen: list.reduce((t, a) => t + a.s, 0) })
  const moved = new CashRepo(db).totals(shift.id)
  const add = (a: { count: number; amountFen: number }, b: { count: number; amountFen: number }) => ({ count: a.count + b.count, amountFen: a.amountFen + b.amountFen })
  const paid = add(sum(byPaytypePaid), moved.sale)
  const refunded = add(sum(refundsBy), moved.refund)
  const netFen = paid.amountFen - refunded.amountFen
  const expectedCash = shift.floatFen + moved.sale.amountFen - moved.refund.amountFen + moved.paid_in.amountFen - moved.paid_out.amountFen
  const counted = new CashRepo(db).count(shift.id)
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
    attention: attention.map((a) => ({ outTradeNo: a.out_trade_no, reason: a.reason })),
    expectedFen: expectedCash,
    cash: {
      floatFen: shift.floatFen,
      sales: moved.sale,
      refunds: moved.refund,
      paidIn: moved.paid_in,
      paidOut: moved.paid_out,
      noSales: moved.no_sale.count,
      expectedFen: expectedCash,
      count: counted
        ? { pieces: JSON.parse(counted.denominations) as DrawerCount['pieces'], countedFen: counted.counted_fen, overShortFen: counted.over_short_fen, approvedBy: counted.approved_by }
        : null,
    },
  }
}
