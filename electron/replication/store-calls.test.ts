// The store:* calls through the contract on a real core: a supervisor connects
// the counter to a real PostgreSQL, sales flow there, the connection survives a
// restart (the URL lives in the secret store), and a bad URL changes nothing.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppHealth, ReplicationStatus } from '../shared/contract'
import { CODES, startTestCore } from '../test-support/payments-kit'
import { createStorePool, type StorePool } from '../store/pool'
import { createTestDatabase, type TestDatabase } from '../test-support/store-db'

let db: TestDatabase
let pool: StorePool
beforeAll(async () => {
  db = await createTestDatabase()
  pool = createStorePool({ url: db.url })
})
afterAll(async () => {
  await pool.end()
  await db.drop()
})

const tuning = { replicationTuning: { idleMs: 20, backoff: { firstMs: 20, maxMs: 100 } } }

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await read()
    if (ok(v)) return v
    if (Date.now() > deadline) throw new Error(`not reached: ${JSON.stringify(v)}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe('store:* calls', () => {
  it('PIN to connect; a bad URL is STORE_UNREACHABLE and nothing is kept; sales replicate; a restart resumes; disconnect stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counter-store-'))
    let core = await startTestCore(tuning, dir)
    core.services.settings.setPin('246813')
    expect((await core.dispatch('store:status', {})).ok && ((await core.dispatch('store:status', {})) as { value: ReplicationStatus }).value.configured).toBe(false)

    const noPin = await core.dispatch('store:configure', { url: db.url })
    expect(!noPin.ok && noPin.error.code).toBe('PIN_REQUIRED')
    const bad = await core.dispatch('store:configure', { url: 'postgres://counter_test:wrong@127.0.0.1:1/nope', pin: '246813' })
    expect(!bad.ok && bad.error.code).toBe('STORE_UNREACHABLE')
    expect(core.services.journal.outbox.enabled()).toBe(false)

    const pay = await core.dispatch('payment:payByCode', { amountFen: 1234, authCode: CODES.instant })
    const first = await core.settle((pay as { value: { outTradeNo: string } }).value.outTradeNo)
    const ok = await core.dispatch('store:configure', { url: db.url, pin: '246813' })
    expect(ok.ok && (ok.value as ReplicationStatus)).toMatchObject({ configured: true, storeAddress: expect.stringMatching(/^127\.0\.0\.1:5432\/counter_test_/) })
    expect(JSON.stringify(ok)).not.toContain('counter_test:counter_test')

    const health = await until(
      async () => ((await core.dispatch('app:health', {})) as { value: AppHealth }).value,
      (h) => h.store?.backlog === 0 && h.store.lastShippedAt !== null,
    )
    expect(health.store).toMatchObject({ configured: true, state: 'idle', lagMs: 0 })
    const row = await pool.query('SELECT state, amount_fen::int AS amount_fen FROM store_orders WHERE out_trade_no = $1', [first.outTradeNo])
    expect(row.rows[0]).toEqual({ state: 'paid', amount_fen: 1234 })
    await core.close()

    // Restart on the same folder: the store connection comes back from the secret store.
    core = await startTestCore(tuning, dir)
    // The supervisor PIN came back as manager 0001 (electron/operators): the counter starts locked.
    expect((await core.dispatch('operators:signIn', { operatorNo: '0001', pin: '246813' })).ok).toBe(true)
    const again = await core.dispatch('payment:payByCode', { amountFen: 999, authCode: CODES.instant })
    const second = await core.settle((again as { value: { outTradeNo: string } }).value.outTradeNo)
    await until(
      async () => (await pool.query('SELECT state FROM store_orders WHERE out_trade_no = $1', [second.outTradeNo])).rows[0]?.state,
      (s) => s === 'paid',
    )
    const off = await core.dispatch('store:disconnect', { pin: '246813' })
    expect(off.ok && (off.value as ReplicationStatus).configured).toBe(false)
    expect(core.services.journal.outbox.enabled()).toBe(false)
    await core.dispose()
  })
})

describe('store-wide views from any counter', () => {
  it('two counters, one store: each finds the other\'s orders; dashboard and report add both up; no store → STORE_UNREACHABLE', async () => {
    const a = await startTestCore(tuning)
    const b = await startTestCore(tuning)
    try {
      const alone = await a.dispatch('store:orders', { text: 'x' })
      expect(!alone.ok && alone.error.code).toBe('STORE_UNREACHABLE')
      for (const c of [a, b]) {
        c.services.settings.setPin('246813')
        expect((await c.dispatch('store:configure', { url: db.url, pin: '246813' })).ok).toBe(true)
        // The first test's counter made manager 0001 from its supervisor PIN; operators flow to every
        // counter of the store (storesync), so this one signs in with it once pulled.
        await c.services.replication.syncNow()
        if (c.services.operators.enabled()) expect((await c.dispatch('operators:signIn', { operatorNo: '0001', pin: '246813' })).ok).toBe(true)
      }
      const sold = async (c: typeof a, amountFen: number) => {
        const r = await c.dispatch('payment:payByCode', { amountFen, authCode: CODES.instant })
        return c.settle((r as { value: { outTradeNo: string } }).value.outTradeNo)
      }
      const fromA = await sold(a, 1_111)
      const fromB = await sold(b, 2_222)
      await sold(b, 3_333)
      const idB = b.services.settings.terminal().deviceId
      const seen = await until(
        async () => (await a.dispatch('store:orders', { text: fromB.outTradeNo.slice(-10) })) as { ok: true; value: { rows: { outTradeNo: string; counterId: string }[] } },
        (r) => r.ok && r.value.rows.length === 1,
      )
      expect(seen.value.rows[0]).toMatchObject({ outTradeNo: fromB.outTradeNo, counterId: idB })
      const byAmount = await until(
        async () => (await b.dispatch('store:orders', { amountFen: 1_111 })) as { ok: true; value: { rows: { outTradeNo: string }[] } },
        (r) => r.ok && r.value.rows.some((o) => o.outTradeNo === fromA.outTradeNo),
      )
      expect(byAmount.value.rows).toHaveLength(1)

      const dash = await until(
        async () => (await a.dispatch('store:dashboard', {})) as { ok: true; value: { counters: { counterId: string; today: { salesFen: number } }[] } },
        (r) => r.ok && r.value.counters.find((c) => c.counterId === idB)?.today.salesFen === 5_555,
      )
      expect(dash.value.counters.find((c) => c.counterId === a.services.settings.terminal().deviceId)?.today.salesFen).toBe(1_111)
      const report = (await b.dispatch('store:report', { from: 0, to: Date.now() + 1_000, pin: '246813' })) as { value: { byCounter: { counterId: string; salesCount: number }[] } }
      expect(report.value.byCounter.find((c) => c.counterId === idB)?.salesCount).toBe(2)
    } finally {
      await a.dispose()
      await b.dispose()
    }
  })
})
