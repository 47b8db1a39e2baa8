// The store holds every counter's drawer and operators, and operators and store
// settings flow down (issues 15/16): two real cores A and B (SQLite journals)
// on one real PostgreSQL. A's cash sale, paid-out and counted close are in the
// store and its report; an operator created at A signs in at B; deactivated at
// B, refused at A; concurrent edits resolve by updated_at (ties by counter id);
// A's store name is on B's receipts; a batch applied twice changes nothing; B
// cut off from the store sells and signs in with what it last pulled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CashMovementView, OrderView, ShiftReport, StoreSettingsView } from '../shared/contract'
import { applyBatch } from '../store/ingest'
import { createStorePool, type StorePool } from '../store/pool'
import { storeReport } from '../store/reports'
import { startTestCore, type TestCore } from '../test-support/payments-kit'
import { startPgProxy } from '../test-support/pg-proxy'
import { createTestDatabase, type TestDatabase } from '../test-support/store-db'
import { toStoreChange } from './to-change'

let db: TestDatabase
let pool: StorePool
const cores: TestCore[] = []
const closers: (() => Promise<void>)[] = []
beforeAll(async () => {
  db = await createTestDatabase()
  pool = createStorePool({ url: db.url })
})
afterAll(async () => {
  for (const c of cores) await c.dispose().catch(() => {})
  for (const close of closers) await close().catch(() => {})
  await pool.end()
  await db.drop()
})

const PIN = '246813'
const MANAGER = { no: '0001', pin: '135790' }
const CASHIER = { no: '0002', pin: '864209' }
const tuning = { replicationTuning: { idleMs: 20, pullEveryMs: 50, backoff: { firstMs: 20, maxMs: 100 } } }

async function value<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(`${r.error?.code}: ${r.error?.message}`)
  return r.value as T
}

async function counter(url: string = db.url): Promise<TestCore> {
  const c = await startTestCore(tuning)
  cores.push(c)
  c.services.settings.setPin(PIN)
  await value(c.dispatch('store:configure', { url, pin: PIN }))
  return c
}

const sync = (c: TestCore) => c.services.replication.syncNow()
const idOf = (c: TestCore) => c.services.settings.terminal().deviceId
const rows = async (sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('store sync: the drawer up, operators and store settings down', () => {
  let a: TestCore
  let b: TestCore
  let proxy: Awaited<ReturnType<typeof startPgProxy>>
  beforeAll(async () => {
    a = await counter()
    proxy = await startPgProxy(new URL(db.url))
    closers.push(() => proxy.close())
    b = await counter(proxy.url) // B reaches the store through a proxy that can be shut
    expect(idOf(a)).not.toBe(idOf(b))
    expect(a.services.settings.terminal().storeId).toBe(b.services.settings.terminal().storeId)
  })

  it("A's cash sale, paid-out and counted close are in the store (movements, count, shift columns, operator audit) and in the store report's drawer", async () => {
    const from = Date.now() - 1
    await value(a.dispatch('shifts:open', { cashier: '李四', floatFen: 10_000 }))
    const sale = (await value<{ order: OrderView }>(a.dispatch('cash:sale', { amountFen: 3_000, givenFen: 5_000 }))).order
    const out = await value<CashMovementView>(a.dispatch('cash:move', { kind: 'paid_out', amountFen: 500, reason: '快递费', pin: PIN }))
    // expected 10,000 + 3,000 − 500 = 12,500; counted 100 + 20 + 5 yuan = 12,500
    const z = await value<ShiftReport>(a.dispatch('shifts:close', { pin: PIN, count: { pieces: { '10000': 1, '2000': 1, '500': 1 } }, takenOutFen: 2_000 }))
    await sync(a)

    const moves = await rows(`SELECT movement_id::int AS id, kind, amount_fen::int AS amount, ref, shift_id FROM store_cash_movements WHERE counter_id = $1 ORDER BY movement_id`, [idOf(a)])
    expect(moves).toEqual([
      { id: expect.any(Number), kind: 'sale', amount: 3_000, ref: sale.outTradeNo, shift_id: z.shift.id },
      { id: out.id, kind: 'paid_out', amount: 500, ref: null, shift_id: z.shift.id },
    ])
    expect(await rows(`SELECT counted_fen::int AS counted, expected_fen::int AS expected, over_short_fen::int AS os, taken_out_fen::int AS taken FROM store_drawer_counts WHERE counter_id = $1`, [idOf(a)])).toEqual([
      { counted: 12_500, expected: 12_500, os: 0, taken: 2_000 },
    ])
    const [shift] = await rows(`SELECT closed_at, closed_by, close_approver FROM store_shifts WHERE counter_id = $1 AND shift_id = $2`, [idOf(a), z.shift.id])
    expect(shift.closed_at).not.toBeNull()
    expect(shift.close_approver).toBe(z.shift.closeApprover ?? null)
    // The operator audit: every row of A's, and never a PIN.
    const journalAudit = (a.services.journal.db.prepare('SELECT count(*) n FROM operator_audit').get() as { n: number }).n
    const storeAudit = await rows(`SELECT action, detail FROM store_operator_audit WHERE counter_id = $1`, [idOf(a)])
    expect(journalAudit).toBeGreaterThan(0)
    expect(storeAudit).toHaveLength(journalAudit)
    expect(JSON.stringify(storeAudit)).not.toContain(PIN)

    const report = await storeReport(pool, from, Date.now() + 1)
    expect(report.drawers.find((d) => d.counterId === idOf(a))).toMatchObject({
      floatFen: 10_000,
      cashSalesFen: 3_000,
      paidOutFen: 500,
      paidInFen: 0,
      expectedFen: 12_500,
      counts: 1,
      countedFen: 12_500,
      overShortFen: 0,
      takenOutFen: 2_000,
    })
    expect(report.byCounter.find((c) => c.counterId === idOf(a))).toMatchObject({ salesCount: 1, salesFen: 3_000 })
  })

  it('an operator created at A signs in at B after a sync; deactivated at B, refused at A; an applied pull is not shipped back', async () => {
    await value(a.dispatch('operators:setupFirstManager', { name: '店长', pin: MANAGER.pin, supervisorPin: PIN }))
    await value(a.dispatch('operators:create', { operatorNo: CASHIER.no, name: '收银员甲', role: 'cashier', pin: CASHIER.pin }))
    const refused = await b.dispatch('operators:signIn', { operatorNo: CASHIER.no, pin: CASHIER.pin })
    expect(refused.ok).toBe(false) // not pulled yet
    await sync(a)
    await sync(b)
    const signedIn = await value<{ signedIn: { operatorNo: string; role: string } }>(b.dispatch('operators:signIn', { operatorNo: CASHIER.no, pin: CASHIER.pin }))
    expect(signedIn.signedIn).toMatchObject({ operatorNo: CASHIER.no, role: 'cashier' })
    const queuedOperators = (c: TestCore) => (c.services.journal.db.prepare(`SELECT count(*) n FROM outbox WHERE kind = 'operator'`).get() as { n: number }).n
    expect(queuedOperators(b)).toBe(0) // pulled rows are not queued for the store again

    // A wrong PIN at B locks nothing at A: the lockout state stays per counter.
    await b.dispatch('operators:signIn', { operatorNo: MANAGER.no, pin: '000000' })
    await value(b.dispatch('operators:signIn', { operatorNo: MANAGER.no, pin: MANAGER.pin }))
    // The cashier is signed in at A when B makes them inactive: A's session ends at the pull.
    await value(a.dispatch('operators:signIn', { operatorNo: CASHIER.no, pin: CASHIER.pin }))
    const before = await rows(`SELECT version::int AS v, writer, active FROM store_operators WHERE operator_no = $1`, [CASHIER.no])
    await value(b.dispatch('operators:update', { operatorNo: CASHIER.no, active: false }))
    await sync(b)
    const after = await rows(`SELECT version::int AS v, writer, active FROM store_operators WHERE operator_no = $1`, [CASHIER.no])
    expect(after[0]).toMatchObject({ writer: idOf(b), active: false })
    expect(after[0].v).toBeGreaterThan(before[0].v)
    await sync(a)
    expect((await value<{ signedIn: unknown }>(a.dispatch('operators:status', {}))).signedIn).toBeNull()
    expect(queuedOperators(a)).toBe(0)
    const atA = await a.dispatch('operators:signIn', { operatorNo: CASHIER.no, pin: CASHIER.pin })
    expect(atA.ok).toBe(false)
    expect(a.services.journal.operators.get(MANAGER.no)?.pin_state ?? null).toBeNull()
    await sync(a)
    await sync(b)
    expect((await rows(`SELECT version::int AS v FROM store_operators WHERE operator_no = $1`, [CASHIER.no]))[0].v).toBe(after[0].v) // no bounce
  })

  it('concurrent edits: the later updated_at wins at every counter, whichever reaches the store first', async () => {
    await value(a.dispatch('operators:signIn', { operatorNo: MANAGER.no, pin: MANAGER.pin }))
    await value(a.dispatch('operators:update', { operatorNo: CASHIER.no, name: '甲-A' }))
    await sleep(5)
    await value(b.dispatch('operators:update', { operatorNo: CASHIER.no, name: '甲-B' }))
    await sync(b) // the later edit arrives first
    await sync(a) // the earlier one is refused by the store, and A pulls B's
    await sync(b)
    expect(a.services.journal.operators.get(CASHIER.no)?.name).toBe('甲-B')
    expect(b.services.journal.operators.get(CASHIER.no)?.name).toBe('甲-B')
    expect((await rows(`SELECT name, writer FROM store_operators WHERE operator_no = $1`, [CASHIER.no]))[0]).toEqual({ name: '甲-B', writer: idOf(b) })
  })

  it("A's store name and receipt header are on B's receipts, its over/short limit B's; set by a manager only, audited", async () => {
    const cashierAt = await a.dispatch('store:setSettings', { storeName: '河西店', receiptHeader: '电话 025-1234', overShortLimitFen: 300 })
    expect(cashierAt.ok).toBe(false) // a bare call: the manager's PIN is needed
    const set = await value<StoreSettingsView>(a.dispatch('store:setSettings', { storeName: '河西店', receiptHeader: '电话 025-1234', overShortLimitFen: 300, pin: MANAGER.pin }))
    expect(set).toMatchObject({ storeName: '河西店', source: 'store', fromCounter: null })
    expect(a.services.journal.operators.audit({ limit: 5 }).find((r) => r.ref === 'storeSettings' && r.outcome === 'ok')?.detail).toContain('storeName')
    const localName = b.services.settings.terminal().storeName
    expect(b.services.printing.header('x').storeName).toBe(localName) // not pulled yet: the local settings
    await sync(a)
    await sync(b)
    expect(await value<StoreSettingsView>(b.dispatch('store:settings', {}))).toMatchObject({ storeName: '河西店', receiptHeader: '电话 025-1234', overShortLimitFen: 300, source: 'store', fromCounter: idOf(a) })
    expect(b.services.printing.header('x')).toMatchObject({ storeName: '河西店', headerLines: ['电话 025-1234'], counterId: idOf(b) })
    expect(b.services.settings.cashSettings().overShortLimitFen).toBe(300)
  })

  it('B cut off from the store sells and signs in with the operators it last pulled; its changes wait in the outbox', async () => {
    await value(a.dispatch('operators:create', { operatorNo: '0003', name: '收银员乙', role: 'cashier', pin: '975310' }))
    await sync(a)
    await sync(b)
    await proxy.close()
    await value(b.dispatch('operators:lock', {}))
    await value(b.dispatch('operators:signIn', { operatorNo: '0003', pin: '975310' }))
    await value(b.dispatch('shifts:open', { cashier: '收银员乙', floatFen: 0 }))
    const sale = (await value<{ order: OrderView }>(b.dispatch('cash:sale', { amountFen: 1_200, givenFen: 1_200 }))).order
    expect(sale.state).toBe('paid')
    await expect(sync(b)).rejects.toThrow()
    expect(b.services.replication.status().backlog).toBeGreaterThan(0)
    expect(b.services.journal.operators.get('0003')?.active).toBe(1)
  })
})

describe('idempotence: a batch of every kind applied twice changes nothing', () => {
  it('the same batch again, and again from seq 0, leaves every store row as it was; operator ties go to the higher counter id', async () => {
    const c = await startTestCore()
    cores.push(c)
    c.services.settings.setPin(PIN)
    await value(c.dispatch('shifts:open', { cashier: '王五', floatFen: 5_000 }))
    await value(c.dispatch('cash:sale', { amountFen: 800, givenFen: 1_000 }))
    await value(c.dispatch('cash:move', { kind: 'paid_in', amountFen: 200, reason: '零钱', pin: PIN }))
    await value(c.dispatch('shifts:close', { pin: PIN, count: { pieces: { '5000': 1, '1000': 1 } } }))
    await value(c.dispatch('operators:setupFirstManager', { name: '店长', pin: MANAGER.pin, supervisorPin: PIN }))
    await value(c.dispatch('store:setSettings', { storeName: '江北店', receiptHeader: '', overShortLimitFen: 100, pin: MANAGER.pin }))
    const outbox = c.services.journal.outbox
    outbox.enable()
    const batch = outbox.next(5_000)!
    const id = `IDEM-${idOf(c)}`.slice(0, 64)
    const storeId = `IDEM-STORE-${Date.now()}`
    const changes = batch.entries.map((e) => toStoreChange(e, id))
    expect(new Set(changes.map((ch) => ch.kind))).toEqual(new Set(['order', 'shift', 'audit', 'cash', 'count', 'op_audit', 'operator', 'store_settings']))
    const body = { counterId: id, storeId, afterSeq: 0, throughSeq: batch.throughSeq, changes }
    const snapshot = async () => {
      const out: Record<string, unknown[]> = {}
      for (const t of ['store_orders', 'store_shifts', 'store_audit', 'store_cash_movements', 'store_drawer_counts', 'store_operator_audit']) out[t] = await rows(`SELECT * FROM ${t} WHERE counter_id = $1 ORDER BY 1, 2`, [id])
      out.store_operators = await rows(`SELECT * FROM store_operators WHERE store_id = $1 ORDER BY operator_no`, [storeId])
      out.store_settings = await rows(`SELECT * FROM store_settings WHERE store_id = $1`, [storeId])
      return out
    }
    const first = await applyBatch(pool, body)
    expect(first.applied).toBe(changes.length)
    const once = await snapshot()
    expect(once.store_cash_movements).toHaveLength(2)
    expect(once.store_drawer_counts).toHaveLength(1)
    expect(once.store_operators).toHaveLength(1)
    expect(once.store_settings).toHaveLength(1)
    expect((await applyBatch(pool, body)).applied).toBe(0)
    expect(await snapshot()).toEqual(once)
    // The store forgot where this counter was (restored): every row's own guard holds.
    await pool.query('UPDATE store_counters SET last_seq = 0 WHERE counter_id = $1', [id])
    expect((await applyBatch(pool, body)).applied).toBe(changes.length)
    expect(await snapshot()).toEqual(once)

    // A tie on updated_at between two counters: the higher counter id wins, whichever arrives first.
    const op = changes.find((ch) => ch.kind === 'operator')!
    if (op.kind !== 'operator') throw new Error('no operator change')
    const tie = (writer: string, name: string, seq: number) => ({
      counterId: writer,
      storeId,
      afterSeq: 0,
      throughSeq: seq,
      changes: [{ seq, kind: 'operator' as const, row: { ...op.row, name, updatedAt: op.row.updatedAt + 10_000, writer } }],
    })
    await applyBatch(pool, tie('TIE-Z', 'from Z', 1))
    await applyBatch(pool, tie('TIE-A', 'from A', 1))
    expect((await rows(`SELECT name, writer FROM store_operators WHERE store_id = $1`, [storeId]))[0]).toEqual({ name: 'from Z', writer: 'TIE-Z' })
  })
})
