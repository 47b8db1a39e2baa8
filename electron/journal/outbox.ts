// The outbox for the store database: the triggers of migration v4 add one row
// per change (same transaction) while replication is enabled; the replicator
// reads them in order with the rows' current values, and deletes what the
// store acknowledged. Only this file knows the outbox's SQL.
import type { Db } from './db'
import { OWN_ROWS_SQL } from './counter-id'
import { orderFromDb, type OrderRow, type StoredOrder } from './orders'
import { refundFromDb, type RefundRow, type StoredRefund } from './refunds'

export interface OutboxShift {
  id: string
  cashier: string
  float_fen: number
  opened_at: number
  closed_at: number | null
}

export interface OutboxAudit {
  id: number
  at: number
  call: string
  ref: string | null
  outcome: string
}

/** One pending change with the row as it is now (several changes of one row ship its latest state once). */
export type OutboxEntry =
  | { seq: number; kind: 'order'; row: OrderRow }
  | { seq: number; kind: 'refund'; row: RefundRow }
  | { seq: number; kind: 'shift'; row: OutboxShift }
  | { seq: number; kind: 'audit'; row: OutboxAudit }

export interface OutboxBatch {
  /** The highest seq this batch covers (entries may be fewer: repeated rows are folded). */
  throughSeq: number
  entries: OutboxEntry[]
}

const BACKFILL = `
  INSERT INTO outbox (kind, key, at) SELECT 'shift', id, COALESCE(closed_at, opened_at) FROM shifts ORDER BY opened_at;
  INSERT INTO outbox (kind, key, at) SELECT 'order', out_trade_no, updated_at FROM orders WHERE ${OWN_ROWS_SQL} ORDER BY created_at;
  INSERT INTO outbox (kind, key, at) SELECT 'refund', out_refund_no, updated_at FROM refunds ORDER BY created_at;
  INSERT INTO outbox (kind, key, at) SELECT 'audit', CAST(id AS TEXT), at FROM audit ORDER BY id;`

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
      this.db.prepare('UPDATE replication_state SET enabled = 0 WHERE id = 1').run()
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
      const row = this.db.prepare('SELECT id, cashier, float_fen, opened_at, closed_at FROM shifts WHERE id = ?').get(key) as OutboxShift | undefined
      return row ? { seq, kind, row } : null
    }
    const row = this.db.prepare('SELECT id, at, call, ref, outcome FROM audit WHERE id = ?').get(Number(key)) as OutboxAudit | undefined
    return row ? { seq, kind, row } : null
  }
}
