// Reconciliation runs (对账) and their items: the list of orders is fixed in
// one transaction when a run starts, then each item is written as it is
// checked, so a run interrupted by a crash resumes where it stopped.
import type { OrderState, ReconcileDifference } from '../shared/contract'
import type { Db } from './db'
import { OWN_ROWS_SQL } from './counter-id'

export interface ReconcileRunRow {
  id: string
  from_at: number
  to_at: number
  shift_id: string | null
  started_at: number
  finished_at: number | null
  orders: number
  differences: number
}

export interface ReconcileDifferenceRow {
  out_trade_no: string
  gateway: string
  difference: ReconcileDifference
  detail: string
  state: OrderState
  amount_fen: number
}

export class ReconcileRepo {
  constructor(private readonly db: Db) {}

  /** A new run over one shift's orders, or over the orders created in [fromAt, toAt); cash orders never went to the gateway and are left out. */
  start(id: string, period: { fromAt: number; toAt: number; shiftId: string | null }, at: number): void {
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO reconcile_runs (id, from_at, to_at, shift_id, started_at) VALUES (?, ?, ?, ?, ?)`).run(id, period.fromAt, period.toAt, period.shiftId, at)
      const n = period.shiftId
        ? this.db.prepare(`INSERT INTO reconcile_items (run_id, out_trade_no) SELECT ?, out_trade_no FROM orders WHERE shift_id = ? AND method != 'cash'`).run(id, period.shiftId).changes
        : this.db.prepare(`INSERT INTO reconcile_items (run_id, out_trade_no) SELECT ?, out_trade_no FROM orders WHERE created_at >= ? AND created_at < ? AND method != 'cash' AND ${OWN_ROWS_SQL}`).run(id, period.fromAt, period.toAt).changes
      this.db.prepare(`UPDATE reconcile_runs SET orders = ? WHERE id = ?`).run(n, id)
    })()
  }

  unfinishedIds(): string[] {
    return (this.db.prepare(`SELECT id FROM reconcile_runs WHERE finished_at IS NULL`).all() as { id: string }[]).map((r) => r.id)
  }

  latest(where: { shiftId?: string; fromAt?: number; toAt?: number }): ReconcileRunRow | undefined {
    return (
      where.shiftId
        ? this.db.prepare(`SELECT * FROM reconcile_runs WHERE shift_id = ? ORDER BY started_at DESC LIMIT 1`).get(where.shiftId)
        : this.db.prepare(`SELECT * FROM reconcile_runs WHERE shift_id IS NULL AND from_at = ? AND to_at = ? ORDER BY started_at DESC LIMIT 1`).get(where.fromAt, where.toAt)
    ) as ReconcileRunRow | undefined
  }

  get(id: string): ReconcileRunRow | undefined {
    return this.db.prepare(`SELECT * FROM reconcile_runs WHERE id = ?`).get(id) as ReconcileRunRow | undefined
  }

  /** The run's orders not checked yet, in a stable order. */
  unchecked(id: string): string[] {
    return (this.db.prepare(`SELECT out_trade_no FROM reconcile_items WHERE run_id = ? AND checked_at IS NULL ORDER BY out_trade_no`).all(id) as { out_trade_no: string }[]).map((r) => r.out_trade_no)
  }

  recordItem(id: string, outTradeNo: string, at: number, gateway: string, difference: ReconcileDifference | null, detail: string): void {
    this.db
      .prepare(`UPDATE reconcile_items SET checked_at = ?, gateway = ?, difference = ?, detail = ? WHERE run_id = ? AND out_trade_no = ?`)
      .run(at, gateway, difference, detail, id, outTradeNo)
  }

  finish(id: string, at: number): void {
    const n = (this.db.prepare(`SELECT count(*) n FROM reconcile_items WHERE run_id = ? AND difference IS NOT NULL`).get(id) as { n: number }).n
    this.db.prepare(`UPDATE reconcile_runs SET finished_at = ?, differences = ? WHERE id = ?`).run(at, n, id)
  }

  checkedCount(id: string): number {
    return (this.db.prepare(`SELECT count(*) n FROM reconcile_items WHERE run_id = ? AND checked_at IS NOT NULL`).get(id) as { n: number }).n
  }

  /** The run's differences with the order's journal state and amount (at most 500, oldest order first). */
  differences(id: string): ReconcileDifferenceRow[] {
    return this.db
      .prepare(
        `SELECT i.out_trade_no, i.gateway, i.difference, i.detail, o.state, o.amount_fen FROM reconcile_items i JOIN orders o ON o.out_trade_no = i.out_trade_no
         WHERE i.run_id = ? AND i.difference IS NOT NULL ORDER BY o.created_at LIMIT 500`,
      )
      .all(id) as ReconcileDifferenceRow[]
  }
}
