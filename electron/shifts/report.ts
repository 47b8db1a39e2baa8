// One calculation for X and Z reports, from the journal's aggregate figures
// for the shift (journal/shifts.ts).
import type { ShiftAgg, ShiftAggregates } from '../journal/shifts'
import type { PayMethod, PayType, ShiftReport, ShiftView } from '../shared/contract'
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
  const paid = sum(byPaytypePaid)
  const refunded = sum(refundsBy)
  const netFen = paid.amountFen - refunded.amountFen
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
    expectedFen: shift.floatFen + netFen,
  }
}
