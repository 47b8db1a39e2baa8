// The store database under faults (issue 16's proof): counters sell and refund
// while the way to PostgreSQL is refused, dropped mid-batch and stalled (a TCP
// proxy in front of the real server plays each). Afterwards PostgreSQL must
// equal the union of the journals exactly (orders, refunds, cash movements and
// the operator audit), and every counter must have kept selling throughout.
import { createServer, Socket, type Server } from 'node:net'
import { createCore, type Core } from '../../electron/core/create-core'
import { memoryLogger } from '../../electron/kernel/logger'
import { scaledPolicy } from '../../electron/payments/policy'
import { createStorePool } from '../../electron/store/pool'
import { createTestDatabase, TEST_PG_URL } from '../../electron/test-support/store-db'
import { gatewayConfigFor, startSandbox, tempDir } from '../lib/gateway'

export type Mode = 'pass' | 'refuse' | 'drop' | 'stall'

/** A TCP proxy to PostgreSQL whose behaviour a phase switches; switching drops what is open. */
export class FaultProxy {
  mode: Mode = 'pass'
  port = 0
  private server: Server | null = null
  private readonly open = new Set<Socket>()
  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = createServer((client) => this.serve(client))
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r))
    this.port = (this.server.address() as { port: number }).port
  }

  set(mode: Mode): void {
    this.mode = mode
    for (const s of this.open) s.destroy()
    this.open.clear()
  }

  async close(): Promise<void> {
    this.set('refuse')
    await new Promise<void>((r) => this.server?.close(() => r()))
  }

  private serve(client: Socket): void {
    client.on('error', () => {})
    if (this.mode === 'refuse') return void client.destroy()
    this.open.add(client)
    client.on('close', () => this.open.delete(client))
    if (this.mode === 'stall') return // accepted, never answered
    const upstream = new Socket()
    upstream.on('error', () => client.destroy())
    this.open.add(upstream)
    upstream.connect(this.target.port, this.target.host)
    let bytes = 0
    client.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      // Mid-batch: the connection dies once a batch is under way (after the start-up and login).
      if (this.mode === 'drop' && bytes > 2_000) {
        client.destroy()
        upstream.destroy()
        return
      }
      upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => client.write(chunk))
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  }
}

export interface StoreFaultResult {
  counters: number
  /** Per phase: sales made, sales or refunds refused, counters whose replication reported a failure during it. */
  phases: { mode: Mode; sales: number; refused: number; countersFailing: number }[]
  journalOrders: number
  storeOrders: number
  journalRefunds: number
  storeRefunds: number
  /** Cash movements and operator audit rows (storesync): the store must hold the journals' exactly too. */
  journalCash: number
  storeCash: number
  journalOperatorAudit: number
  storeOperatorAudit: number
  mismatches: string[]
  ok: boolean
  why: string
}

export const CODE = '134567890123459999'
export const PIN = '246813'

/** The rig both store cells run on: the sandbox, a fresh store database, and a FaultProxy in front of it (`viaProxy` is its URL). */
export async function storeBehindProxy() {
  const sandbox = await startSandbox({ enableControl: false })
  const db = await createTestDatabase()
  const target = new URL(TEST_PG_URL)
  const proxy = new FaultProxy({ host: target.hostname, port: Number(target.port || 5432) })
  await proxy.start()
  const viaProxy = new URL(db.url)
  viaProxy.port = String(proxy.port)
  return { sandbox, db, proxy, viaProxy }
}

export async function runStoreFaults(log: (s: string) => void, counters = 4, salesPerPhase = 6): Promise<StoreFaultResult> {
  const { sandbox, db, proxy, viaProxy } = await storeBehindProxy()
  const dirs = Array.from({ length: counters }, (_, i) => tempDir(`store-fault-${i}`, 'memory'))
  const cores: Core[] = []
  const phases: StoreFaultResult['phases'] = []
  try {
    for (const d of dirs) {
      const core = await createCore({ userDataDir: d.path, transport: 'browser', version: 'rel', log: memoryLogger(), gateway: gatewayConfigFor(sandbox.url), paymentPolicy: scaledPolicy(0.05), reviewSweepMs: 0, replicationTuning: { idleMs: 20, backoff: { firstMs: 50, maxMs: 400 }, batchSize: 40 } })
      core.services.settings.setPin(PIN)
      const r = await core.dispatch('store:configure', { url: viaProxy.toString(), pin: PIN })
      if (!r.ok) throw new Error(`store:configure: ${r.error.message}`)
      cores.push(core)
    }
    for (const mode of ['pass', 'refuse', 'pass', 'drop', 'pass', 'stall', 'drop', 'pass'] as Mode[]) {
      log(`  store faults: ${mode}`)
      proxy.set(mode)
      const phaseStart = Date.now()
      const failing = new Set<number>()
      let watching = true
      const watcher = (async () => {
        while (watching) {
          cores.forEach((c, i) => c.services.replication.status().state === 'failing' && failing.add(i))
          await new Promise((r) => setTimeout(r, 25))
        }
      })()
      let sales = 0
      let refused = 0
      await Promise.all(
        cores.map(async (core, i) => {
          for (let k = 0; k < salesPerPhase; k++) {
            const r = await core.dispatch('payment:payByCode', { amountFen: 1_000 + i * 10 + k, authCode: CODE })
            if (!r.ok) {
              refused += 1
              continue
            }
            const no = (r.value as { outTradeNo: string }).outTradeNo
            while (core.services.journal.orders.get(no)?.state !== 'paid') await new Promise((res) => setTimeout(res, 2))
            sales += 1
            if (k === 0) {
              const refund = await core.dispatch('refunds:create', { outTradeNo: no, amountFen: 100, pin: PIN })
              if (!refund.ok) refused += 1
              // A drawer movement per phase (a cash movement and an operator audit row to replicate).
              const paidIn = await core.dispatch('cash:move', { kind: 'paid_in', amountFen: 100 + k, reason: 'float', pin: PIN })
              if (!paidIn.ok) refused += 1
            }
          }
        }),
      )
      // A fault phase lasts long enough for the replicator to meet it (a stalled connect times out after 3 s).
      if (mode !== 'pass') while (Date.now() - phaseStart < 4_000) await new Promise((r) => setTimeout(r, 50))
      watching = false
      await watcher
      phases.push({ mode, sales, refused, countersFailing: failing.size })
    }
    proxy.set('pass')
    const deadline = Date.now() + 60_000
    while (cores.some((c) => c.services.replication.status().backlog > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))

    // PostgreSQL must equal the union of the journals, row for row.
    const pool = createStorePool({ url: db.url })
    const mismatches: string[] = []
    let journalOrders = 0
    let journalRefunds = 0
    const storeOrders = new Map((await pool.query(`SELECT out_trade_no, counter_id, state, amount_fen::int AS a, refunded_fen::int AS r FROM store_orders`)).rows.map((o) => [o.out_trade_no as string, o]))
    const storeRefunds = new Map((await pool.query(`SELECT out_refund_no, state, amount_fen::int AS a FROM store_refunds`)).rows.map((o) => [o.out_refund_no as string, o]))
    for (const core of cores) {
      const id = core.services.settings.terminal().deviceId
      for (const o of core.services.journal.db.prepare('SELECT out_trade_no, state, amount_fen, refunded_fen FROM orders').all() as { out_trade_no: string; state: string; amount_fen: number; refunded_fen: number }[]) {
        journalOrders += 1
        const s = storeOrders.get(o.out_trade_no)
        if (!s || s.counter_id !== id || s.state !== o.state || s.a !== o.amount_fen || s.r !== o.refunded_fen) mismatches.push(`order ${o.out_trade_no}: journal ${o.state}/${o.amount_fen}/${o.refunded_fen}, store ${s ? `${s.state}/${s.a}/${s.r}` : 'missing'}`)
      }
      for (const r of core.services.journal.db.prepare('SELECT out_refund_no, state, amount_fen FROM refunds').all() as { out_refund_no: string; state: string; amount_fen: number }[]) {
        journalRefunds += 1
        const s = storeRefunds.get(r.out_refund_no)
        if (!s || s.state !== r.state || s.a !== r.amount_fen) mismatches.push(`refund ${r.out_refund_no}: journal ${r.state}, store ${s ? s.state : 'missing'}`)
      }
    }
    const cash = await unionOf(
      pool,
      cores,
      `SELECT counter_id, movement_id::int AS id, kind || ':' || amount_fen AS v FROM store_cash_movements`,
      'SELECT id, kind || \':\' || amount_fen AS v FROM cash_movements',
      'cash movement',
      mismatches,
    )
    const opAudit = await unionOf(
      pool,
      cores,
      `SELECT counter_id, audit_id::int AS id, action || ':' || outcome AS v FROM store_operator_audit`,
      'SELECT id, action || \':\' || outcome AS v FROM operator_audit',
      'operator audit row',
      mismatches,
    )
    if (storeOrders.size !== journalOrders) mismatches.push(`store has ${storeOrders.size} orders, the journals ${journalOrders}`)
    if (storeRefunds.size !== journalRefunds) mismatches.push(`store has ${storeRefunds.size} refunds, the journals ${journalRefunds}`)
    await pool.end()
    const refusedAny = phases.reduce((n, p) => n + p.refused, 0)
    // Each fault must have been met by every counter (else the phase proved nothing).
    const unmet = phases.filter((p) => p.mode !== 'pass' && p.countersFailing < counters)
    if (unmet.length > 0) mismatches.push(`faults not met by every counter: ${unmet.map((p) => `${p.mode} ${p.countersFailing}/${counters}`).join(', ')}`)
    const ok = mismatches.length === 0 && refusedAny === 0
    return {
      counters,
      phases,
      journalOrders,
      storeOrders: storeOrders.size,
      journalRefunds,
      storeRefunds: storeRefunds.size,
      journalCash: cash.journal,
      storeCash: cash.store,
      journalOperatorAudit: opAudit.journal,
      storeOperatorAudit: opAudit.store,
      mismatches: mismatches.slice(0, 20),
      ok,
      why: ok ? '' : refusedAny > 0 ? `${refusedAny} sales or refunds refused while the store was away` : mismatches.slice(0, 3).join('; '),
    }
  } finally {
    for (const c of cores) await c.close()
    for (const d of dirs) d.remove()
    await proxy.close()
    await db.drop()
    await sandbox.close()
  }
}

/** One counter-keyed table: every journal row in the store with the same value, and nothing else there. */
async function unionOf(pool: ReturnType<typeof createStorePool>, cores: Core[], storeSql: string, journalSql: string, what: string, mismatches: string[]): Promise<{ journal: number; store: number }> {
  const store = new Map((await pool.query<{ counter_id: string; id: number; v: string }>(storeSql)).rows.map((r) => [`${r.counter_id}/${r.id}`, r.v]))
  let journal = 0
  for (const core of cores) {
    const id = core.services.settings.terminal().deviceId
    for (const r of core.services.journal.db.prepare(journalSql).all() as { id: number; v: string }[]) {
      journal += 1
      const s = store.get(`${id}/${r.id}`)
      if (s !== r.v) mismatches.push(`${what} ${id}/${r.id}: journal ${r.v}, store ${s ?? 'missing'}`)
    }
  }
  if (store.size !== journal) mismatches.push(`store has ${store.size} ${what}s, the journals ${journal}`)
  return { journal, store: store.size }
}
