// Ships this counter's outbox to the store database: in order, in batches,
// idempotently (the store keeps each row's seq), with backoff while the store
// is unreachable, and resumable after a crash at any point — the outbox rows
// are deleted only after the store acknowledged them, and on every (re)start
// the replicator first asks the store where it is.
import type { OutboxRepo } from '../journal/outbox'
import type { PulledOperator, PulledStoreSettings } from '../journal/downstream'
import { pullDown } from '../store/pull'
import type { Logger } from '../kernel/logger'
import { acknowledgedSeq, applyBatch, StoreGapError } from '../store/ingest'
import type { StorePool } from '../store/pool'
import { toStoreChange } from './to-change'

export type ReplicationState = 'off' | 'idle' | 'shipping' | 'failing'

export interface ReplicatorStatus {
  state: ReplicationState
  /** Outbox rows not yet acknowledged by the store. */
  backlog: number
  /** How old the oldest unshipped change is (0 when nothing waits). */
  lagMs: number
  /** The last failure, as a code (STORE_UNREACHABLE, STORE_GAP, STORE_REJECTED). */
  lastError: string | null
  lastShippedAt: number | null
  acknowledgedSeq: number
}

export interface ReplicatorOptions {
  outbox: OutboxRepo
  /** The store database, or null when none is configured. */
  pool: () => StorePool | null
  counterId: () => string
  storeId: () => string
  now: () => number
  log: Logger
  batchSize?: number
  /** How often to look for new changes when the outbox was empty. */
  idleMs?: number
  backoff?: { firstMs: number; maxMs: number }
  onStatus?: (status: ReplicatorStatus) => void
  /**
   * What flows down (journal/downstream.ts): after each ship cycle that left the outbox empty, the
   * store's operators and settings changed since `pulledVersion()` are applied here. Absent: no pull.
   */
  downstream?: {
    pulledVersion(): number
    apply(pull: { operators: PulledOperator[]; settings: PulledStoreSettings | null; version: number }): number
  }
  /** How often the idle loop pulls (drain() always does). Default 1,000 ms. */
  pullEveryMs?: number
  /** Called after a pull changed rows here (the core tells the operators screen). */
  onPulled?: (changed: number) => void
  /** Run once per (re)connection before shipping (the service migrates the store schema here). */
  onConnect?: (pool: StorePool) => Promise<void>
}

export class Replicator {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private stopped = true
  private synced = false
  private acked = 0
  private failures = 0
  private lastError: string | null = null
  private lastShippedAt: number | null = null
  private state: ReplicationState = 'off'
  private lastPullAt = 0

  constructor(private readonly opts: ReplicatorOptions) {}

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.opts.outbox.enable()
    this.synced = false
    this.schedule(0)
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running
    this.state = 'off'
  }

  status(): ReplicatorStatus {
    const b = this.opts.outbox.backlog()
    return {
      state: this.state,
      backlog: b.count,
      lagMs: b.oldestAt === null ? 0 : Math.max(0, this.opts.now() - b.oldestAt),
      lastError: this.lastError,
      lastShippedAt: this.lastShippedAt,
      acknowledgedSeq: this.acked,
    }
  }

  /** Ships everything waiting now (tests and benchmarks; the loop does the same on its own). */
  async drain(): Promise<void> {
    while (await this.once()) {
      // keep going until the outbox is empty
    }
    await this.pullNow()
  }

  /** Pulls what flows down now (after whatever ship is in progress), whatever the interval. */
  pullNow(): Promise<void> {
    const next = this.queue.then(async () => {
      const pool = this.opts.pool()
      if (pool) await this.pull(pool)
    })
    this.queue = next.catch(() => {})
    return next
  }

  /** The store's operators and settings changed since the last pull, applied to the journal (never queued back). */
  private async pull(pool: StorePool): Promise<void> {
    const d = this.opts.downstream
    if (!d) return
    this.lastPullAt = this.opts.now()
    const rows = await pullDown(pool, this.opts.storeId(), d.pulledVersion())
    if (rows.version === d.pulledVersion() && rows.operators.length === 0 && !rows.settings) return
    const changed = d.apply(rows)
    if (changed > 0) this.opts.onPulled?.(changed)
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      this.running = this.loop().finally(() => (this.running = null))
    }, ms)
    this.timer.unref?.()
  }

  private async loop(): Promise<void> {
    try {
      const shipped = await this.once()
      this.failures = 0
      this.schedule(shipped ? 0 : (this.opts.idleMs ?? 250))
    } catch (e) {
      this.failures += 1
      this.lastError = e instanceof StoreGapError ? 'STORE_GAP' : isRejection(e) ? 'STORE_REJECTED' : 'STORE_UNREACHABLE'
      this.state = 'failing'
      this.synced = false
      const b = this.opts.backoff ?? { firstMs: 1_000, maxMs: 30_000 }
      const delay = Math.min(b.maxMs, b.firstMs * 2 ** Math.min(10, this.failures - 1))
      this.opts.log.warn('replication failed', { error: this.lastError, detail: e instanceof Error ? e.message : String(e), retryInMs: delay })
      this.emit()
      this.schedule(delay)
    }
  }

  /** One batch at a time, whoever asks (the loop or drain()). */
  private queue: Promise<unknown> = Promise.resolve()

  private once(): Promise<boolean> {
    const next = this.queue.then(() => this.shipOne())
    this.queue = next.catch(() => {})
    return next
  }

  /** One batch; true when something was shipped (more may wait). */
  private async shipOne(): Promise<boolean> {
    const pool = this.opts.pool()
    if (!pool) {
      this.state = 'off'
      return false
    }
    if (!this.synced) await this.sync(pool)
    const batch = this.opts.outbox.next(this.opts.batchSize ?? 500)
    if (!batch) {
      // The ship cycle is over: pull what other counters changed (at most every pullEveryMs in the loop).
      if (this.opts.now() - this.lastPullAt >= (this.opts.pullEveryMs ?? 1_000)) await this.pull(pool)
      if (this.state !== 'idle') {
        this.state = 'idle'
        this.lastError = null
        this.emit()
      }
      return false
    }
    this.state = 'shipping'
    const out = await applyBatch(pool, {
      counterId: this.opts.counterId(),
      storeId: this.opts.storeId(),
      afterSeq: this.acked,
      throughSeq: batch.throughSeq,
      changes: batch.entries.map((e) => toStoreChange(e, this.opts.counterId())),
    })
    this.opts.outbox.acknowledge(out.lastSeq)
    this.acked = out.lastSeq
    // Idle as soon as nothing waits, so status() never says "shipping" with an empty backlog.
    this.state = this.opts.outbox.firstPending() === null ? 'idle' : 'shipping'
    this.lastShippedAt = this.opts.now()
    this.lastError = null
    this.emit()
    return true
  }

  /**
   * Where the store is, before shipping: the journal may have gone back in time
   * (a restored backup) or the store may have lost rows (a restored database).
   * Either way every row is queued again, numbered above both, and the store's
   * seq-guarded upserts sort it out.
   */
  private async sync(pool: StorePool): Promise<void> {
    await this.opts.onConnect?.(pool)
    const ack = await acknowledgedSeq(pool, this.opts.counterId())
    const outbox = this.opts.outbox
    const first = outbox.firstPending() ?? outbox.lastSeq() + 1
    if (ack > outbox.lastSeq() || ack < first - 1) {
      this.opts.log.warn('replication: journal and store disagree on the sequence, queueing every row again', { store: ack, journal: outbox.lastSeq() })
      outbox.resyncAbove(Math.max(ack, outbox.lastSeq()))
    } else if (ack >= first) {
      // Killed after the store committed a batch and before the outbox let go of it: the store has
      // these rows already, so they leave the outbox now (the next batch starts right after `ack`).
      outbox.acknowledge(ack)
    }
    this.acked = ack
    this.synced = true
  }

  private emit(): void {
    this.opts.onStatus?.(this.status())
  }
}

function isRejection(e: unknown): boolean {
  // zod refused the batch, or PostgreSQL refused a row (constraint): not a connectivity problem.
  const code = (e as { code?: unknown } | null)?.code
  return e instanceof Error && (e.name === 'ZodError' || (typeof code === 'string' && /^(22|23)/.test(code)))
}
