// The store database against a real PostgreSQL (scripts/start-postgres.sh):
// migrations, idempotent batches, gaps refused, the cross-counter refund cap
// under concurrent counters, and the store report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoreChange } from './changes'
import { acknowledgedSeq, applyBatch, StoreGapError } from './ingest'
import { createStorePool, migrateStore, type StorePool } from './pool'
import { reserveRefund, settleReservation } from './refund-cap'
import { storeReport } from './reports'
import { STORE_MIGRATIONS } from './schema'
import { createTestDatabase, type TestDatabase } from '../test-support/store-db'

let db: TestDatabase
let pool: StorePool
beforeAll(async () => {
  db = await createTestDatabase()
  pool = createStorePool({ url: db.url, maxConnections: 12 })
  await migrateStore(pool)
})
afterAll(async () => {
  await pool.end()
  await db.drop()
})

const DAY = Date.UTC(2026, 11, 2)
const order = (no: string, seq: number, over: Partial<Extract<StoreChange, { kind: 'order' }>['row']> = {}): StoreChange => ({
  seq,
  kind: 'order',
  row: { outTradeNo: no, method: 'code', paytype: 'WECHAT', amountFen: 10_000, state: 'paid', refundedFen: 0, cashier: '张三', shiftId: 'S1', transactionId: `T${no}`, attention: null, createdAt: DAY + seq, updatedAt: DAY + seq, paidAt: DAY + seq, ...over },
})
const refund = (no: string, orderNo: string, seq: number, amountFen: number, state = 'success'): StoreChange => ({
  seq,
  kind: 'refund',
  row: { outRefundNo: no, outTradeNo: orderNo, amountFen, state, shiftId: 'S1', createdAt: DAY + 1000 + seq, updatedAt: DAY + 1000 + seq },
})
const count = async (sql: string, params: unknown[] = []) => Number((await pool.query<{ n: string }>(sql, params)).rows[0]!.n)

describe('store database', () => {
  it('migrates once; a second run (another counter starting) changes nothing', async () => {
    expect(await migrateStore(pool)).toBe(STORE_MIGRATIONS.length)
    expect(await count('SELECT version AS n FROM store_schema')).toBe(STORE_MIGRATIONS.length)
  })

  it('applies batches idempotently, in order; an older version never overwrites a newer one; a gap is refused', async () => {
    const first = { counterId: 'C1', storeId: 'S', afterSeq: 0, throughSeq: 2, changes: [order('C1-1', 1, { state: 'paying', paidAt: null }), order('C1-2', 2)] }
    expect(await applyBatch(pool, first)).toEqual({ lastSeq: 2, applied: 2 })
    const second = { counterId: 'C1', storeId: 'S', afterSeq: 2, throughSeq: 4, changes: [order('C1-1', 3), refund('C1-R1', 'C1-2', 4, 2_500)] }
    expect(await applyBatch(pool, second)).toEqual({ lastSeq: 4, applied: 2 })
    // The first batch again (its answer was lost): nothing changes, C1-1 stays paid.
    expect(await applyBatch(pool, first)).toEqual({ lastSeq: 4, applied: 0 })
    expect((await pool.query('SELECT state, seq FROM store_orders WHERE out_trade_no = $1', ['C1-1'])).rows[0]).toEqual({ state: 'paid', seq: '3' })
    await expect(applyBatch(pool, { counterId: 'C1', storeId: 'S', afterSeq: 8, throughSeq: 9, changes: [order('C1-9', 9)] })).rejects.toBeInstanceOf(StoreGapError)
    // Folded changes: seqs 5–7 of one row ship as its state at 7.
    expect(await applyBatch(pool, { counterId: 'C1', storeId: 'S', afterSeq: 4, throughSeq: 7, changes: [order('C1-1', 7, { refundedFen: 100 })] })).toEqual({ lastSeq: 7, applied: 1 })
    expect(await acknowledgedSeq(pool, 'C1')).toBe(7)
    expect(await count('SELECT count(*) AS n FROM store_orders')).toBe(2)
  })

  it('refuses malformed batches before touching the database', async () => {
    await expect(applyBatch(pool, { counterId: 'C1', storeId: 'S', afterSeq: 7, throughSeq: 8, changes: [{ ...order('X', 8), row: { outTradeNo: 'X', amountFen: 1.5 } }] })).rejects.toThrow()
    await expect(applyBatch(pool, { counterId: 'C1', storeId: 'S', afterSeq: 7, throughSeq: 9, changes: [order('A', 9), order('B', 8)] })).rejects.toThrow(/increasing/)
    await expect(applyBatch(pool, { counterId: 'C1', storeId: 'S', afterSeq: 7, throughSeq: 8, changes: [order('A', 9)] })).rejects.toThrow()
    expect(await acknowledgedSeq(pool, 'C1')).toBe(7)
  })

  it('cross-counter refunds: 12 counters racing to refund the same order never exceed what was paid', async () => {
    await applyBatch(pool, { counterId: 'C2', storeId: 'S', afterSeq: 0, throughSeq: 1, changes: [order('C2-1', 1, { amountFen: 10_000 })] })
    const tries = Array.from({ length: 12 }, (_, i) => reserveRefund(pool, { outTradeNo: 'C2-1', outRefundNo: `R-${i}`, amountFen: 3_000, counterId: `C${10 + i}`, at: DAY }))
    const results = await Promise.all(tries)
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(results.filter((r) => !r.ok && r.code === 'OVER_CAP')).toHaveLength(9)
    expect(await count(`SELECT COALESCE(SUM(amount_fen), 0) AS n FROM store_refund_reservations WHERE out_trade_no = 'C2-1' AND state <> 'released'`)).toBe(9_000)
    // A retry of a granted refund gets the same answer; a released one frees its amount.
    const granted = results.findIndex((r) => r.ok)
    expect((await reserveRefund(pool, { outTradeNo: 'C2-1', outRefundNo: `R-${granted}`, amountFen: 3_000, counterId: 'C99', at: DAY })).ok).toBe(true)
    expect(await settleReservation(pool, `R-${granted}`, 'released', DAY)).toBe(true)
    expect(await reserveRefund(pool, { outTradeNo: 'C2-1', outRefundNo: 'R-new', amountFen: 4_000, counterId: 'C3', at: DAY })).toEqual({ ok: true, remainingFen: 0 })
    expect(await reserveRefund(pool, { outTradeNo: 'C2-1', outRefundNo: 'R-more', amountFen: 1, counterId: 'C3', at: DAY })).toEqual({ ok: false, code: 'OVER_CAP', remainingFen: 0 })
  })

  it('counts refunds a counter made offline (no reservation) against the cap; unknown and unpaid orders are refused', async () => {
    await applyBatch(pool, { counterId: 'C4', storeId: 'S', afterSeq: 0, throughSeq: 3, changes: [order('C4-1', 1, { amountFen: 5_000 }), refund('C4-R1', 'C4-1', 2, 4_000), order('C4-2', 3, { state: 'cancelled', paidAt: null })] })
    expect(await reserveRefund(pool, { outTradeNo: 'C4-1', outRefundNo: 'X1', amountFen: 1_001, counterId: 'C5', at: DAY })).toEqual({ ok: false, code: 'OVER_CAP', remainingFen: 1_000 })
    expect(await reserveRefund(pool, { outTradeNo: 'nope', outRefundNo: 'X2', amountFen: 1, counterId: 'C5', at: DAY })).toMatchObject({ ok: false, code: 'ORDER_UNKNOWN' })
    expect(await reserveRefund(pool, { outTradeNo: 'C4-2', outRefundNo: 'X3', amountFen: 1, counterId: 'C5', at: DAY })).toMatchObject({ ok: false, code: 'NOT_REFUNDABLE' })
  })

  it('the store report adds every counter up, per counter, cashier and wallet', async () => {
    await applyBatch(pool, { counterId: 'C6', storeId: 'S', afterSeq: 0, throughSeq: 2, changes: [order('C6-1', 1, { cashier: '李四', paytype: 'ALIPAY', amountFen: 700 }), order('C6-2', 2, { cashier: '李四', paytype: 'ALIPAY', amountFen: 300, paidAt: DAY + 86_400_000 })] })
    const r = await storeReport(pool, DAY, DAY + 86_400_000)
    const paid = await count(`SELECT SUM(amount_fen) AS n FROM store_orders WHERE state = 'paid' AND paid_at < $1`, [DAY + 86_400_000])
    expect(r.total.salesFen).toBe(paid)
    expect(r.total.refundsFen).toBe(2_500 + 4_000)
    expect(r.total.netFen).toBe(paid - 6_500)
    expect(r.byCounter.find((c) => c.counterId === 'C6')).toMatchObject({ salesCount: 1, salesFen: 700 })
    expect(r.byCashier.find((c) => c.cashier === '李四')).toMatchObject({ salesFen: 700 })
    expect(r.byPaytype.find((c) => c.paytype === 'ALIPAY')).toMatchObject({ salesFen: 700 })
    expect(r.byCounter.reduce((n, c) => n + c.netFen, 0)).toBe(r.total.netFen)
  })
})
