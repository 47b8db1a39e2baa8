// Shifts and the X/Z reports. X (mid-shift) and Z (at close) come from the
// same calculation (report.ts); a Z report is stored with the closed shift.
import { randomUUID } from 'node:crypto'
import { countedFen, type Journal, type ShiftRow } from '../journal'
import { ShiftReport, type DrawerCount, type HandoverProposal, type ShiftView } from '../shared/contract'
import { formatYuan } from '../shared/money'
import { PosFailure } from '../shared/result'
import { computeReport } from './report'

/** The drawer counted at close, and what the supervisor may accept. */
export interface CloseCount {
  count: DrawerCount
  /** |counted − expected| above this is refused unless accepted (fen). */
  limitFen: number
  acceptOverShort: boolean
  approvedBy: string
  /** Declared taken out of the counted drawer (to the safe): not left for the next shift. */
  takenOutFen?: number
}

const view = (r: ShiftRow): ShiftView => ({
  id: r.id,
  cashier: r.cashier,
  floatFen: r.float_fen,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  operatorNo: r.operator_no ?? null,
  closedBy: r.closed_by ?? null,
  closeApprover: r.close_approver ?? null,
  floatSource: r.float_from_shift
    ? { fromShiftId: r.float_from_shift, carriedFen: r.float_carried_fen ?? 0, countedBy: r.float_counted_by ?? null, reason: r.float_reason ?? null }
    : null,
})

export class ShiftService {
  constructor(
    private readonly journal: Journal,
    private readonly now: () => number,
    private readonly onChange: (shift: ShiftView | null) => void = () => {},
  ) {}

  current(): ShiftView | null {
    const row = this.journal.shifts.current()
    return row ? view(row) : null
  }

  currentId(): string | null {
    return this.current()?.id ?? null
  }

  /**
   * THE proposed float of the next shift (handover): the drawer counted at the
   * last close of this counter minus what the closing cashier took out. null when
   * the last closed shift was not counted (nothing known to carry).
   */
  handover(): HandoverProposal | null {
    const last = this.journal.shifts.lastClosed()
    const count = last ? this.journal.cash.count(last.id) : null
    if (!last || !count) return null
    const takenOut = count.taken_out_fen ?? 0
    const countedBy = last.closed_by ?? null
    return {
      fromShiftId: last.id,
      cashier: last.cashier,
      closedAt: last.closed_at ?? count.at,
      countedBy,
      countedByName: countedBy ? (this.journal.operators.get(countedBy)?.name ?? null) : null,
      countedFen: count.counted_fen,
      takenOutFen: takenOut,
      floatFen: Math.max(0, count.counted_fen - takenOut),
    }
  }

  /**
   * Opens a shift. With a carried float (handover) a different float needs a
   * reason (CONFIRM_REQUIRED, reason 'float-differs'); where it came from is recorded.
   */
  open(cashier: string, floatFen: number, operatorNo: string | null = null, floatReason?: string): ShiftView {
    if (this.current()) throw new PosFailure('CONFLICT', '已有未结班的班次：请先结班', { reason: 'shift-open' })
    const carried = this.handover()
    const reason = floatReason?.trim() || null
    const differs = carried !== null && carried.floatFen !== floatFen
    if (differs && !reason) {
      throw new PosFailure('CONFIRM_REQUIRED', `备用金与上一班留存 ${formatYuan(carried.floatFen)} 不同：请填写原因`, {
        reason: 'float-differs',
        carriedFen: String(carried.floatFen),
        floatFen: String(floatFen),
      })
    }
    const id = `S${this.now().toString(36).toUpperCase()}${randomUUID().slice(0, 4).toUpperCase()}`
    const source = carried ? { float_from_shift: carried.fromShiftId, float_carried_fen: carried.floatFen, float_counted_by: carried.countedBy, float_reason: differs ? reason : null } : null
    this.journal.shifts.insert(id, cashier, floatFen, this.now(), operatorNo, source)
    const shift = this.current() as ShiftView
    this.onChange(shift)
    return shift
  }

  /** A sale with no open shift opens one for the cashier rather than being refused: its float is the carried one (0 when nothing was counted). */
  ensureOpen(cashier: string, operatorNo: string | null = null): { id: string; cashier: string } {
    const shift = this.current() ?? this.open(cashier, this.handover()?.floatFen ?? 0, operatorNo)
    return { id: shift.id, cashier: shift.cashier }
  }

  report(kind: 'X' | 'Z', shiftId?: string): ShiftReport {
    const shift = shiftId ? this.get(shiftId) : this.current()
    if (!shift) throw new PosFailure('NO_SHIFT', '当前没有开班：请先开班')
    return computeReport(this.journal.shifts.aggregates(shift.id), kind, shift, this.now())
  }

  /** Z report of a closed shift as stored at close, or an X report of the open one. */
  stored(shiftId: string): ShiftReport {
    const row = this.journal.shifts.get(shiftId)
    if (!row) throw new PosFailure('NOT_FOUND', `没有这个班次：${shiftId}`, { reason: 'shift', shiftId })
    if (row.z_report) return storedReport(row.z_report, () => this.report('Z', shiftId))
    return this.report('X', shiftId)
  }

  /** Closes the open shift; with a drawer count, the count and its over/short are part of the Z report (one transaction). */
  close(counted?: CloseCount, by: { closedBy: string | null; approver: string | null } = { closedBy: null, approver: null }): ShiftReport {
    const shift = this.current()
    if (!shift) throw new PosFailure('NO_SHIFT', '当前没有开班')
    const closedAt = this.now()
    const report = this.journal.transaction(() => {
      if (counted) this.saveCount(shift, counted, closedAt)
      const z = computeReport(this.journal.shifts.aggregates(shift.id), 'Z', { ...shift, closedAt }, closedAt)
      this.journal.shifts.close(shift.id, closedAt, JSON.stringify(z), by)
      return z
    })
    this.onChange(null)
    return report
  }

  /** counted − expected for the open shift now (what a close with this count would record); null with no shift open. */
  overShort(count: DrawerCount): number | null {
    const shift = this.current()
    if (!shift) return null
    return countedFen(count.pieces) - computeReport(this.journal.shifts.aggregates(shift.id), 'X', shift, this.now()).expectedFen
  }

  private saveCount(shift: ShiftView, c: CloseCount, at: number): void {
    const expected = computeReport(this.journal.shifts.aggregates(shift.id), 'X', shift, at).expectedFen
    const total = countedFen(c.count.pieces)
    const takenOut = c.takenOutFen ?? 0
    if (takenOut > total) {
      throw new PosFailure('VALIDATION', `取出金额 ${formatYuan(takenOut)} 超过实点现金 ${formatYuan(total)}`, { reason: 'taken-out-above-counted', takenOutFen: String(takenOut), countedFen: String(total) })
    }
    const overShort = total - expected
    if (Math.abs(overShort) > c.limitFen && !c.acceptOverShort) {
      throw new PosFailure('CONFIRM_REQUIRED', `长短款 ${formatYuan(overShort)} 超过限额 ${formatYuan(c.limitFen)}：需主管确认`, {
        reason: 'over-short',
        overShortFen: String(overShort),
        limitFen: String(c.limitFen),
      })
    }
    this.journal.cash.saveCount({
      shift_id: shift.id,
      denominations: JSON.stringify(c.count.pieces),
      counted_fen: total,
      expected_fen: expected,
      over_short_fen: overShort,
      approved_by: Math.abs(overShort) > c.limitFen ? c.approvedBy : null,
      at,
      taken_out_fen: takenOut,
    })
  }

  list(limit: number): ShiftView[] {
    return this.journal.shifts.list(limit).map(view)
  }

  get(id: string): ShiftView | null {
    const row = this.journal.shifts.get(id)
    return row ? view(row) : null
  }
}

/**
 * A Z report as stored at close, checked with zod: one that does not parse (a
 * damaged cell) is worked out again from the journal rather than trusted or
 * crashing the call (the orders it counts are the same ones).
 */
function storedReport(text: string, again: () => ShiftReport): ShiftReport {
  try {
    const parsed = ShiftReport.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data
  } catch {
    // not JSON
  }
  return again()
}
