// Refund at any counter (issue 16), from the cashier's side: counter A (a
// second core in the test, same merchant, same store database) sells; at this
// counter the 门店 screen finds A's order, the refund dialog names counter A and
// what all counters may still refund; the refund succeeds here, and the store
// database holds A's order once and the refund as this counter's.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../electron/core/create-core'
import { DEMO_MERCHANT } from '../electron/gateway/sandbox/demo'
import { memoryLogger } from '../electron/kernel/logger'
import { createStorePool } from '../electron/store/pool'
import { createTestDatabase } from '../electron/test-support/store-db'
import { call, CODES, E2E_MANAGER, expect, fastCore, snap, test } from './fixtures'

test.use({ viewport: { width: 1024, height: 768 } })

test('another counter\'s order: found in the store search, refunded here within the store-wide cap', async ({ app, core }) => {
  const db = await createTestDatabase()
  const pool = createStorePool({ url: db.url })
  const dirA = mkdtempSync(join(tmpdir(), 'counter-e2e-a-'))
  const sandboxUrl = core.services.sandbox!.url
  const a = await createCore({
    ...fastCore(),
    userDataDir: dirA,
    transport: 'browser',
    version: '0.1.0-e2e',
    log: memoryLogger(),
    gateway: { mode: 'demo', baseUrl: sandboxUrl, agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: { ...DEMO_MERCHANT.keys } },
    replicationTuning: { idleMs: 20, backoff: { firstMs: 20, maxMs: 100 } },
  })
  try {
    a.services.settings.setPin('246813')
    expect((await a.dispatch('store:configure', { url: db.url, pin: '246813' })).ok).toBe(true)
    expect((await call(core, 'store:configure', { url: db.url, pin: E2E_MANAGER.pin })).ok).toBe(true)
    // The store's operators (this counter's manager 0001) reach counter A, which then signs in like any counter of the store.
    await expect.poll(() => a.services.operators.enabled(), { timeout: 15_000 }).toBe(true)
    expect((await a.dispatch('operators:signIn', { operatorNo: E2E_MANAGER.operatorNo, pin: E2E_MANAGER.pin })).ok).toBe(true)
    const sale = await a.dispatch('payment:payByCode', { amountFen: 3_000, authCode: CODES.alipayInstant })
    if (!sale.ok) throw new Error(sale.error.message)
    const no = (sale.value as { outTradeNo: string }).outTradeNo
    await expect.poll(async () => (await pool.query('SELECT state FROM store_orders WHERE out_trade_no = $1', [no])).rows[0]?.state, { timeout: 15_000 }).toBe('paid')
    const idA = a.services.settings.terminal().deviceId

    await app.keyboard.press('F8')
    await app.getByTestId('store-search').fill(no.slice(-10))
    await app.getByTestId('store-search-go').click()
    await expect(app.getByTestId('store-orders')).toContainText(idA)
    await app.getByTestId(`store-refund-${no}`).click()
    await expect(app.getByTestId('refund-foreign')).toContainText(idA)
    await expect(app.getByTestId('refund-foreign')).toContainText('¥30.00')
    await app.getByTestId('refund-amount').fill('12.00')
    await app.getByTestId('refund-pin').fill(E2E_MANAGER.pin)
    await snap(app, 'store-refund-dialog-1024')
    await app.getByTestId('refund-submit').click()
    await expect(app.locator('.ant-message')).toContainText('退款成功：¥12.00')

    // Counter A refunds part meanwhile; more than what then remains across counters is refused with the
    // store's reason and what remains, nothing sent. (Alipay: no refundquery by order number, so the store's
    // cap is what stops it here, not the gateway check.)
    await app.getByTestId('store-search-go').click()
    await app.getByTestId(`store-refund-${no}`).click()
    await expect(app.getByTestId('refund-amount')).toHaveValue('18.00')
    expect((await a.dispatch('refunds:create', { outTradeNo: no, amountFen: 1_000, pin: E2E_MANAGER.pin })).ok).toBe(true)
    await app.getByTestId('refund-pin').fill(E2E_MANAGER.pin)
    await app.getByTestId('refund-submit').click()
    await expect(app.getByTestId('refund-error')).toHaveAttribute('data-code', 'CONFLICT')
    await expect(app.getByTestId('refund-error')).toContainText('¥8.00')
    const truth = core.services.sandbox!.state
    expect(truth.refundsOf(truth.findOrder(no)!).reduce((s, r) => s + r.refundFee, 0)).toBe(2_200)

    const idB = core.services.settings.terminal().deviceId
    await expect.poll(async () => (await pool.query('SELECT counter_id FROM store_refunds WHERE out_trade_no = $1 ORDER BY counter_id', [no])).rows.map((r) => r.counter_id).sort(), { timeout: 15_000 }).toEqual([idA, idB].sort())
    expect((await pool.query('SELECT counter_id FROM store_orders WHERE out_trade_no = $1', [no])).rows).toEqual([{ counter_id: idA }])
  } finally {
    await a.close()
    await core.services.replication.close()
    await pool.end()
    await db.drop()
    rmSync(dirA, { recursive: true, force: true })
  }
})
