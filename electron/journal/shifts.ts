// Shifts and the figures their X/Z reports are made of. The report itself is
// computed in shifts/report.ts from `aggregates()`; the stored Z report is read
// back through zod by the shifts service.
import type { Statement } from 'better-sqlite3'
import type { Db } from './db'
import type { CashRepo, DrawerCountRow, MovementTotals } from './cash'
import { OWN_ROWS_SQL, type CounterId } from './counter-id'

export interface ShiftRow {
  id: string
  cashier: string
  float_fen: number
  opened_at: number
  closed_at: number | null
  z_report: string | null
  device_id: string
  /** Who opened it, who closed it and who approved the close (v7; null before operators). */
  operator_no?: string | null
  closed_by?: string | null
  close_approver?: string | null
  /** Handover (v? handover): the shift the float was carried from, the amount carried, who counted it, the reason for a different float. */
  float_from_shift?: string | null
  float_carried_fen?: number | null
  float_counted_by?: string | null
  float_reason?: string | null
}

/** Where a new shift's float came from (a handover). */
export interface FloatSourceRow {
  float_from_shift: string
  float_carried_fen: number
  float_counted_by: string | null
  float_reason: string | null
}

/** Count and sum (fen) of one group. */
export interface ShiftAgg {
  k: string
  n: number
  s: number
}

export interface ShiftAggregates {
  /** Wallet (gateway) orders only: cash is the drawer's, below. */
  paidByPaytype: ShiftAgg[]
  paidByMethod: ShiftAgg[]
  /**
   * Wallet refunds only, by the refund's shift: a refund made here of another counter's order counts
   * here (the money left through the wallet at this counter), its sale does not (the foreign row has
   * no shift here; it is in the books of the counter that took it).
   */
  refundsByPaytype: ShiftAgg[]
  /** The drawer's movements (cash sales and refunds, paid in/out, no-sale opens). */
  cash: MovementTotals
  /** The drawer count at close, when one was taken. */
  count: DrawerCountRow | null
  cancelled: number
  failed: number
  /** Orders and refunds of the shift still open or flagged, with the journal's reason. */
  attention: { outTradeNo: string; reason: string; refund: boolean }[]
}

export class ShiftsRepo {
  // Prepared once: every sale asks for the open shift, and each prepared statement holds native memory until GC.
  private currentStmt: Statement<[], ShiftRow> | null = null

  constructor(
    private readonly db: Db,
    private readonly counter: CounterId,
    /** The drawer's repository (the Journal's own): a report's cash figures. */
    private readonly drawer: CashRepo,
  ) {}

  /** This counter's open shift. */
  current(): ShiftRow | undefined {
    this.currentStmt ??= this.db.prepare<[], ShiftRow>(`SELECT * FROM shifts WHERE closed_at IS NULL AND ${OWN_ROWS_SQL}`)
    return this.currentStmt.get()
  }

  get(id: string): ShiftRow | undefined {
    return this.db.prepare(`SELECT * FROM shifts WHERE id = ?`).get(id) as ShiftRow | undefined
  }

  insert(id: string, cashier: string, floatFen: number, openedAt: number, operatorNo: string | null = null, source: FloatSourceRow | null = null): void {
    this.db
      .prepare(
        `INSERT INTO shifts (id, cashier, float_fen, opened_at, operator_no, device_id, float_from_shift, float_carried_fen, float_counted_by, float_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, cashier, floatFen, openedAt, operatorNo, this.counter.current(), source?.float_from_shift ?? null, source?.float_carried_fen ?? null, source?.float_counted_by ?? null, source?.float_reason ?? null)
  }

  /** This counter's shift closed last (the one a handover carries the drawer from). */
  lastClosed(): ShiftRow | undefined {
    return this.db.prepare(`SELECT * FROM shifts WHERE closed_at IS NOT NULL AND ${OWN_ROWS_SQL} ORDER BY closed_at DESC LIMIT 1`).get() as ShiftRow | undefined
  }

  /** This counter's shifts opened in [from, to), oldest first (a business day's shifts). */
  openedBetween(from: number, to: number): ShiftRow[] {
    return this.db.prepare(`SELECT * FROM shifts WHERE opened_at >= ? AND opened_at < ? AND ${OWN_ROWS_SQL} ORDER BY opened_at`).all(from, to) as ShiftRow[]
  }

  /** Opening times of this counter's latest shifts, newest first (the list of past days). */
  openingTimes(limit: number): number[] {
    return (this.db.prepare(`SELECT opened_at FROM shifts WHERE ${OWN_ROWS_SQL} ORDER BY opened_at DESC LIMIT ?`).all(limit) as { opened_at: number }[]).map((r) => r.opened_at)
  }

  close(id: string, closedAt: number, zReportJson: string, by: { closedBy: string | null; approver: string | null } = { closedBy: null, approver: null }): void {
    this.db.prepare(`UPDATE shifts SET closed_at = ?, z_report = ?, closed_by = ?, close_approver = ? WHERE id = ?`).run(closedAt, zReportJson, by.closedBy, by.approver, id)
  }

  /** The shift a reconciliation defaults to: the one closed last, else the open one. */
  lastClosedOrOpen(): ShiftRow | undefined {
    return this.db.prepare(`SELECT * FROM shifts WHERE ${OWN_ROWS_SQL} ORDER BY closed_at IS NULL, closed_at DESC LIMIT 1`).get() as ShiftRow | undefined
  }

  list(limit: number): ShiftRow[] {
    return this.db.prepare(`SELECT * FROM shifts ORDER BY opened_at DESC LIMIT ?`).all(limit) as ShiftRow[]
  }

  /** Indexed aggregate queries (fast on a large journal: see bench/). */
  aggregates(shiftId: string): ShiftAggregates {
    const paidBy = (col: 'paytype' | 'method') =>
      this.db
        .prepare(`SELECT ${col} k, count(*) n, coalesce(sum(amount_fen),0) s FROM orders WHERE shift_id = ? AND state = 'paid' ${col === 'paytype' ? "AND method != 'cash'" : ''} GROUP BY ${col}`)
        .all(shiftId) as ShiftAgg[]
    const refundsByPaytype = this.db
      .prepare(
        `SELECT o.paytype k, count(*) n, coalesce(sum(r.amount_fen),0) s FROM refunds r JOIN orders o ON o.out_trade_no = r.out_trade_no
         WHERE r.shift_id = ? AND r.state = 'success' AND o.method != 'cash' GROUP BY o.paytype`,
      )
      .all(shiftId) as ShiftAgg[]
    const counts = this.db
      .prepare(`SELECT sum(state IN ('cancelled','closed')) cancelled, sum(state = 'failed') failed FROM orders WHERE shift_id = ?`)
      .get(shiftId) as { cancelled: number | null; failed: number | null }
    const attention = this.db
      .prepare(
        `SELECT out_trade_no, coalesce(attention, step) reason, 0 refund FROM orders WHERE shift_id = ? AND (attention IS NOT NULL OR state = 'review'
           OR state NOT IN ('paid','cancelled','closed','failed','review'))
         UNION ALL
         SELECT out_trade_no, step, 1 FROM refunds WHERE shift_id = ? AND state NOT IN ('success','failed')`,
      )
      .all(shiftId, shiftId) as { out_trade_no: string; reason: string; refund: number }[]
    return {
      paidByPaytype: paidBy('paytype'),
      paidByMethod: paidBy('method'),
      refundsByPaytype,
      cancelled: counts.cancelled ?? 0,
      failed: counts.failed ?? 0,
      attention: attention.map((a) => ({ outTradeNo: a.out_trade_no, reason: a.reason, refund: a.refund === 1 })),
      cash: this.drawer.totals(shiftId),
      count: this.drawer.count(shiftId),
    }
  }
}
