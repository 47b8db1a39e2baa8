// Orders written since the last backups, kept beside the journal in an
// append-only, fsynced JSON-lines file. A backup cannot know the orders made
// after it; after a restore these lines name them, so each is put back as
// `querying` and recovery asks the gateway what became of it (paid orders are
// found again, orders the gateway never saw end as not received).
import { existsSync, readFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { z } from 'zod'
import { writeFileDurably } from '../kernel/durable-file'
import { msg } from '../shared/contract'
import { encodeMessage } from '../shared/stored-message'
import type { Db } from './db'
import { COUNTER_ID_SQL, OWN_ROWS_SQL } from './counter-id'

export const RECENT_FILE = 'journal.recent.jsonl'

const Entry = z.object({
  rowid: z.int(),
  no: z.string().regex(/^[A-Za-z0-9_]{5,32}$/),
  method: z.enum(['code', 'face', 'qr']),
  paytype: z.string().max(16).nullable(),
  amount: z.int().min(1),
  body: z.string().max(256),
  cashier: z.string().max(64),
  shift: z.string().max(64).nullable(),
  created: z.int().min(0),
})
export type RecentOrder = z.infer<typeof Entry>

/**
 * This counter's orders inserted after `afterRowid` (rowids only grow: orders are never deleted).
 * Another counter's order recorded here for a refund (orders.ts insertForeign) is not logged: after a
 * restore it must not come back as this counter's own.
 */
export function ordersAfter(db: Db, afterRowid: number, limit = 1000): RecentOrder[] {
  return db
    .prepare(
      `SELECT rowid, out_trade_no no, method, paytype, amount_fen amount, body, cashier, shift_id shift, created_at created FROM orders WHERE rowid > ? AND ${OWN_ROWS_SQL} ORDER BY rowid LIMIT ?`,
    )
    .all(afterRowid, limit) as RecentOrder[]
}

export function lastOrderRowid(db: Db): number {
  return (db.prepare(`SELECT coalesce(max(rowid), 0) n FROM orders`).get() as { n: number }).n
}

/** The log's lines that parse (a torn last line after a power cut is skipped). */
export function readRecent(path: string): RecentOrder[] {
  if (!existsSync(path)) return []
  const out: RecentOrder[] = []
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue
    try {
      const e = Entry.safeParse(JSON.parse(line))
      if (e.success) out.push(e.data)
    } catch {
      // torn or damaged line: skipped
    }
  }
  return out
}

export async function appendRecent(path: string, entries: RecentOrder[]): Promise<void> {
  if (entries.length === 0) return
  const f = await open(path, 'a', 0o600)
  try {
    await f.appendFile(entries.map((e) => JSON.stringify(e)).join('\n') + '\n', 'utf8')
    await f.sync()
  } finally {
    await f.close()
  }
}

/** Keeps only entries created at or after `since` (called after each backup). */
export function pruneRecent(path: string, since: number): void {
  const kept = readRecent(path).filter((e) => e.created >= since)
  writeFileDurably(path, kept.map((e) => JSON.stringify(e)).join('\n') + (kept.length ? '\n' : ''))
}

/**
 * After a restore: every logged order the restored journal does not have goes
 * back in as `querying` (with its submission time, so the engine's usual
 * query-then-settle runs and no order is voided without asking the gateway).
 */
const RESTORED = encodeMessage(msg('RESTORED_QUERYING'))

export function reinsertMissing(db: Db, entries: RecentOrder[], now: number): string[] {
  const has = db.prepare(`SELECT 1 FROM orders WHERE out_trade_no = ?`)
  const insert = db.prepare(
    `INSERT INTO orders (out_trade_no, method, paytype, amount_fen, body, state, step, cashier, shift_id, submitted_at, deadline_at, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ?, ?, 'querying', ?, ?, ?, ?, ?, ?, ?, ${COUNTER_ID_SQL})`,
  )
  const event = db.prepare(`INSERT INTO order_events (out_trade_no, at, from_state, to_state, note) VALUES (?, ?, NULL, 'querying', ?)`)
  const added: string[] = []
  db.transaction(() => {
    // Stamped with this counter's id: recovery (which resumes only this counter's rows) must see them.
    db.prepare(`INSERT OR IGNORE INTO own_device_ids (id) SELECT ${COUNTER_ID_SQL}`).run()
    for (const e of entries) {
      if (has.get(e.no)) continue
      insert.run(e.no, e.method, e.paytype, e.amount, e.body, RESTORED, e.cashier, e.shift, e.created, now, e.created, now)
      event.run(e.no, now, RESTORED)
      added.push(e.no)
    }
  })()
  return added
}
