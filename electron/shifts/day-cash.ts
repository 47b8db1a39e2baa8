// THE day's drawer (日结 钱箱现金), decided here and nowhere else: the shifts
// of one business day, in the order they opened, as one drawer through the day.
// Summing each shift's expected and counted cash counted a carried float once
// per shift that held it; instead the day is told as a person counting the
// drawer would tell it:
//   opening float  = the first shift's float + float added at later handovers
//                    (a later shift's float − what it carried from the shift before)
//   cash in/out    = cash sales − cash refunds + paid-in − paid-out, all shifts
//   taken to safe  = all shifts; those before the last count come off the expected
//   expected (end) = opening float + cash in/out − taken to the safe before the last count
//   counted (end)  = the last shift's count; left = counted − taken out at that close
//   over/short     = the sum of the shifts' own over/short (= counted − expected
//                    when every shift was counted)
// A shift closed without a count is taken to have left what it expected (the
// next shift's float is then compared with that); `uncountedShifts` says so.
import type { DaySummary, ShiftReport } from '../shared/contract'

type Bucket = { count: number; amountFen: number }
const zero = (): Bucket => ({ count: 0, amountFen: 0 })
const add = (a: Bucket, b: Bucket | undefined): Bucket => ({ count: a.count + (b?.count ?? 0), amountFen: a.amountFen + (b?.amountFen ?? 0) })

export type DayCash = DaySummary['cash']

/** The day's drawer from its shifts' own reports (stored Z, or X for one still open), oldest first. */
export function dayCash(reports: ShiftReport[]): DayCash {
  const cash: DayCash = {
    openingFloatFen: 0,
    floatAddedFen: 0,
    sales: zero(),
    refunds: zero(),
    paidIn: zero(),
    paidOut: zero(),
    netFen: 0,
    takenOutFen: 0,
    takenOutAtEndFen: 0,
    expectedFen: 0,
    countedFen: null,
    overShortFen: 0,
    leftFen: null,
    countedShifts: 0,
    uncountedShifts: 0,
  }
  let leftBefore: { shiftId: string; fen: number } | null = null
  reports.forEach((r, i) => {
    const c = r.cash
    const floatFen = c?.floatFen ?? r.shift.floatFen
    const expectedFen = c?.expectedFen ?? r.expectedFen
    if (i === 0) cash.openingFloatFen = floatFen
    else {
      // What this shift took over: the carried amount the core recorded (= the previous count − taken out), else what the previous shift left.
      const src = r.shift.floatSource
      const carried = src && src.fromShiftId === leftBefore?.shiftId ? src.carriedFen : (leftBefore?.fen ?? 0)
      cash.floatAddedFen += floatFen - carried
    }
    if (c) {
      cash.sales = add(cash.sales, c.sales)
      cash.refunds = add(cash.refunds, c.refunds)
      cash.paidIn = add(cash.paidIn, c.paidIn)
      cash.paidOut = add(cash.paidOut, c.paidOut)
    }
    cash.netFen += expectedFen - floatFen
    const count = c?.count ?? null
    const takenOut = count?.takenOutFen ?? 0
    cash.takenOutFen += takenOut
    if (count) {
      cash.countedShifts += 1
      cash.overShortFen += count.overShortFen
    } else if (r.shift.closedAt !== null) cash.uncountedShifts += 1
    const last = i === reports.length - 1
    if (last) {
      cash.takenOutAtEndFen = takenOut
      cash.countedFen = count ? count.countedFen : null
      cash.leftFen = count ? count.countedFen - takenOut : null
    }
    leftBefore = { shiftId: r.shift.id, fen: count ? count.countedFen - takenOut : expectedFen }
  })
  cash.expectedFen = cash.openingFloatFen + cash.floatAddedFen + cash.netFen - (cash.takenOutFen - cash.takenOutAtEndFen)
  return cash
}
