// One calculation for X and Z reports, from the journal's aggregate figures
// for the shift (journal/shifts.ts). The drawer and the wallets are kept apart:
// wallet money (by paytype) never goes into the cash the drawer should hold
// (float + cash sales − cash refunds + paid-in − paid-out).
import type { ShiftAgg, ShiftAggregates } from '../journal/shifts'
import type { DrawerCount, PayMethod, PayType, ShiftReport, ShiftView } from '../shared/contract'
import { decodeMessage } from '../shared/stored-message'

type Agg = ShiftAgg

export function computeReport(figures: ShiftAggregates, kind: 'X' | 'Z', shift: ShiftView, at: number): ShiftReport {
  const { paidByPaytype: byPaytypePaid, refundsByPaytype: refundsBy } = figures
  const paytypes = [...new Set([...byPaytypePaid.map((a) => a.k), ...refundsBy.map((a) => a.k)])].sort() as PayType[]
  const bucket = (list: Agg[], k: string) => {
    const a = list.find((x) => x.k === k)
    return { count: a?.n ?? 0, amountFen: a?.s ?? 0 }
  }
  const sum = (list: Agg[]) => ({ count: list.reduce((t, a) => t + a.n, 0), amountFen: list.reduce((t, a) => t + a.s, 0) })
  const moved = figures.cash
  const add = (a: { count: number; amountFen: number }, b: { count: number; amountFen: number }) => ({ count: a.count + b.count, amountFen: a.amountFen + b.amountFen })
  const paid = add(sum(byPaytypePaid), moved.sale)
  const refunded = add(sum(refundsBy), moved.refund)
  const netFen = paid.amountFen - refunded.amountFen
  const expectedCash = shift.floatFen + moved.sale.amountFen - moved.refund.amountFen + moved.paid_in.amountFen - moved.paid_out.amountFen
  const counted = figures.count
  return {
    kind,
    shift,
    generatedAt: at,
    paid,
    byPaytype: paytypes.map((p) => ({ paytype: p, paid: bucket(byPaytypePaid, p), refunded: bucket(refundsBy, p) })),
    byMethod: figures.paidByMethod.map((a) => ({ method: a.k as PayMethod, paid: { count: a.n, amountFen: a.s } })),
    refunded,
    netFen,
    cancelled: figures.cancelled,
    failed: figures.failed,
    attention: figures.attention.map((a) => ({ outTradeNo: a.outTradeNo, refund: a.refund, reason: decodeMessage(a.reason) })),
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
        ? {
            pieces: JSON.parse(counted.denominations) as DrawerCount['pieces'],
            countedFen: counted.counted_fen,
            overShortFen: counted.over_short_fen,
            approvedBy: counted.approved_by,
            // Handover: only when something was taken out (else all of the count stays for the next shift).
            ...(counted.taken_out_fen ? { takenOutFen: counted.taken_out_fen, leftFen: Math.max(0, counted.counted_fen - counted.taken_out_fen) } : {}),
          }
        : null,
    },
  }
}
