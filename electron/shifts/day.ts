// The day summary (日结) of this counter: a business day's shifts — those
// opened that day in the shop's time zone — summed from their own reports (the
// stored Z of a closed shift, an X of one still open), so the day says what
// its shifts said; the drawer is told as one drawer through the day
// (day-cash.ts), not summed per shift. Per-operator lines: sales and refunds by who did them,
// over/short of the shifts each operator closed.
import type { Journal, OperatorAgg, ShiftRow } from '../journal'
import type { DayListEntry, DaySummary, PayMethod, PayType, ShiftReport } from '../shared/contract'
import { PosFailure } from '../shared/result'
import type { ShiftService } from './service'
import { dayCash } from './day-cash'

/** The shop's business day of a moment, YYYY-MM-DD (China has one time zone and no DST). */
export function businessDay(at: number, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}

type Bucket = { count: number; amountFen: number }
const zero = (): Bucket => ({ count: 0, amountFen: 0 })
const add = (a: Bucket, b: Bucket | undefined): Bucket => ({ count: a.count + (b?.count ?? 0), amountFen: a.amountFen + (b?.amountFen ?? 0) })

export class DaySummaries {
  constructor(
    private readonly journal: Journal,
    private readonly shifts: ShiftService,
    private readonly now: () => number,
    private readonly timeZone = 'Asia/Shanghai',
  ) {}

  /** The day's shifts: a window wide enough for any time zone, then exactly the day by the shop's clock. */
  private shiftsOf(day: string): ShiftRow[] {
    const midnightUtc = Date.parse(`${day}T00:00:00Z`)
    if (Number.isNaN(midnightUtc)) throw new PosFailure('VALIDATION', `日期不对：${day}`, { reason: 'day', day: day.slice(0, 32) })
    const rows = this.journal.shifts.openedBetween(midnightUtc - 14 * 3_600_000, midnightUtc + 38 * 3_600_000)
    return rows.filter((r) => businessDay(r.opened_at, this.timeZone) === day)
  }

  /** Past business days with shifts, newest first. */
  days(limit: number): DayListEntry[] {
    const out: DayListEntry[] = []
    for (const at of this.journal.shifts.openingTimes(limit * 20)) {
      const day = businessDay(at, this.timeZone)
      if (out.at(-1)?.day !== day) {
        if (out.length === limit) break
        out.push({ day, shifts: 0, openShifts: 0 })
      }
    }
    for (const entry of out) {
      const rows = this.shiftsOf(entry.day)
      entry.shifts = rows.length
      entry.openShifts = rows.filter((r) => r.closed_at === null).length
    }
    return out
  }

  summary(day: string): DaySummary {
    const rows = this.shiftsOf(day)
    const reports = rows.map((r) => this.shifts.stored(r.id))
    const byPaytype = new Map<string, { paid: Bucket; refunded: Bucket }>()
    const byMethod = new Map<string, Bucket>()
    let paid = zero()
    let refunded = zero()
    for (const r of reports) {
      paid = add(paid, r.paid)
      refunded = add(refunded, r.refunded)
      for (const p of r.byPaytype) {
        const b = byPaytype.get(p.paytype) ?? { paid: zero(), refunded: zero() }
        byPaytype.set(p.paytype, { paid: add(b.paid, p.paid), refunded: add(b.refunded, p.refunded) })
      }
      for (const m of r.byMethod) byMethod.set(m.method, add(byMethod.get(m.method) ?? zero(), m.paid))
    }
    return {
      day,
      generatedAt: this.now(),
      shifts: rows.map((r) => this.shifts.get(r.id)).filter((s) => s !== null),
      openShifts: rows.filter((r) => r.closed_at === null).length,
      paid,
      refunded,
      netFen: paid.amountFen - refunded.amountFen,
      byPaytype: [...byPaytype].sort(([a], [b]) => a.localeCompare(b)).map(([paytype, b]) => ({ paytype: paytype as PayType, ...b })),
      byMethod: [...byMethod].sort(([a], [b]) => a.localeCompare(b)).map(([method, b]) => ({ method: method as PayMethod, paid: b })),
      cash: dayCash(reports),
      operators: this.operatorLines(rows, reports),
    }
  }

  private operatorLines(rows: ShiftRow[], reports: ShiftReport[]): DaySummary['operators'] {
    const ids = rows.map((r) => r.id)
    const lines = new Map<string, DaySummary['operators'][number]>()
    const line = (no: string | null, fallbackName: string) => {
      const key = no ?? `name:${fallbackName}`
      let l = lines.get(key)
      if (!l) {
        l = { operatorNo: no, name: (no ? this.journal.operators.get(no)?.name : null) ?? fallbackName, sales: zero(), refunds: zero(), overShortFen: 0, shiftsClosed: 0 }
        lines.set(key, l)
      }
      return l
    }
    const agg = (a: OperatorAgg): Bucket => ({ count: a.n, amountFen: a.s })
    for (const a of this.journal.days.salesByOperator(ids)) line(a.operator_no, a.name).sales = agg(a)
    for (const a of this.journal.days.refundsByOperator(ids)) line(a.operator_no, a.name).refunds = agg(a)
    rows.forEach((row, i) => {
      if (row.closed_at === null) return
      const l = line(row.closed_by ?? null, row.cashier)
      l.shiftsClosed += 1
      l.overShortFen += reports[i]?.cash?.count?.overShortFen ?? 0
    })
    return [...lines.values()].sort((a, b) => (a.operatorNo ?? '~').localeCompare(b.operatorNo ?? '~') || a.name.localeCompare(b.name))
  }
}
