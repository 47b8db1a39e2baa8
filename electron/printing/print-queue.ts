// Print jobs, one at a time, in order. enqueue() returns at once: nothing about
// printing ever blocks, delays or changes a payment. A job that fails stays in
// the list and is retried with a capped backoff until it prints or a person
// dismisses it.
import type { Printer } from '../../native-bridge/printer/printer'
import { PrinterError } from '../../native-bridge/printer/types'

export type PrintJobState = 'queued' | 'printing' | 'retrying' | 'printed' | 'dismissed'

export interface PrintJob {
  id: number
  /** What it is, for the list ("sale POS01…", "Z report"); codes, not sentences. */
  kind: 'sale' | 'refund' | 'report' | 'cash' | 'test' | 'drawer'
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
  now?: () => number
  /** Retry delays: first, then doubled up to max. */
  backoff?: { firstMs: number; maxMs: number }
  onChange?: (jobs: PrintJob[]) => void
  /** How many finished jobs stay listed. */
  keepDone?: number
}

type Entry = PrintJob & { send: (p: Printer) => Promise<void> }

export class PrintQueue {
  private readonly entries: Entry[] = []
  private nextId = 1
  private running = false
  private timer: NodeJS.Timeout | null = null
  private closed = false
  private readonly now: () => number
  private readonly backoff: { firstMs: number; maxMs: number }

  constructor(private readonly opts: PrintQueueOptions) {
    this.now = opts.now ?? Date.now
    this.backoff = opts.backoff ?? { firstMs: 1_000, maxMs: 60_000 }
  }

  /** Queues bytes for the printer; returns the job id at once. */
  enqueue(kind: PrintJob['kind'], ref: string, bytes: Uint8Array): number {
    return this.add(kind, ref, (p) => p.print(bytes))
  }

  /** Queues a drawer kick (it goes through the printer's port, in order with receipts). */
  openDrawer(ref: string): number {
    return this.add('drawer', ref, (p) => p.openDrawer())
  }

  list(): PrintJob[] {
    return this.entries.map(({ send: _send, ...job }) => ({ ...job }))
  }

  /** Jobs not printed yet (what the header counts). */
  pending(): PrintJob[] {
    return this.list().filter((j) => j.state !== 'printed' && j.state !== 'dismissed')
  }

  dismiss(id: number): boolean {
    const e = this.entries.find((j) => j.id === id)
    // A job being sent right now is dismissed too: if this attempt fails, it is not retried.
    if (!e || e.state === 'printed') return false
    e.state = 'dismissed'
    e.nextAttemptAt = null
    this.changed()
    return true
  }

  /** Try every waiting job now (the printer came back, or a person pressed retry). */
  retryNow(): void {
    for (const e of this.entries) if (e.state === 'retrying') e.nextAttemptAt = this.now()
    this.kick(0)
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
  }

  private add(kind: PrintJob['kind'], ref: string, send: Entry['send']): number {
    const id = this.nextId++
    this.entries.push({ id, kind, ref, state: 'queued', attempts: 0, lastError: null, nextAttemptAt: this.now(), createdAt: this.now(), send })
    this.trim()
    this.changed()
    this.kick(0)
    return id
  }

  private kick(delayMs: number): void {
    if (this.closed || this.running) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.run(), Math.max(0, delayMs))
    this.timer.unref?.()
  }

  /** Works through due jobs in order; a failing job holds the ones behind it (receipts stay in order). */
  private async run(): Promise<void> {
    this.timer = null
    if (this.closed || this.running) return
    this.running = true
    try {
      for (;;) {
        const e = this.entries.find((j) => j.state === 'queued' || j.state === 'retrying')
        if (!e) return
        const wait = (e.nextAttemptAt ?? 0) - this.now()
        if (wait > 0) {
          this.running = false
          this.kick(wait)
          return
        }
        const printer = this.opts.printer()
        if (!printer) {
          this.fail(e, 'no-printer')
          continue
        }
        e.state = 'printing'
        e.attempts += 1
        this.changed()
        try {
          await e.send(printer)
          e.state = 'printed'
          e.lastError = null
          e.nextAttemptAt = null
        } catch (err) {
          if (!this.dismissed(e)) this.fail(e, err instanceof PrinterError ? err.kind : 'io')
        }
        this.changed()
      }
    } finally {
      this.running = false
    }
  }

  /** Read through a function: dismiss() may change the state while a send is awaited. */
  private dismissed(e: Entry): boolean {
    return e.state === 'dismissed'
  }

  private fail(e: Entry, kind: string): void {
    e.state = 'retrying'
    e.lastError = kind
    const delay = Math.min(this.backoff.maxMs, this.backoff.firstMs * 2 ** Math.max(0, e.attempts - 1))
    e.nextAttemptAt = this.now() + delay
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
