// Shifts and the X/Z reports. X (mid-shift) and Z (at close) come from the
// same calculation (report.ts); a Z report is stored with the closed shift.
import { randomUUID } from 'node:crypto'
import type { Statement } from 'better-sqlite3'
import type { Journal } from '../journal'
import type { DrawerCount, ShiftReport, ShiftView } from '../shared/contract'
import { formatYuan } from '../shared/money'
import { PosFailure } from '../shared/result'
import { CashRepo, countedFen } from '../cash/repo'
import { computeReport } from './report'

/** The drawer counted at close, and what the supervisor may accept. */
export interface CloseCount {
  count: DrawerCount
  /** |counted − expected| above this is refused unless accepted (fen). */
  limitFen: number
  acceptOverShort: boolean
  approvedBy: string
}

interface ShiftRow {
  id: string
  cashier: string
  float_fen: number
  opened_at: number
  closed_at: number | null
  z_report: string | null
}

const view = (r: ShiftRow): ShiftView => ({ id: r.id, cashier: r.cashier, floatFen: r.float_fen, openedAt: r.opened_at, closedAt: r.closed_at })

export class ShiftService {
  constructor(
    private readonly journal: Journal,
    private readonly now: () => number,
    private readonly onChange: (shift: ShiftView | null) => void = () => {},
  ) {}

  current(): ShiftView | null {
    // Prepared once: every sale asks (ensureOpen), and each prepared statement holds native memory until GC.
    this.currentStmt ??= this.journal.db.prepare<[], ShiftRow>(`SELECT * FROM shifts WHERE closed_at IS NULL`)
    const row = this.currentStmt.get()
    return row ? view(row) : null
  }

  private currentStmt: Statement<[], ShiftRow> | null = null

  currentId(): string | null {
    return this.current()?.id ?? null
  }

  open(cashier: string, floatFen: number): ShiftView {
    if (this.current()) throw new PosFailure('CONFLICT', '已有未结班的班次：请先结班')
    const id = `S${this.now().toString(36).toUpperCase()}${randomUUID().slice(0, 4).toUpperCase()}`
    this.journal.db.prepare(`INSERT INTO shifts (id, cashier, float_fen, opened_at) VALUES (?, ?, ?, ?)`).run(id, cashier, floatFen, this.now())
    const shift = this.current() as ShiftView
    this.onChange(shift)
    return shift
  }

  /** A sale with no open shift opens one for the cashier (float 0) rather than being refused. */
  ensureOpen(cashier: string): { id: string; cashier: string } {
    const shift = this.current() ?? this.open(cashier, 0)
    return { id: shift.id, cashier: shift.cashier }
  }

  report(kind: 'X' | 'Z', shiftId?: string): ShiftReport {
    const shift = shiftId ? this.get(shiftId) : this.current()
    if (!shift) throw new PosFailure('NO_SHIFT', '当前没有开班：请先开班')
    return computeReport(this.journal.db, kind, shift, this.now())
  }

  /** Z report of a closed shift as stored at close, or an X report of the open one. */
  stored(shiftId: string): ShiftReport {
    const row = this.journal.db.prepare(`SELECT * FROM shifts WHERE id = ?`).get(shiftId) as ShiftRow | undefined
    if (!row) throw new PosFailure('NOT_FOUND', `没有这个班次：${shiftId}`)
    if (row.z_report) return JSON.parse(row.z_report) as ShiftReport
    return this.report('X', shiftId)
  }

  /** Closes the open shift; with a drawer count, the count and its over/short are part of the Z report (one transaction). */
  close(counted?: CloseCount): ShiftReport {
    const shift = this.current()
    if (!shift) throw new PosFailure('NO_SHIFT', '当前没有开班')
    const closedAt = this.now()
    const report = this.journal.db.transaction(() => {
      if (counted) this.saveCount(shift, counted, closedAt)
      const z = computeReport(this.journal.db, 'Z', { ...shift, closedAt }, closedAt)
      this.journal.db.prepare(`UPDATE shifts SET closed_at = ?, z_report = ? WHERE id = ?`).run(closedAt, JSON.stringify(z), shift.id)
      return z
    })()
    this.onChange(null)
    return report
  }

  private saveCount(shift: ShiftView, c: CloseCount, at: number): void {
    const expected = computeReport(this.journal.db, 'X', shift, at).expectedFen
    const total = countedFen(c.count.pieces)
    const overShort = total - expected
    if (Math.abs(overShort) > c.limitFen && !c.acceptOverShort) {
      throw new PosFailure('CONFIRM_REQUIRED', `长短款 ${formatYuan(overShort)} 超过限额 ${formatYuan(c.limitFen)}：需主管确认`, {
        reason: 'over-short',
        overShortFen: String(overShort),
        limitFen: String(c.limitFen),
      })
    }
    new CashRepo(this.journal.db).saveCount({
      shift_id: shift.id,
      denominations: JSON.stringify(c.count.pieces),
      counted_fen: total,
      expected_fen: expected,
      over_short_fen: overShort,
      approved_by: Math.abs(overShort) > c.limitFen ? c.approvedBy : null,
      at,
    })
  }

  list(limit: number): ShiftView[] {
    return (this.journal.db.prepare(`SELECT * FROM shifts ORDER BY opened_at DESC LIMIT ?`).all(limit) as ShiftRow[]).map(view)
  }

  private get(id: string): ShiftView | null {
    const row = this.journal.db.prepare(`SELECT * FROM shifts WHERE id = ?`).get(id) as ShiftRow | undefined
    return row ? view(row) : null
  }
}
