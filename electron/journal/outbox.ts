// The outbox for the store database: the triggers of migrations v4/v8 and
// storesync's add one row per change (same transaction) while replication is enabled; the replicator
// reads them in order with the rows' current values, and deletes what the
// store acknowledged. Only this file knows the outbox's SQL.
import type { Db } from './db'
import { OWN_ROWS_SQL } from './counter-id'
import { orderFromDb, type OrderRow, type StoredOrder } from './orders'
import { refundFromDb, type RefundRow, type StoredRefund } from './refunds'
import type { OutboxAudit, OutboxCash, OutboxCount, OutboxOperator, OutboxOperatorAudit, OutboxShift, OutboxStoreSettings } from './outbox-rows'

export type { OutboxAudit, OutboxCash, OutboxCount, OutboxOperator, OutboxOperatorAudit, OutboxShift, OutboxStoreSettings } from './outbox-rows'

/** One pending change with the row as it is now (several changes of one row ship its latest state once). */
export type OutboxEntry =
  | { seq: number; kind: 'order'; row: OrderRow }
  | { seq: number; kind: 'refund'; row: RefundRow }
  | { seq: number; kind: 'shift'; row: OutboxShift }
  | { seq: number; kind: 'audit'; row: OutboxAudit }
  | { seq: number; kind: 'cash'; row: OutboxCash }
  | { seq: number; kind: 'count'; row: OutboxCount }
  | { seq: number; kind: 'op_audit'; row: OutboxOperatorAudit }
  | { seq: number; kind: 'operator'; row: OutboxOperator }
  | { seq: number; kind: 'store_settings'; row: OutboxStoreSettings }

export interface OutboxBatch {
  /** The highest seq this batch covers (entries may be fewer: repeated rows are folded). */
  throughSeq: number
  entries: OutboxEntry[]
}

const BACKFILL = `
  INSERT INTO outbox (kind, key, at) SELECT 'shift', id, COALESCE(closed_at, opened_at) FROM shifts ORDER BY opened_at;
  INSERT INTO outbox (kind, key, at) SELECT 'order', out_trade_no, updated_at FROM orders WHERE ${OWN_ROWS_SQL} ORDER BY created_at;
  INSERT INTO outbox (kind, key, at) SELECT 'refund', out_refund_no, updated_at FROM refunds ORDER BY created_at;
  INSERT INTO outbox (kind, key, at) SELECT 'audit', CAST(id AS TEXT), at FROM audit ORDER BY id;
  INSERT INTO outbox (kind, key, at) SELECT 'cash', CAST(id AS TEXT), at FROM cash_movements ORDER BY id;
  INSERT INTO outbox (kind, key, at) SELECT 'count', shift_id, at FROM drawer_counts ORDER BY at;
  INSERT INTO outbox (kind, key, at) SELECT 'op_audit', CAST(id AS TEXT), at FROM operator_audit ORDER BY id;
  INSERT INTO outbox (kind, key, at) SELECT 'operator', operator_no, updated_at FROM operators ORDER BY updated_at;
  INSERT INTO outbox (kind, key, at) SELECT 'store_settings', 'store', updated_at FROM store_settings;`

export class OutboxRepo {
  constructor(private readonly db: Db) {}

  enabled(): boolean {
    return (this.db.prepare('SELECT enabled FROM replication_state WHERE id = 1').get() as { enabled: number }).enabled === 1
  }

  /** Turns the triggers on and queues every existing row once, in one transaction. */
  enable(): void {
    this.db.transaction(() => {
      if (this.enabled()) return
      this.db.prepare('UPDATE replication_state SET enabled = 1 WHERE id = 1').run()
      this.db.exec(BACKFILL)
    })()
  }

  /** Turns the triggers off and forgets what was not shipped (a store configured again starts with a backfill). */
  disable(): void {
    this.db.transaction(() => {
      // pulled_version 0: a store configured again (perhaps another database) is pulled from the start.
      this.db.prepare('UPDATE replication_state SET enabled = 0, pulled_version = 0 WHERE id = 1').run()
      this.db.prepare('DELETE FROM outbox').run()
    })()
  }

  /**
   * After the journal went back in time (a restore) while the store kept newer
   * sequence numbers: continue numbering above the store's and queue every row
   * again, so nothing the store skips as "already seen" is lost.
   */
  resyncAbove(storeSeq: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM outbox').run()
      // The store may be a restored copy whose pull versions went back too: pull everything again (last writer wins keeps it safe).
      this.db.prepare('UPDATE replication_state SET pulled_version = 0 WHERE id = 1').run()
      const row = this.db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`).get() as { seq: number } | undefined
      if (!row) this.db.prepare(`INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)`).run(storeSeq)
      else if (row.seq < storeSeq) this.db.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'`).run(storeSeq)
      this.db.exec(BACKFILL)
    })()
  }

  /** The newest seq ever handed out (0 = none). */
  lastSeq(): number {
    const row = this.db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`).get() as { seq: number } | undefined
    return row?.seq ?? 0
  }

  /** The oldest seq still waiting (null = nothing waiting). */
  firstPending(): number | null {
    const row = this.db.prepare('SELECT min(seq) AS seq FROM outbox').get() as { seq: number | null }
    return row.seq
  }

  /** The next changes in order, at most `limit` outbox rows, each row read as it is now. */
  next(limit: number): OutboxBatch | null {
    const rows = this.db.prepare('SELECT seq, kind, key FROM outbox ORDER BY seq LIMIT ?').all(limit) as { seq: number; kind: OutboxEntry['kind']; key: string }[]
    if (rows.length === 0) return null
    const latest = new Map<string, { seq: number; kind: OutboxEntry['kind']; key: string }>()
    for (const r of rows) latest.set(`${r.kind}:${r.key}`, r)
    const entries: OutboxEntry[] = []
    for (const r of [...latest.values()].sort((a, b) => a.seq - b.seq)) {
      const entry = this.read(r.seq, r.kind, r.key)
      if (entry) entries.push(entry)
    }
    return { throughSeq: rows[rows.length - 1]!.seq, entries }
  }

  /** The store has everything up to `seq`. */
  acknowledge(seq: number): void {
    this.db.prepare('DELETE FROM outbox WHERE seq <= ?').run(seq)
  }

  /** Rows waiting and the time of the oldest change among them. */
  backlog(): { count: number; oldestAt: number | null } {
    const r = this.db.prepare('SELECT count(*) AS count, min(at) AS oldestAt FROM outbox').get() as { count: number; oldestAt: number | null }
    return r
  }

  private read(seq: number, kind: OutboxEntry['kind'], key: string): OutboxEntry | null {
    if (kind === 'order') {
      // Another counter's order recorded here for a refund (journal/orders.ts insertForeign) is that
      // counter's to ship: its change here is acknowledged with the batch and never sent.
      const row = orderFromDb(this.db.prepare(`SELECT * FROM orders WHERE out_trade_no = ? AND ${OWN_ROWS_SQL}`).get(key) as StoredOrder | undefined)
      return row ? { seq, kind, row } : null
    }
    if (kind === 'refund') {
      const row = refundFromDb(this.db.prepare('SELECT * FROM refunds WHERE out_refund_no = ?').get(key) as StoredRefund | undefined)
      return row ? { seq, kind, row } : null
    }
    if (kind === 'shift') {
      const row = this.db
        .prepare('SELECT id, cashier, float_fen, opened_at, closed_at, operator_no, closed_by, close_approver, float_from_shift, float_carried_fen, float_counted_by, float_reason FROM shifts WHERE id = ?')
        .get(key) as OutboxShift | undefined
      return row ? { seq, kind, row } : null
    }
    if (kind === 'audit') {
      const row = this.db.prepare('SELECT id, at, call, ref, outcome FROM audit WHERE id = ?').get(Number(key)) as OutboxAudit | undefined
      return row ? { seq, kind, row } : null
    }
    if (kind === 'cash') {
      const row = this.db
        .prepare('SELECT id, shift_id, kind, amount_fen, given_fen, change_fen, ref, reason, cashier, approved_by, at FROM cash_movements WHERE id = ?')
        .get(Number(key)) as OutboxCash | undefined
      return row ? { seq, kind, row } : null
    }
    if (kind === 'count') {
      const row = this.db
        .prepare('SELECT shift_id, denominations, counted_fen, expected_fen, over_short_fen, taken_out_fen, approved_by, at FROM drawer_counts WHERE shift_id = ?')
        .get(key) as OutboxCount | undefined
      return row ? { seq, kind, row } : null
    }
    if (kind === 'op_audit') {
      const row = this.db
        .prepare('SELECT id, at, operator_no, action, outcome, approver_no, ref, detail FROM operator_audit WHERE id = ?')
        .get(Number(key)) as OutboxOperatorAudit | undefined
      return row ? { seq, kind, row } : null
    }
    if (kind === 'operator') {
      // Never pin_state: the lockout stays with the counter where the PINs were typed.
      const row = this.db
        .prepare('SELECT operator_no, name, role, pin_hash, active, created_at, updated_at, updated_by FROM operators WHERE operator_no = ?')
        .get(key) as OutboxOperator | undefined
      return row ? { seq, kind, row } : null
    }
    const row = this.db.prepare('SELECT store_name, receipt_header, over_short_limit_fen, updated_at, updated_by FROM store_settings WHERE id = 1').get() as OutboxStoreSettings | undefined
    return row ? { seq, kind, row } : null
  }
}
