// Refund at any counter (issue 16): real cores (SQLite journals), one real
// sandbox gateway over loopback shared by the counters (one merchant), one real
// PostgreSQL. Counter B refunds an order counter A took; two counters racing on
// one order never exceed what was paid; an unreachable store refuses with
// nothing changed; the reservation is settled even when the refund ends after a
// crash; B's shift books hold B's refund and none of A's sale; the store holds
// A's order once and B's refund.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_MERCHANT } from '../gateway/sandbox/demo'
import type { RefundView, ShiftReport } from '../shared/contract'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'
import { createStorePool, type StorePool } from '../store/pool'
import { reserveRefund } from '../store/refund-cap'
import { createTestDatabase, type TestDatabase } from '../test-support/store-db'
import { startPgProxy } from '../test-support/pg-proxy'

let db: TestDatabase
let pool: StorePool
const cores: TestCore[] = []
beforeAll(async () => {
  db = await createTestDatabase()
  pool = createStorePool({ url: db.url })
})
afterAll(async () => {
  for (const c of cores) await c.dispose().catch(() => {})
  await pool.end()
  await db.drop()
})

const PIN = '246813'
const tuning = { replicationTuning: { idleMs: 20, backoff: { firstMs: 20, maxMs: 100 } } }

/** A counter of the shop: its own journal, A's sandbox (the same merchant), the store at `url`. */
async function counter(sandboxUrl: string | null, url: string = db.url, dir?: string, reservationSweepMs = 100): Promise<TestCore> {
  const gateway = sandboxUrl ? { gateway: { mode: 'demo' as const, baseUrl: sandboxUrl, agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: { ...DEMO_MERCHANT.keys } } } : {}
  const c = await startTestCore({ ...tuning, ...gateway, reservationSweepMs }, dir)
  cores.push(c)
  c.services.settings.setPin(PIN)
  const r = await c.dispatch('store:configure', { url, pin: PIN })
  if (!r.ok) throw new Error(r.error.message)
  return c
}

async function until<T>(read: () => Promise<T> | T, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await read()
    if (ok(v)) return v
    if (Date.now() > deadline) throw new Error(`not reached: ${JSON.stringify(v)}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

async function sell(c: TestCore, amountFen: number): Promise<string> {
  // A restarted counter's manager 0001 (its supervisor PIN) flows to every counter of the store, which
  // then locks until someone signs in: whenever that pull lands, sign in as any cashier of the store would.
  let r = await c.dispatch('payment:payByCode', { amountFen, authCode: CODES.instant })
  if (!r.ok && r.error.code === 'COUNTER_LOCKED') {
    const signIn = await c.dispatch('operators:signIn', { operatorNo: '0001', pin: PIN })
    if (!signIn.ok) throw new Error(signIn.error.message)
    r = await c.dispatch('payment:payByCode', { amountFen, authCode: CODES.instant })
  }
  if (!r.ok) throw new Error(r.error.message)
  return (await c.settle((r.value as { outTradeNo: string }).outTradeNo)).outTradeNo
}

async function inStore(outTradeNo: string): Promise<void> {
  await until(async () => (await pool.query('SELECT state FROM store_orders WHERE out_trade_no = $1', [outTradeNo])).rows[0]?.state, (s) => s === 'paid')
}

const reservations = async (outTradeNo: string) =>
  (await pool.query(`SELECT out_refund_no, counter_id, amount_fen::int AS amount_fen, state FROM store_refund_reservations WHERE out_trade_no = $1 ORDER BY created_at`, [outTradeNo])).rows as {
    out_refund_no: string
    counter_id: string
    amount_fen: number
    state: string
  }[]

const idOf = (c: TestCore) => c.services.settings.terminal().deviceId

describe('refund at any counter', () => {
  let a: TestCore
  let b: TestCore
  let sandboxUrl: string
  beforeAll(async () => {
    a = await counter(null)
    sandboxUrl = a.services.sandbox!.url
    b = await counter(sandboxUrl)
  })

  it('B refunds A\'s order; B\'s books hold the refund and not the sale; the store holds one order (A\'s) and B\'s refund', async () => {
    const own = await sell(b, 2_000) // B's own sale opens B's shift
    const no = await sell(a, 1_000)
    await inStore(no)
    expect(b.services.journal.orders.get(no)).toBeUndefined()

    const r = await b.dispatch('refunds:create', { outTradeNo: no, amountFen: 300, pin: PIN, reason: 'returned' })
    expect(r.ok && (r.value as RefundView)).toMatchObject({ outTradeNo: no, amountFen: 300, state: 'success' })
    const refund = (r as { value: RefundView }).value
    expect(refund.outRefundNo).toContain(idOf(b).replace(/[^A-Za-z0-9]/g, '').slice(-12))
    await b.services.refunds.idle()
    expect(await reservations(no)).toEqual([{ out_refund_no: refund.outRefundNo, counter_id: idOf(b), amount_fen: 300, state: 'confirmed' }])
    // The gateway refunded A's order once, by the number B chose.
    const truth = a.services.sandbox!.state
    expect(truth.refundsOf(truth.findOrder(no)!).map((x) => [x.outRefundNo, x.refundFee, x.status])).toEqual([[refund.outRefundNo, 300, 'SUCCESS']])

    // The foreign row keeps A's device id: not B's to recover, count or ship.
    const shadow = b.services.journal.orders.get(no)!
    expect(shadow).toMatchObject({ device_id: idOf(a), state: 'paid', shift_id: null, refunded_fen: 300 })
    expect(b.services.journal.orders.isForeign(no)).toBe(true)
    expect(b.services.journal.orders.isForeign(own)).toBe(false)
    expect(b.services.journal.orders.open().map((o) => o.out_trade_no)).not.toContain(no)
    const detail = (await b.dispatch('orders:get', { outTradeNo: no })) as { ok: true; value: { takenAt?: string; refunds: RefundView[] } }
    expect(detail.value.takenAt).toBe(idOf(a))
    expect(detail.value.refunds.map((x) => x.outRefundNo)).toEqual([refund.outRefundNo])
    expect(((await b.dispatch('orders:get', { outTradeNo: own })) as { value: { takenAt?: string } }).value.takenAt).toBeUndefined()

    // B's shift: its own sale, and the refund it paid out (money left through the wallet at B).
    const x = (await b.dispatch('shifts:xReport', {})) as { ok: true; value: ShiftReport }
    expect(x.ok).toBe(true)
    expect(x.value.paid).toMatchObject({ count: 1, amountFen: 2_000 })
    expect(x.value.refunded).toMatchObject({ count: 1, amountFen: 300 })
    expect(x.value.netFen).toBe(1_700)

    // The store: A's order once (A's row, untouched by B), B's refund as B's.
    await until(async () => (await pool.query('SELECT state FROM store_refunds WHERE out_refund_no = $1', [refund.outRefundNo])).rows[0]?.state, (s) => s === 'success')
    await until(() => b.services.replication.status().backlog, (n) => n === 0)
    const orders = await pool.query('SELECT counter_id FROM store_orders WHERE out_trade_no = $1', [no])
    expect(orders.rows).toEqual([{ counter_id: idOf(a) }])
    const refunds = await pool.query('SELECT counter_id, amount_fen::int AS amount_fen FROM store_refunds WHERE out_trade_no = $1', [no])
    expect(refunds.rows).toEqual([{ counter_id: idOf(b), amount_fen: 300 }])
    // Store search (any counter) says what may still be refunded across counters.
    const found = (await a.dispatch('store:orders', { text: no })) as { ok: true; value: { rows: { refundableFen: number; refundedFen: number }[] } }
    expect(found.value.rows).toMatchObject([{ refundableFen: 700 }])
    const report = (await b.dispatch('store:report', { from: 0, to: Date.now() + 1_000, pin: PIN })) as { value: { byCounter: { counterId: string; salesFen: number; refundsFen: number }[] } }
    expect(report.value.byCounter.find((c) => c.counterId === idOf(b))).toMatchObject({ salesFen: 2_000, refundsFen: 300 })
    expect(report.value.byCounter.find((c) => c.counterId === idOf(a))).toMatchObject({ salesFen: 1_000, refundsFen: 0 })
  })

  it('two counters refunding one order at once: one wins, the other gets CONFLICT with what remains; never over-refunded', async () => {
    const c = await counter(sandboxUrl)
    const no = await sell(a, 1_000)
    await inStore(no)
    const [fromB, fromC] = await Promise.all([
      b.dispatch('refunds:create', { outTradeNo: no, amountFen: 600, pin: PIN }),
      c.dispatch('refunds:create', { outTradeNo: no, amountFen: 600, pin: PIN }),
    ])
    const results = [fromB, fromC]
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const lost = results.find((r) => !r.ok) as { ok: false; error: { code: string; params?: Record<string, string> } }
    // Refused by the store's cap — or, when the winner's refund reached the gateway before the loser asked it, by
    // the gateway check that runs first (both before anything was written or sent).
    expect(lost.error.code).toBe('CONFLICT')
    if (lost.error.params?.['reason'] === 'over-cap') expect(lost.error.params['remainingFen']).toBe('400')
    else expect(lost.error.params).toMatchObject({ reason: 'gateway-refunded', elsewhereFen: '600' })
    const loser = fromB.ok ? c : b
    // Nothing of the refused one was written or sent.
    expect(loser.services.journal.refunds.forOrder(no)).toEqual([])
    expect(loser.services.journal.orders.get(no)).toBeUndefined()
    const truth = a.services.sandbox!.state
    expect(truth.refundsOf(truth.findOrder(no)!).reduce((s, x) => s + x.refundFee, 0)).toBe(600)
    await b.services.refunds.idle()
    await c.services.refunds.idle()
    expect((await reservations(no)).map((x) => x.state)).toEqual(['confirmed'])

    // What remains can still be refunded, by either.
    const rest = await loser.dispatch('refunds:create', { outTradeNo: no, amountFen: 400, pin: PIN })
    expect(rest.ok).toBe(true)
    const over = await b.dispatch('refunds:create', { outTradeNo: no, amountFen: 1, pin: PIN })
    expect(!over.ok && over.error.code).toBe('CONFLICT')
    expect(truth.refundsOf(truth.findOrder(no)!).reduce((s, x) => s + x.refundFee, 0)).toBe(1_000)
  })

  it('the order\'s own counter and another one at once: the owner reserves too while the store answers; one wins', async () => {
    const no = await sell(a, 1_000)
    await inStore(no)
    const [fromA, fromB] = await Promise.all([
      a.dispatch('refunds:create', { outTradeNo: no, amountFen: 700, pin: PIN }),
      b.dispatch('refunds:create', { outTradeNo: no, amountFen: 700, pin: PIN }),
    ])
    expect([fromA, fromB].filter((r) => r.ok)).toHaveLength(1)
    expect([fromA, fromB].find((r) => !r.ok)).toMatchObject({ error: { code: 'CONFLICT' } })
    const truth = a.services.sandbox!.state
    expect(truth.refundsOf(truth.findOrder(no)!).reduce((s, x) => s + x.refundFee, 0)).toBe(700)
    await a.services.refunds.idle()
    await b.services.refunds.idle()
    const winner = fromA.ok ? a : b
    expect(await reservations(no)).toMatchObject([{ counter_id: idOf(winner), amount_fen: 700, state: 'confirmed' }])
  })

  it('a refusal by the gateway releases the reservation; the permission rules are the local ones', async () => {
    const no = await sell(a, 1_000)
    await inStore(no)
    const noPin = await b.dispatch('refunds:create', { outTradeNo: no, amountFen: 100 })
    expect(!noPin.ok && noPin.error.code).toBe('PIN_REQUIRED')
    expect(await reservations(no)).toEqual([])
    const refused = await b.dispatch('refunds:create', { outTradeNo: no, amountFen: 192, pin: PIN }) // sandbox: xx92 is refused
    expect(refused.ok && (refused.value as RefundView).state).toBe('failed')
    await b.services.refunds.idle()
    expect((await reservations(no)).map((x) => x.state)).toEqual(['released'])
    const full = await b.dispatch('refunds:create', { outTradeNo: no, amountFen: 1_000, pin: PIN })
    expect(full.ok && (full.value as RefundView).state).toBe('success')
  })

  it('store unreachable: STORE_UNREACHABLE, nothing written, nothing sent', async () => {
    const no = await sell(a, 1_000)
    await inStore(no)
    const proxy = await startPgProxy(new URL(db.url))
    const viaProxy = new URL(db.url)
    viaProxy.host = `127.0.0.1:${proxy.port}`
    const d = await counter(sandboxUrl, viaProxy.toString())
    await proxy.close()
    const refundCalls = () => (d.services.journal.db.prepare(`SELECT count(*) n FROM audit WHERE call = 'refund'`).get() as { n: number }).n
    const r = await d.dispatch('refunds:create', { outTradeNo: no, amountFen: 100, pin: PIN })
    expect(!r.ok && r.error.code).toBe('STORE_UNREACHABLE')
    expect(d.services.journal.orders.get(no)).toBeUndefined()
    expect(d.services.journal.refunds.forOrder(no)).toEqual([])
    expect(refundCalls()).toBe(0)
    expect(await reservations(no)).toEqual([])
    // A counter with no store at all: the order is simply not in its journal.
    const alone = await startTestCore({ gateway: { mode: 'demo', baseUrl: sandboxUrl, agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: { ...DEMO_MERCHANT.keys } } })
    cores.push(alone)
    alone.services.settings.setPin(PIN)
    const nf = await alone.dispatch('refunds:create', { outTradeNo: no, amountFen: 100, pin: PIN })
    expect(!nf.ok && nf.error.code).toBe('NOT_FOUND')
  })

  it('a reservation left open by a crash between the reservation and the journal write is released', async () => {
    const e = await counter(sandboxUrl, db.url, undefined, 60_000) // swept here by hand, not by the timer
    const no = await sell(a, 1_000)
    await inStore(no)
    // The state such a crash leaves: the store holds a reservation the journal never got (so nothing was sent).
    expect(await reserveRefund(pool, { outTradeNo: no, outRefundNo: 'R999999LOST_x', amountFen: 900, counterId: idOf(e), at: Date.now() })).toMatchObject({ ok: true })
    const r = await e.dispatch('refunds:create', { outTradeNo: no, amountFen: 150, pin: PIN })
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', params: { reason: 'over-cap', remainingFen: '100' } })
    // The sweep asks the gateway about the number first (a restored journal could hide a refund it has): not found.
    expect(await e.services.refunds.store.sweep()).toBe(1)
    expect((await reservations(no)).map((x) => [x.out_refund_no, x.state])).toEqual([['R999999LOST_x', 'released']])
    expect((await e.dispatch('refunds:create', { outTradeNo: no, amountFen: 150, pin: PIN })).ok).toBe(true)

    // A journal gone back in time (restored backup): the reservation's refund is at the gateway though its row is not here.
    expect(await reserveRefund(pool, { outTradeNo: no, outRefundNo: 'R999998GONE_x', amountFen: 100, counterId: idOf(e), at: Date.now() })).toMatchObject({ ok: true })
    const sent = await e.services.gateway().refund({ paytype: 'WECHAT', outTradeNo: no, outRefundNo: 'R999998GONE_x', totalFee: 1_000, refundFee: 100, opUserId: '0001' })
    expect(sent.kind).toBe('success')
    expect(await e.services.refunds.store.sweep()).toBe(1)
    expect((await reservations(no)).find((x) => x.out_refund_no === 'R999998GONE_x')?.state).toBe('confirmed')
  })

  for (const crashAt of ['refund:submitted', 'call:refund']) {
    it(`killed at ${crashAt} (reserved, gateway answer not recorded): recovery ends the refund and settles the reservation`, async () => {
      const no = await sell(a, 1_000)
      await inStore(no)
      const dir = mkdtempSync(join(tmpdir(), 'counter-store-refund-'))
      const killed = await runChild({ dir, sandboxUrl, storeUrl: db.url, outTradeNo: no, amountFen: 400, crashAt, pin: PIN })
      expect(killed).toBe(true)
      const open = await reservations(no)
      expect(open).toHaveLength(1)
      expect(open[0]).toMatchObject({ amount_fen: 400, state: 'reserved' })

      const again = await startTestCore({ ...tuning, reservationSweepMs: 100, gateway: { mode: 'demo', baseUrl: sandboxUrl, agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: { ...DEMO_MERCHANT.keys } } }, dir)
      cores.push(again)
      await until(async () => (await reservations(no))[0]?.state, (s) => s === 'confirmed', 15_000)
      expect(again.services.journal.refunds.get(open[0]!.out_refund_no)?.state).toBe('success')
      const truth = a.services.sandbox!.state
      expect(truth.refundsOf(truth.findOrder(no)!).map((x) => [x.outRefundNo, x.refundFee, x.status])).toEqual([[open[0]!.out_refund_no, 400, 'SUCCESS']])
      // The restarted counter turned its supervisor PIN into manager 0001 (electron/operators) and that
      // operator flows to every counter of the store (storesync): B signs in with it after a sync.
      await again.services.replication.syncNow()
      await b.services.replication.syncNow()
      expect((await b.dispatch('operators:signIn', { operatorNo: '0001', pin: PIN })).ok).toBe(true)
      // The cap still counts what was refunded: 600 remain, not a fen more.
      const over = await b.dispatch('refunds:create', { outTradeNo: no, amountFen: 601, pin: PIN })
      expect(!over.ok && over.error.code).toBe('CONFLICT')
      expect((await b.dispatch('refunds:create', { outTradeNo: no, amountFen: 600, pin: PIN })).ok).toBe(true)
      await b.services.refunds.idle()
      expect((await reservations(no)).map((x) => x.state)).toEqual(['confirmed', 'confirmed'])
    })
  }
})

const CHILD = fileURLToPath(new URL('../test-support/store-refund-child.ts', import.meta.url))

/** Runs the refund in a child process that SIGKILLs itself at `crashAt`; true when it was killed. */
function runChild(plan: Record<string, unknown>): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const child = fork(CHILD, [JSON.stringify(plan)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
    let err = ''
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (signal === 'SIGKILL') resolve(true)
      else if (code === 0) resolve(false)
      else reject(new Error(`child exited ${code}: ${err.slice(-2000)}`))
    })
  })
}
