// Print jobs, one at a time, in order. Adding a job returns at once: nothing
// about printing ever blocks, delays or changes a payment. A job that fails
// stays in the list and is retried with a capped backoff until it prints or a
// person dismisses it. Jobs with a document (a receipt's data, a drawer kick)
// are kept in the journal (write-behind, on a later turn of the event loop, so
// no journal write sits in a payment's path) and come back after a restart; a
// failed journal write leaves the job in memory and is tried again.
import type { Printer } from '../../native-bridge/printer/printer'
import { PrinterError } from '../../native-bridge/printer/types'
import { KeptJobs, type KeptEntry } from './kept-jobs'
import type { PrintDoc, PrintJobKind, PrintJobState, PrintJobStore } from './print-doc'
import type { Receipt } from './receipt-data'

export type { PrintDoc, PrintJobKind, PrintJobState, PrintJobStore } from './print-doc'

export interface PrintJob {
  id: number
  /** What it is, for the list ("sale POS01…", "Z report"); codes, not sentences. */
  kind: PrintJobKind
  ref: string
  state: PrintJobState
  attempts: number
  /** The last failure's kind (refused, timeout, …) while retrying. */
  lastError: string | null
  nextAttemptAt: number | null
  createdAt: number
}

export interface PrintQueueOptions {
  /** The configured printer now (settings may change it); null = none configured. */
  printer: () => Printer | null
  /** A drawer on a port of its own, if any: kicks go there in a lane of their own, never held behind a receipt. */
  drawer?: () => { open(): Promise<void> } | null
  /** Renders a receipt to the printer's bytes at send time (the paper width configured then). */
  render?: (receipt: Receipt) => Uint8Array
  /** Where jobs with a document are kept across restarts (the journal); none = memory only. */
  store?: PrintJobStore
  now?: () => number
  /** Retry delays: first, then doubled up to max. */
  backoff?: { firstMs: number; maxMs: number }
  onChange?: (jobs: PrintJob[]) => void
  /** A journal write that failed (the job stays in memory). */
  onStoreError?: (error: unknown) => void
  /** How many finished jobs stay listed (and kept). */
  keepDone?: number
}

type Entry = KeptEntry & { bytes: Uint8Array | null }
type Lane = 'printer' | 'drawer'

export class PrintQueue {
  private readonly entries: Entry[] = []
  private nextId = 1
  /** Receipts (and kicks through the printer) go one at a time in the printer lane; kicks of a drawer with its own port in theirs. */
  private readonly running = new Set<Lane>()
  private readonly timers = new Map<Lane, NodeJS.Timeout>()
  private closed = false
  private readonly now: () => number
  private readonly backoff: { firstMs: number; maxMs: number }
  private readonly kept: KeptJobs

  constructor(private readonly opts: PrintQueueOptions) {
    this.now = opts.now ?? Date.now
    this.backoff = opts.backoff ?? { firstMs: 1_000, maxMs: 60_000 }
    this.kept = new KeptJobs(opts.store, (e) => opts.onStoreError?.(e))
    const { entries, nextId } = this.kept.load(this.now(), opts.keepDone ?? 50)
    this.nextId = nextId
    for (const e of entries) this.entries.push({ ...e, bytes: null })
    if (this.pending().length > 0) this.kick(0)
  }

  /** Queues bytes (memory only: raw bytes are not kept across a restart); returns the job id at once. */
  enqueue(kind: PrintJobKind, ref: string, bytes: Uint8Array): number {
    return this.add(kind, ref, null, bytes)
  }

  /** Queues a receipt, kept until printed or dismissed; rendered when it is sent. */
  enqueueReceipt(kind: PrintJobKind, ref: string, receipt: Receipt): number {
    return this.add(kind, ref, { type: 'receipt', receipt }, null)
  }

  /** Queues a drawer kick (it goes through the printer's role, in order with receipts). */
  openDrawer(ref: string): number {
    return this.add('drawer', ref, { type: 'drawer' }, null)
  }

  list(): PrintJob[] {
    return this.entries.map(({ id, kind, ref, state, attempts, lastError, nextAttemptAt, createdAt }) => ({ id, kind, ref, state, attempts, lastError, nextAttemptAt, createdAt }))
  }

  /** Jobs not printed yet (what the header counts). */
  pending(): PrintJob[] {
    return this.list().filter((j) => j.state !== 'printed' && j.state !== 'dismissed')
  }

  dismiss(id: number): boolean {
    const e = this.entries.find((j) => j.id === id)
    // A job being sent right now is dismissed too: if this attempt fails, it is not retried.
    if (!e || e.state === 'printed') return false
    this.set(e, { state: 'dismissed', nextAttemptAt: null })
    this.changed()
    return true
  }

  /** Try every waiting job now (the printer came back, or a person pressed retry). */
  retryNow(): void {
    for (const e of this.entries) if (e.state === 'retrying') this.set(e, { nextAttemptAt: this.now() })
    this.kick(0)
  }

  /** Stops sending; what changed is written to the journal now (a job being sent stays pending). */
  close(): void {
    this.closed = true
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
    this.kept.close()
  }

  private add(kind: PrintJobKind, ref: string, doc: PrintDoc | null, bytes: Uint8Array | null): number {
    const id = this.nextId++
    const e: Entry = { id, kind, ref, state: 'queued', attempts: 0, lastError: null, nextAttemptAt: this.now(), createdAt: this.now(), doc, stored: doc ? JSON.stringify(doc) : null, bytes, updatedAt: this.now() }
    this.entries.push(e)
    this.kept.touch(e)
    this.trim()
    this.changed()
    this.kick(0)
    return id
  }

  private laneOf(e: Entry): Lane {
    return e.doc?.type === 'drawer' && this.opts.drawer?.() ? 'drawer' : 'printer'
  }

  /** How to send the job now, or null when nothing is there to take it (no printer configured). */
  private sender(e: Entry, lane: Lane): (() => Promise<void>) | null {
    const drawer = lane === 'drawer' ? this.opts.drawer?.() : null
    if (drawer) return () => drawer.open()
    const printer = this.opts.printer()
    if (!printer) return null
    const doc = e.doc
    if (doc?.type === 'drawer') return () => printer.openDrawer()
    if (doc?.type === 'receipt') {
      const render = this.opts.render
      return render ? () => printer.print(render(doc.receipt)) : () => Promise.reject(new PrinterError('io', 'no renderer for receipts'))
    }
    return () => printer.print(e.bytes ?? new Uint8Array())
  }

  private kick(delayMs: number, lanes: Lane[] = ['printer', 'drawer']): void {
    for (const lane of lanes) {
      if (this.closed || this.running.has(lane)) continue
      const old = this.timers.get(lane)
      if (old) clearTimeout(old)
      const timer = setTimeout(() => void this.run(lane), Math.max(0, delayMs))
      timer.unref?.()
      this.timers.set(lane, timer)
    }
  }

  /** Works through a lane's due jobs in order; a failing job holds the ones behind it (receipts stay in order). */
  private async run(lane: Lane): Promise<void> {
    this.timers.delete(lane)
    if (this.closed || this.running.has(lane)) return
    this.running.add(lane)
    try {
      for (;;) {
        if (this.closed) return
        const e = this.entries.find((j) => (j.state === 'queued' || j.state === 'retrying') && this.laneOf(j) === lane)
        if (!e) return
        const wait = (e.nextAttemptAt ?? 0) - this.now()
        if (wait > 0) {
          this.running.delete(lane)
          this.kick(wait, [lane])
          return
        }
        const send = this.sender(e, lane)
        if (!send) {
          this.fail(e, 'no-printer')
          continue
        }
        this.set(e, { state: 'printing', attempts: e.attempts + 1 })
        this.changed()
        try {
          await send()
          this.set(e, { state: 'printed', lastError: null, nextAttemptAt: null })
        } catch (err) {
          if (!this.dismissed(e)) this.fail(e, err instanceof PrinterError ? err.kind : 'io')
        }
        this.changed()
      }
    } finally {
      this.running.delete(lane)
    }
  }

  /** Read through a function: dismiss() may change the state while a send is awaited. */
  private dismissed(e: Entry): boolean {
    return e.state === 'dismissed'
  }

  private fail(e: Entry, kind: string): void {
    const delay = Math.min(this.backoff.maxMs, this.backoff.firstMs * 2 ** Math.max(0, e.attempts - 1))
    this.set(e, { state: 'retrying', lastError: kind, nextAttemptAt: this.now() + delay })
  }

  private set(e: Entry, change: Partial<PrintJob>): void {
    Object.assign(e, change, { updatedAt: this.now() })
    this.kept.touch(e)
  }

  private trim(): void {
    const keep = this.opts.keepDone ?? 50
    const done = this.entries.filter((j) => j.state === 'printed' || j.state === 'dismissed')
    for (const d of done.slice(0, Math.max(0, done.length - keep))) this.entries.splice(this.entries.indexOf(d), 1)
  }

  private changed(): void {
    this.opts.onChange?.(this.list())
  }
}
