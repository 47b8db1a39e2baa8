// Store database figures (issue 16): 16 counters selling at full speed into one
// PostgreSQL — replication lag, and each sale's time with and without
// replication; a 10,000-change backlog drained; the store report over a large
// generated store. Needs the loopback PostgreSQL (scripts/start-postgres.sh).
import { createCore, type Core } from '../electron/core/create-core'
import { memoryLogger } from '../electron/kernel/logger'
import { DEFAULT_POLICY } from '../electron/payments/policy'
import { Replicator } from '../electron/replication/replicator'
import { createStorePool, migrateStore, type StorePool } from '../electron/store/pool'
import { storeReport } from '../electron/store/reports'
import { createTestDatabase, TEST_PG_URL } from '../electron/test-support/store-db'
import { gatewayConfigFor, startSandbox, tempDir } from './lib/gateway'
import { summarize, type Summary } from './lib/stats'

const CODE = '134567890123459999' // instant success at the sandbox

async function counters(n: number, sandboxUrl: string): Promise<{ cores: Core[]; dispose(): Promise<void> }> {
  const dirs = Array.from({ length: n }, (_, i) => tempDir(`repl-${i}`, 'disk'))
  const cores: Core[] = []
  for (const d of dirs) {
    const core = await createCore({ userDataDir: d.path, transport: 'browser', version: 'bench', log: memoryLogger(), gateway: gatewayConfigFor(sandboxUrl), paymentPolicy: DEFAULT_POLICY, reviewSweepMs: 0, replicationTuning: { idleMs: 50, batchSize: 500 } })
    core.services.settings.setPin('246813')
    cores.push(core)
  }
  return {
    cores,
    dispose: async () => {
      for (const c of cores) await c.close()
      for (const d of dirs) d.remove()
    },
  }
}

/** Each core sells `perCounter` instant payments back to back; returns each sale's dispatch → paid time. */
async function sellAll(cores: Core[], perCounter: number): Promise<number[]> {
  const times: number[] = []
  await Promise.all(
    cores.map(async (core) => {
      for (let i = 0; i < perCounter; i++) {
        const t0 = performance.now()
        const r = await core.dispatch('payment:payByCode', { amountFen: 100 + i, authCode: CODE })
        if (!r.ok) throw new Error(r.error.message)
        const no = (r.value as { outTradeNo: string; state: string }).outTradeNo
        for (;;) {
          const o = core.services.journal.orders.get(no)
          if (o?.state === 'paid') break
          await new Promise((res) => setTimeout(res, 1))
        }
        times.push(performance.now() - t0)
      }
    }),
  )
  return times
}

export interface ReplicationBench {
  counters: number
  sales: number
  lag: Summary
  saleWith: Summary
  saleWithout: Summary
  storeRowsEqual: boolean
  drain: { backlog: number; seconds: number }
  report: { orders: number; times: Summary }
}

export async function benchReplication(opts: { counters: number; perCounter: number; reportOrders: number }, log: (s: string) => void): Promise<ReplicationBench> {
  const sandbox = await startSandbox({ enableControl: false })
  const db = await createTestDatabase()
  const pool = createStorePool({ url: db.url, maxConnections: 4 })
  try {
    await migrateStore(pool)
    log(`  ${opts.counters} counters × ${opts.perCounter} sales without replication`)
    const off = await counters(opts.counters, sandbox.url)
    const saleWithout = summarize(await sellAll(off.cores, opts.perCounter))
    await off.dispose()

    log(`  the same with replication to PostgreSQL`)
    const on = await counters(opts.counters, sandbox.url)
    for (const c of on.cores) {
      const r = await c.dispatch('store:configure', { url: db.url, pin: '246813' })
      if (!r.ok) throw new Error(r.error.message)
    }
    const lagSamples: number[] = []
    let sampling = true
    const sampler = (async () => {
      while (sampling) {
        for (const c of on.cores) lagSamples.push(c.services.replication.status().lagMs)
        await new Promise((r) => setTimeout(r, 50))
      }
    })()
    const saleWith = summarize(await sellAll(on.cores, opts.perCounter))
    // Let the last changes arrive, still sampling.
    const deadline = Date.now() + 30_000
    while (on.cores.some((c) => c.services.replication.status().backlog > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    sampling = false
    await sampler
    const journalOrders = on.cores.reduce((n, c) => n + (c.services.journal.db.prepare(`SELECT count(*) AS n FROM orders WHERE state = 'paid'`).get() as { n: number }).n, 0)
    const storeOrders = Number((await pool.query(`SELECT count(*) AS n FROM store_orders WHERE state = 'paid'`)).rows[0].n)
    await on.dispose()

    log('  a 10,000-change backlog drained')
    const drain = await drainBacklog(sandbox.url, db.url, 10_000)
    log(`  store report over ${opts.reportOrders.toLocaleString()} generated orders`)
    const report = await reportOverLargeStore(opts.reportOrders)
    return { counters: opts.counters, sales: opts.counters * opts.perCounter, lag: summarize(lagSamples), saleWith, saleWithout, storeRowsEqual: journalOrders === storeOrders, drain, report }
  } finally {
    await pool.end()
    await db.drop()
    await sandbox.close()
  }
}

/** One counter sells with its store unreachable until ≥ `rows` changes wait, then the store comes back. */
async function drainBacklog(sandboxUrl: string, url: string, rows: number): Promise<{ backlog: number; seconds: number }> {
  const c = await counters(1, sandboxUrl)
  const core = c.cores[0]!
  let pool: StorePool | null = null
  const live = createStorePool({ url })
  const rep = new Replicator({ outbox: core.services.journal.outbox, pool: () => pool, counterId: () => 'DRAIN', storeId: () => 'S', now: Date.now, log: memoryLogger(), batchSize: 500 })
  core.services.journal.outbox.enable()
  while (core.services.journal.outbox.backlog().count < rows) await sellAll([core], 50)
  const backlog = core.services.journal.outbox.backlog().count
  pool = live
  const t0 = performance.now()
  await rep.drain()
  const seconds = (performance.now() - t0) / 1000
  await live.end()
  await c.dispose()
  return { backlog, seconds }
}

/** A store database of `orders` orders over 16 counters and a year, generated once and kept (database counter_bench_store). */
export async function reportOverLargeStore(orders: number): Promise<{ orders: number; times: Summary }> {
  const name = `counter_bench_store_${orders}`
  const admin = createStorePool({ url: TEST_PG_URL, statementTimeoutMs: 600_000 })
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1
  if (!exists) await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const u = new URL(TEST_PG_URL)
  u.pathname = `/${name}`
  const pool = createStorePool({ url: u.toString(), statementTimeoutMs: 900_000 })
  try {
    await migrateStore(pool)
    const have = Number((await pool.query('SELECT count(*) AS n FROM store_orders')).rows[0].n)
    if (have < orders) {
      const day0 = Date.UTC(2026, 0, 1) - 8 * 3600_000
      await pool.query(`INSERT INTO store_counters (counter_id, store_id) SELECT 'C' || g, 'S' FROM generate_series(1, 16) g ON CONFLICT DO NOTHING`)
      await pool.query(
        `INSERT INTO store_orders (out_trade_no, counter_id, seq, method, paytype, amount_fen, state, refunded_fen, cashier, shift_id, created_at, updated_at, paid_at)
         SELECT 'B' || g, 'C' || (g % 16 + 1), g, 'code', CASE WHEN g % 3 = 0 THEN 'ALIPAY' ELSE 'WECHAT' END, 100 + g % 9900,
                CASE WHEN g % 50 = 0 THEN 'cancelled' ELSE 'paid' END, 0, 'cashier' || (g % 40), 'S' || (g / 2000),
                $1::bigint + (g::bigint * 3153), $1::bigint + (g::bigint * 3153), CASE WHEN g % 50 = 0 THEN NULL ELSE $1::bigint + (g::bigint * 3153) END
         FROM generate_series($2::bigint, $3::bigint) g`,
        [day0, have + 1, orders],
      )
      await pool.query(
        `INSERT INTO store_refunds (out_refund_no, out_trade_no, counter_id, seq, amount_fen, state, created_at, updated_at)
         SELECT 'R' || out_trade_no, out_trade_no, counter_id, seq, 50, 'success', paid_at + 60000, paid_at + 60000 FROM store_orders WHERE seq % 100 = 7 AND state = 'paid'
         ON CONFLICT DO NOTHING`,
      )
      await pool.query('ANALYZE')
    }
    // One busy day near the end of the generated year.
    const last = Number((await pool.query('SELECT max(paid_at) AS m FROM store_orders')).rows[0].m)
    const from = last - 24 * 3600_000
    const times: number[] = []
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now()
      await storeReport(pool, from, last + 1)
      if (i > 0) times.push(performance.now() - t0)
    }
    return { orders, times: summarize(times) }
  } finally {
    await pool.end()
  }
}
