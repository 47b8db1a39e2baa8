// The print queue's rows (migration "printing"): receipts and drawer kicks that
// have not printed yet survive a restart. The document is data to render again
// (receipt data or a drawer kick, JSON), never bytes or sentences. Written by
// the print queue off the payment's path (after the sale's own commit); a
// write that fails leaves the job in memory, never fails a sale.
import type { Db } from './db'

export type PrintJobRowState = 'pending' | 'printing' | 'failed' | 'printed' | 'dismissed'

export interface PrintJobRow {
  id: number
  kind: string
  ref: string
  /** JSON of the document (printing/print-doc.ts). */
  document: string
  state: PrintJobRowState
  attempts: number
  last_error: string | null
  next_attempt_at: number | null
  created_at: number
  updated_at: number
}

const OPEN = `('pending','printing','failed')`

export class PrintJobsRepo {
  private readonly upsertStmt
  constructor(private readonly db: Db) {
    this.upsertStmt = db.prepare(
      `INSERT INTO print_jobs (id, kind, ref, document, state, attempts, last_error, next_attempt_at, created_at, updated_at)
       VALUES (@id, @kind, @ref, @document, @state, @attempts, @last_error, @next_attempt_at, @created_at, @updated_at)
       ON CONFLICT(id) DO UPDATE SET state = excluded.state, attempts = excluded.attempts, last_error = excluded.last_error,
         next_attempt_at = excluded.next_attempt_at, updated_at = excluded.updated_at`,
    )
  }

  /** Inserts new rows and updates known ones (state, attempts, error, next attempt) in one transaction. */
  save(rows: PrintJobRow[]): void {
    if (rows.length === 0) return
    this.db.transaction(() => {
      for (const r of rows) this.upsertStmt.run(r)
    })()
  }

  /** Jobs not printed or dismissed yet, oldest first (the queue after a restart). */
  open(): PrintJobRow[] {
    return this.db.prepare(`SELECT * FROM print_jobs WHERE state IN ${OPEN} ORDER BY id`).all() as PrintJobRow[]
  }

  get(id: number): PrintJobRow | undefined {
    return this.db.prepare(`SELECT * FROM print_jobs WHERE id = ?`).get(id) as PrintJobRow | undefined
  }

  /** The highest id ever kept (new jobs are numbered after it, so ids stay unique across restarts). */
  maxId(): number {
    return (this.db.prepare(`SELECT coalesce(max(id), 0) n FROM print_jobs`).get() as { n: number }).n
  }

  /** Forgets finished jobs beyond the newest `keep`. */
  prune(keep: number): number {
    return this.db
      .prepare(`DELETE FROM print_jobs WHERE state NOT IN ${OPEN} AND id NOT IN (SELECT id FROM print_jobs WHERE state NOT IN ${OPEN} ORDER BY id DESC LIMIT ?)`)
      .run(keep).changes
  }
}
