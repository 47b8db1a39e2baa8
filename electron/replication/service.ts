// The replication domain: owns the store database connection (its URL is kept
// in the secret store: it carries credentials) and the replicator. A counter
// with no store configured keeps no outbox and sells alone; one whose store is
// unreachable sells on and catches up later.
import { z } from 'zod'
import type { Logger } from '../kernel/logger'
import type { SecretStore } from '../kernel/secrets'
import type { OutboxRepo } from '../journal/outbox'
import type { ProofInput, ReplicationStatus } from '../shared/contract'
import { PosFailure } from '../shared/result'
import { createStorePool, migrateStore, type StorePool } from '../store/pool'
import { Replicator, type ReplicatorOptions } from './replicator'

const StoreDbSecret = z.strictObject({ url: z.string().min(1), tls: z.boolean() })

export interface ReplicationServiceDeps {
  outbox: OutboxRepo
  secrets: SecretStore
  /** Throws unless the supervisor PIN is right (settings' PinGuard). */
  verifyPin: (pin: ProofInput) => void
  terminal: () => { deviceId: string; storeId: string }
  now: () => number
  log: Logger
  onStatus: (status: ReplicationStatus) => void
  /** What flows down from the store (journal/downstream.ts), applied after each ship cycle. */
  downstream?: ReplicatorOptions['downstream']
  /** A pull changed operators or store settings here. */
  onPulled?: (changed: number) => void
  /** Faster timings in tests and benchmarks. */
  tuning?: Partial<Pick<ReplicatorOptions, 'batchSize' | 'idleMs' | 'backoff' | 'pullEveryMs'>>
}

export class ReplicationService {
  private pool: StorePool | null = null
  private replicator: Replicator | null = null
  private address: string | null = null

  constructor(private readonly deps: ReplicationServiceDeps) {}

  /** At start-up: resume shipping to the configured store, if any (a bad saved value is a logged problem, not a crash). */
  start(): void {
    let raw: string | null
    try {
      raw = this.deps.secrets.get('storeDb')
    } catch {
      // An unreadable secrets file fails closed (SECRETS_UNREADABLE): no replication, and the core still starts.
      this.deps.log.error('store database settings unreadable (secrets file): replication stays off')
      return
    }
    if (!raw) return
    const saved = StoreDbSecret.safeParse(safeJson(raw))
    if (!saved.success) {
      this.deps.log.error('store database settings unreadable: replication stays off until a supervisor sets them again')
      return
    }
    this.run(saved.data.url, saved.data.tls)
  }

  status(): ReplicationStatus {
    const r = this.replicator?.status()
    return {
      configured: this.replicator !== null,
      state: r?.state ?? 'off',
      backlog: r?.backlog ?? 0,
      lagMs: r?.lagMs ?? 0,
      lastError: (r?.lastError ?? null) as ReplicationStatus['lastError'],
      lastShippedAt: r?.lastShippedAt ?? null,
      storeAddress: this.address,
    }
  }

  /** Ships everything waiting, then pulls what flows down (tests; a "sync now"). Throws what the store answered. */
  async syncNow(): Promise<void> {
    await this.replicator?.drain()
  }

  /** Proves the URL (connect + migrate) before keeping it; then ships, past rows first. */
  async configure(url: string, tls: boolean, pin: ProofInput): Promise<ReplicationStatus> {
    this.deps.verifyPin(pin)
    const probe = createStorePool({ url, tls: tls ? {} : false, maxConnections: 1 })
    try {
      await migrateStore(probe)
    } catch (e) {
      throw new PosFailure('STORE_UNREACHABLE', `无法连接门店数据库：${errorCode(e)}`, { reason: 'connect-failed', detail: errorCode(e) })
    } finally {
      await probe.end().catch(() => {})
    }
    await this.halt()
    this.deps.secrets.set('storeDb', JSON.stringify({ url, tls }))
    this.run(url, tls)
    return this.status()
  }

  /** A read-only question to the store database; STORE_UNREACHABLE when there is none or it cannot answer. */
  async ask<T>(question: (pool: StorePool) => Promise<T>): Promise<T> {
    if (!this.pool) throw new PosFailure('STORE_UNREACHABLE', '未连接门店数据库：只能查看本机记录', { reason: 'not-configured' })
    const pool = this.pool
    try {
      return await question(pool)
    } catch (first) {
      // A pooled connection the network cut while idle fails its next query at once: asked again on a
      // fresh one. Only for a cut connection (not a timeout: the cashier would wait twice), and every
      // question asked through here is read-only or idempotent (refund-cap.ts: same refund number, same answer).
      if (!CUT.test(errorCode(first))) throw unreachable(first)
      try {
        return await question(pool)
      } catch (e) {
        throw unreachable(e)
      }
    }
  }

  async disconnect(pin: ProofInput): Promise<ReplicationStatus> {
    this.deps.verifyPin(pin)
    await this.halt()
    this.deps.secrets.set('storeDb', null)
    this.deps.outbox.disable()
    this.deps.onStatus(this.status())
    return this.status()
  }

  close(): Promise<void> {
    return this.halt()
  }

  private run(url: string, tls: boolean): void {
    this.address = describe(url)
    this.pool = createStorePool({ url, tls: tls ? {} : false })
    const pool = this.pool
    this.replicator = new Replicator({
      outbox: this.deps.outbox,
      pool: () => pool,
      counterId: () => this.deps.terminal().deviceId,
      storeId: () => this.deps.terminal().storeId,
      now: this.deps.now,
      log: this.deps.log,
      onConnect: async (p) => void (await migrateStore(p)),
      onStatus: () => this.deps.onStatus(this.status()),
      ...(this.deps.downstream ? { downstream: this.deps.downstream } : {}),
      ...(this.deps.onPulled ? { onPulled: this.deps.onPulled } : {}),
      ...this.deps.tuning,
    })
    this.replicator.start()
  }

  private async halt(): Promise<void> {
    await this.replicator?.stop()
    this.replicator = null
    await this.pool?.end().catch(() => {})
    this.pool = null
    this.address = null
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return null
  }
}

/** host:port/database — never user or password. */
function describe(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`
  } catch {
    return 'postgres'
  }
}

/** A connection the network cut (not a refusal, not a timeout). */
const CUT = /^(ECONNRESET|EPIPE|57P01|Connection terminated unexpectedly)/

function unreachable(e: unknown): PosFailure {
  return new PosFailure('STORE_UNREACHABLE', `门店数据库暂时无法查询：${errorCode(e)}`, { reason: 'query-failed', detail: errorCode(e) })
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : e instanceof Error ? e.message.slice(0, 80) : 'unknown'
}
