// The print queue's journal side: jobs that changed are written behind the
// queue, on a later turn of the event loop, in one transaction (so no journal
// write sits in a payment's path); a write SQLite refuses is tried again 5 s
// later while the job prints from memory. Reading back after a restart turns
// rows into queue entries (an unreadable row is dismissed, never thrown).
import type { PrintJobRow } from '../journal'
import { parseDoc, parseKind, rowState, stateFromRow, type PrintDoc, type PrintJobKind, type PrintJobState, type PrintJobStore } from './print-doc'

/** A queue entry as far as the journal cares. `stored`: the document's JSON (null: memory only). */
export interface KeptEntry {
  id: number
  kind: PrintJobKind
  ref: string
  state: PrintJobState
  attempts: number
  lastError: string | null
  nextAttemptAt: number | null
  createdAt: number
  updatedAt: number
  doc: PrintDoc | null
  stored: string | null
}

export class KeptJobs {
  private readonly dirty = new Set<KeptEntry>()
  private pending: NodeJS.Immediate | NodeJS.Timeout | null = null
  private closed = false
  /** The journal could not be read at start: this run keeps jobs in memory only (ids could clash with rows it did not see). */
  private disabled = false

  constructor(
    private readonly store: PrintJobStore | undefined,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The unfinished jobs of the last run (finished ones beyond `keepDone` are forgotten) and the next free id. */
  load(now: number, keepDone: number): { entries: KeptEntry[]; nextId: number } {
    if (!this.store) return { entries: [], nextId: 1 }
    try {
      this.store.prune(keepDone)
      const nextId = this.store.maxId() + 1
      const entries = this.store.open().map((row) => this.fromRow(row, now))
      return { entries, nextId }
    } catch (err) {
      this.onError(err)
      this.disabled = true
      return { entries: [], nextId: 1 }
    }
  }

  /** Marks a kept job for the next write. */
  touch(e: KeptEntry): void {
    if (!this.store || this.disabled || e.stored === null) return
    this.dirty.add(e)
    if (!this.pending && !this.closed) this.pending = setImmediate(() => this.flush())
  }

  /** Writes what changed now (and stops writing later). */
  close(): void {
    this.closed = true
    this.cancel()
    this.flush()
  }

  private flush(): void {
    this.pending = null
    if (!this.store || this.dirty.size === 0) return
    const entries = [...this.dirty]
    try {
      this.store.save(entries.map(toRow))
      for (const e of entries) this.dirty.delete(e)
    } catch (err) {
      this.onError(err)
      if (!this.closed) {
        this.pending = setTimeout(() => this.flush(), 5_000)
        this.pending.unref?.()
      }
    }
  }

  private cancel(): void {
    if (!this.pending) return
    clearTimeout(this.pending as NodeJS.Timeout)
    clearImmediate(this.pending as NodeJS.Immediate)
    this.pending = null
  }

  private fromRow(row: PrintJobRow, now: number): KeptEntry {
    const doc = parseDoc(row.document)
    const kind = parseKind(row.kind)
    const state = stateFromRow(row.state)
    const e: KeptEntry = { id: row.id, kind: kind ?? 'test', ref: row.ref, state, attempts: row.attempts, lastError: row.last_error, nextAttemptAt: state === 'retrying' ? row.next_attempt_at : now, createdAt: row.created_at, updatedAt: row.updated_at, doc, stored: row.document }
    if (!doc || !kind) {
      // Dismissed, and says why: a damaged row never reaches the printer or throws into the queue.
      Object.assign(e, { state: 'dismissed', lastError: 'unreadable', nextAttemptAt: null, updatedAt: now })
      this.touch(e)
    } else if (row.state === 'printing') this.touch(e) // recorded as waiting again
    return e
  }
}

function toRow(e: KeptEntry): PrintJobRow {
  return { id: e.id, kind: e.kind, ref: e.ref, document: e.stored ?? 'null', state: rowState(e.state), attempts: e.attempts, last_error: e.lastError, next_attempt_at: e.nextAttemptAt, created_at: e.createdAt, updated_at: e.updatedAt }
}
