// Knows whether the journal is taking writes. Two kinds of write:
// - `durable`: must be on disk before anything else happens (an order before its
//   pay request). A failure throws JournalWriteError and nothing goes out.
// - `keep`: records something that already happened (the gateway said paid).
//   It may not be lost, so a failure keeps it in memory, in order, and retries
//   with backoff until the journal takes it again.
// While anything is pending or the last write failed, `failing` is set and new
// sales are refused; a successful probe write (or flush) clears it.
import Database from 'better-sqlite3'
import type { Db } from './db'

export type { JournalFailureReason } from '../shared/contract'
import type { JournalFailureReason } from '../shared/contract'

export class JournalWriteError extends Error {
  constructor(
    readonly reason: JournalFailureReason,
    readonly detail: string,
  ) {
    super(`journal write failed (${reason}): ${detail}`)
    this.name = 'JournalWriteError'
  }
}

/** Maps what better-sqlite3 threw to a reason a cashier and a log can act on. */
export function journalFailureReason(e: unknown): JournalFailureReason | null {
  if (e instanceof JournalWriteError) return e.reason
  if (e instanceof Database.SqliteError) {
    const code = e.code
    if (code === 'SQLITE_FULL') return 'disk-full'
    if (code.startsWith('SQLITE_IOERR')) return 'io-error'
    if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code.startsWith('SQLITE_CANTOPEN')) return 'read-only'
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged'
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy'
    return 'write-error'
  }
  if (e instanceof TypeError && /database connection is not open/i.test(e.message)) return 'closed'
  return null
}

export interface GuardState {
  failing: boolean
  reason: JournalFailureReason | null
  detail: string | null
  since: number | null
  /** Writes kept in memory, waiting for the journal. */
  pending: number
}

export interface WriteGuardOptions {
  now: () => number
  sleep: (ms: number) => Promise<void>
  /** Told when the journal starts failing and when it recovers. */
  onChange: (state: GuardState) => void
  /** A pending write was finally committed (the key it was kept under). */
  onFlushed?: (key: string) => void
  backoffMs?: { first: number; max: number }
}

interface Pending {
  key: string
  write: () => void
}

export class JournalWriteGuard {
  private reason: JournalFailureReason | null = null
  private detail: string | null = null
  private since: number | null = null
  private readonly queue: Pending[] = []
  private retrying: Promise<void> | null = null
  private closed = false

  constructor(
    private readonly db: Db,
    private readonly opts: WriteGuardOptions,
  ) {}

  get failing(): boolean {
    return this.reason !== null || this.queue.length > 0
  }

  state(): GuardState {
    return { failing: this.failing, reason: this.reason, detail: this.detail, since: this.since, pending: this.queue.length }
  }

  /** Keys (order / refund numbers) with a write kept in memory. */
  pendingKeys(): Set<string> {
    return new Set(this.queue.map((p) => p.key))
  }

  /** A write that must be on disk before the caller goes on; throws JournalWriteError otherwise. */
  durable<T>(write: () => T): T {
    try {
      const out = write()
      if (this.reason && this.queue.length === 0) this.recovered()
      return out
    } catch (e) {
      const reason = journalFailureReason(e)
      if (!reason) throw e
      this.failed(reason, e)
      this.retry() // probes with backoff, so the flag clears by itself once the journal takes writes
      throw e instanceof JournalWriteError ? e : new JournalWriteError(reason, errorText(e))
    }
  }

  /**
   * A write recording what already happened. Writes for the same key stay in
   * order: once one is pending, later ones queue behind it. Returns true when
   * committed now, false when kept in memory.
   */
  keep(key: string, write: () => void): boolean {
    if (this.queue.length === 0) {
      try {
        write()
        if (this.reason) this.recovered()
        return true
      } catch (e) {
        const reason = journalFailureReason(e)
        if (!reason) throw e
        this.queue.push({ key, write })
        this.failed(reason, e)
        this.retry()
        return false
      }
    }
    // Something is already waiting: keep the global order (one journal, one sequence).
    this.queue.push({ key, write })
    this.opts.onChange(this.state())
    return false
  }

  /**
   * A real write probe: a row inserted into and deleted from a scratch table in
   * one committed (fsynced) transaction. Returns the failure reason or null.
   */
  probe(): JournalFailureReason | null {
    if (this.queue.length > 0) this.flush()
    if (this.queue.length > 0) return this.reason ?? 'write-error'
    try {
      this.db.transaction(() => {
        const id = this.db.prepare(`INSERT INTO journal_probe (at) VALUES (?)`).run(this.opts.now()).lastInsertRowid
        this.db.prepare(`DELETE FROM journal_probe WHERE id = ?`).run(id)
      })()
      if (this.reason) this.recovered()
      return null
    } catch (e) {
      const reason = journalFailureReason(e) ?? 'write-error'
      this.failed(reason, e)
      this.retry()
      return reason
    }
  }

  /** Resolves once nothing is pending (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.retrying) await this.retrying
  }

  close(): void {
    this.closed = true
  }

  /** Tries the pending writes in order; stops at the first that still fails. */
  private flush(): void {
    while (this.queue.length > 0) {
      const next = this.queue[0] as Pending
      try {
        next.write()
      } catch (e) {
        this.failed(journalFailureReason(e) ?? 'write-error', e)
        return
      }
      this.queue.shift()
      this.opts.onFlushed?.(next.key)
    }
    this.recovered()
  }

  /** Backoff loop: flush the queue, or probe when only the failure flag is left. */
  private retry(): void {
    if (this.retrying || this.closed) return
    const { first, max } = this.opts.backoffMs ?? { first: 200, max: 5_000 }
    this.retrying = (async () => {
      for (let wait = first; this.failing && !this.closed; wait = Math.min(max, wait * 2)) {
        await this.opts.sleep(wait)
        if (this.closed) return
        if (this.queue.length > 0) this.flush()
        else this.probe()
      }
    })().finally(() => (this.retrying = null))
  }

  private failed(reason: JournalFailureReason, e: unknown): void {
    const changed = this.reason !== reason
    this.reason = reason
    this.detail = errorText(e)
    this.since ??= this.opts.now()
    if (changed) this.opts.onChange(this.state())
  }

  private recovered(): void {
    if (!this.reason && this.queue.length === 0) return
    this.reason = null
    this.detail = null
    this.since = null
    this.opts.onChange(this.state())
  }
}

function errorText(e: unknown): string {
  if (e instanceof Database.SqliteError) return `${e.code}: ${e.message}`
  return e instanceof Error ? e.message : String(e)
}
