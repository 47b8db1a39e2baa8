// Replication end to end: real sales on a real core (sandbox over loopback
// HTTP, SQLite journal) shipped to a real PostgreSQL; the store must equal the
// journal exactly — after a store outage, after batches delivered twice, after
// a restart, and after the journal went back in time.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { memoryLogger } from '../kernel/logger'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'
import { acknowledgedSeq, applyBatch } from '../store/ingest'
import { createStorePool, migrateStore, type StorePool } from '../store/pool'
import { createTestDatabase, type TestDatabase } from '../test-support/store-db'
import { Replicator } from './replicator'
import { toStoreChange } from './to-change'

let db: TestDatabase
let pool: StorePool
beforeAll(async () => {
  db = await createTestDatabase()
  pool = createStorePool({ url: db.url, maxConnections: 4 })
  await migrateStore(pool)
})
afterAll(async () => {
  await pool.end()
  await db.drop()
})

let core: TestCore | null = null
afterEach(async () => {
  await core?.dispose()
  core = null
})

function replicatorFor(c: TestCore, store: () => StorePool | null = () => pool) {
  const t = c.services.settings.terminal()
  return new Replicator({ outbox: c.services.journal.outbox, pool: store, counterId: () => t.deviceId, storeId: () => t.storeId, now: Date.now, log: memoryLogger(), batchSize: 7, backoff: { firstMs: 20, maxMs: 50 }, idleMs: 20 })
}

async function sell(c: TestCore, n: number, code: string = CODES.instant): Promise<string[]> {
  const nos: string[] = []
  for (let i = 0; i < n; i++) {
    const r = await c.dispatch('payment:payByCode', { amountFen: 100 + i, authCode: code })
    if (!r.ok) throw new Error(r.error.message)
    const o = await c.settle((r.value as { outTradeNo: string }).outTradeNo)
    nos.push(o.outTradeNo)
  }
  return nos
}

/** The store's view of one counter, in the journal's shape, to compare the two exactly. */
async function storeRows(counterId: string) {
  const orders = await pool.query(`SELECT out_trade_no, state, amount_fen::int AS amount_fen, refunded_fen::int AS refunded_fen, paid_at::bigint AS paid_at FROM store_orders WHERE counter_id = $1 ORDER BY out_trade_no`, [counterId])
  const refunds = await pool.query(`SELECT out_refund_no, state, amount_fen::int AS amount_fen FROM store_refunds WHERE counter_id = $1 ORDER BY out_refund_no`, [counterId])
  const audit = await pool.query(`SELECT count(*)::int AS n FROM store_audit WHERE counter_id = $1`, [counterId])
  return { orders: orders.rows.map((r) => ({ ...r, paid_at: r.paid_at === null ? null : Number(r.paid_at) })), refunds: refunds.rows, audit: audit.rows[0].n as number }
}

function journalRows(c: TestCore) {
  const j = c.services.journal.db
  return {
    orders: j.prepare('SELECT out_trade_no, state, amount_fen, refunded_fen, paid_at FROM orders ORDER BY out_trade_no').all(),
    refunds: j.prepare('SELECT out_refund_no, state, amount_fen FROM refunds ORDER BY out_refund_no').all(),
    audit: (j.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n,
  }
}

describe('replication to the store database', () => {
  it('backfills what the counter sold before the store existed, then ships every change, idempotently', async () => {
    core = await startTestCore()
    const c = core
    await sell(c, 3)
    const rep = replicatorFor(c)
    rep.start()
    await rep.drain()
    await sell(c, 2)
    c.services.settings.setPin('246813')
    const paidNo = (c.services.journal.db.prepare(`SELECT out_trade_no FROM orders WHERE state = 'paid' LIMIT 1`).get() as { out_trade_no: string }).out_trade_no
    const refund = await c.dispatch('refunds:create', { outTradeNo: paidNo, amountFen: 50, pin: '246813' })
    expect(refund.ok).toBe(true)
    await new Promise((r) => setTimeout(r, 200))
    await rep.drain()
    await rep.stop()
    const counter = c.services.settings.terminal().deviceId
    expect(await storeRows(counter)).toEqual(journalRows(c))
    expect(rep.status()).toMatchObject({ backlog: 0, lagMs: 0 })

    // A batch delivered again (its answer was lost) changes nothing.
    const before = await storeRows(counter)
    const ack = await acknowledgedSeq(pool, counter)
    const again = c.services.journal.db.prepare('SELECT * FROM orders').all() as Parameters<typeof toStoreChange>[0]['row'][]
    await applyBatch(pool, { counterId: counter, storeId: 'S', afterSeq: 0, throughSeq: ack, changes: again.slice(0, 3).map((row, i) => toStoreChange({ seq: i + 1, kind: 'order', row } as Parameters<typeof toStoreChange>[0])) })
    expect(await storeRows(counter)).toEqual(before)
  })

  it('keeps selling while the store is unreachable; catches up when it is back', async () => {
    core = await startTestCore()
    const c = core
    let reachable = false
    const rep = replicatorFor(c, () => (reachable ? pool : deadPool))
    rep.start()
    await sell(c, 4)
    await new Promise((r) => setTimeout(r, 150))
    expect(rep.status()).toMatchObject({ state: 'failing', lastError: 'STORE_UNREACHABLE' })
    expect(rep.status().backlog).toBeGreaterThan(0)
    reachable = true
    const deadline = Date.now() + 10_000
    while (rep.status().backlog > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    await rep.stop()
    expect(await storeRows(c.services.settings.terminal().deviceId)).toEqual(journalRows(c))
  })

  it('a journal that went back in time (restored backup) is queued again above the store, nothing skipped', async () => {
    core = await startTestCore()
    const c = core
    const rep = replicatorFor(c)
    rep.start()
    await sell(c, 2)
    await rep.drain()
    await rep.stop()
    const counter = c.services.settings.terminal().deviceId
    const storeAck = await acknowledgedSeq(pool, counter)
    // Simulate the restore: the outbox numbering falls back below what the store has.
    c.services.journal.db.prepare(`UPDATE sqlite_sequence SET seq = 1 WHERE name = 'outbox'`).run()
    c.services.journal.db.prepare(`UPDATE orders SET refunded_fen = 0`).run()
    const rep2 = replicatorFor(c)
    rep2.start()
    await sell(c, 1)
    await rep2.drain()
    await rep2.stop()
    expect(await acknowledgedSeq(pool, counter)).toBeGreaterThan(storeAck)
    expect(await storeRows(counter)).toEqual(journalRows(c))
  })

  it('killed after the store committed a batch, before the outbox let go of it: the next start ships on from there', async () => {
    core = await startTestCore()
    const c = core
    const counter = c.services.settings.terminal().deviceId
    c.services.journal.outbox.enable()
    await sell(c, 3)
    // The batch reaches the store, then the process dies before acknowledge(): the outbox still holds it.
    const batch = c.services.journal.outbox.next(500)!
    await applyBatch(pool, { counterId: counter, storeId: 'S', afterSeq: 0, throughSeq: batch.throughSeq, changes: batch.entries.map((e) => toStoreChange(e, counter)) })
    expect(c.services.journal.outbox.firstPending()).not.toBeNull()
    await sell(c, 1)
    const rep = replicatorFor(c)
    rep.start()
    await rep.drain()
    await rep.stop()
    expect(rep.status().lastError).toBeNull()
    expect(c.services.journal.outbox.firstPending()).toBeNull()
    expect(await storeRows(counter)).toEqual(journalRows(c))
  })
})

const deadPool = createStorePool({ url: 'postgres://nobody:nothing@127.0.0.1:1/none', connectTimeoutMs: 200 })
afterAll(() => deadPool.end())
