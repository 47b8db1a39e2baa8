// The store database from the cashier's side: a supervisor connects the counter
// to a real PostgreSQL in Settings, the header says it is in sync, and the 门店
// screen shows the whole store's day and finds orders of every counter.
import { createTestDatabase } from '../electron/test-support/store-db'
import { call, CODES, E2E_MANAGER, expect, snap, test } from './fixtures'

test.use({ viewport: { width: 1024, height: 768 } })

test('connect the store database in Settings; the badge, the dashboard and a store-wide search', async ({ app, core }) => {
  const db = await createTestDatabase()
  try {
    expect((await call(core, 'settings:setPin', { next: '246813' })).ok).toBe(true)
    const sale = await call(core, 'payment:payByCode', { amountFen: 2500, authCode: CODES.wechatInstant })
    if (!sale.ok) throw new Error(sale.error.message)
    await expect.poll(async () => {
      const o = await call(core, 'orders:get', { outTradeNo: sale.value.outTradeNo })
      return o.ok ? o.value.order.state : null
    }).toBe('paid')

    await app.keyboard.press('F12')
    await expect(app.getByTestId('header-store-db')).toHaveCount(0)
    await app.getByTestId('settings-pin').fill('246813')
    await app.getByTestId('store-db-url').fill(db.url)
    await app.getByTestId('store-db-connect').click()
    await expect(app.getByTestId('store-db-address')).toContainText('127.0.0.1:5432/counter_test_')
    await expect(app.getByTestId('header-store-db')).toHaveText('门店库：已同步')
    // The URL (it holds the password) is never shown again.
    await expect(app.getByTestId('store-db-card')).not.toContainText('counter_test:counter_test')
    await app.getByTestId('store-db-card').scrollIntoViewIfNeeded()
    await snap(app, 'settings-store-db-1024')

    // Store settings (storesync): saved with the Settings PIN, used by this counter's receipts, shipped for the others.
    await app.getByTestId('store-settings-card').scrollIntoViewIfNeeded()
    await expect(app.getByTestId('store-settings-source')).toContainText('本机设置')
    await app.getByTestId('store-settings-name').fill('河西店')
    await app.getByTestId('store-settings-header').fill('电话 025-1234')
    await app.getByTestId('store-settings-save').click()
    await expect(app.getByTestId('store-settings-source')).toContainText('来自门店设置')
    expect(core.services.printing.header('x')).toMatchObject({ storeName: '河西店', headerLines: ['电话 025-1234'] })
    await snap(app, 'settings-store-settings-1024')

    await app.keyboard.press('F8')
    await expect(app.getByTestId('store-total')).toContainText('¥25.00')
    await expect(app.getByTestId('store-counters')).toContainText(core.services.settings.terminal().deviceId)
    await app.getByTestId('store-search').fill('25')
    await app.getByTestId('store-search-go').click()
    await expect(app.getByTestId('store-orders')).toContainText(sale.value.outTradeNo)
    await snap(app, 'store-dashboard-1024')

    // 门店日结 (issue 16): supervisor and above, like the counter's day summary. A cashier signed in
    // is refused and a manager approves on the spot with number + PIN.
    const deviceId = core.services.settings.terminal().deviceId
    const cashier = { operatorNo: '0003', name: '张三', role: 'cashier', pin: '975312' } as const
    expect((await call(core, 'operators:create', cashier)).ok).toBe(true)
    expect((await call(core, 'operators:signIn', { operatorNo: cashier.operatorNo, pin: cashier.pin })).ok).toBe(true)
    await expect(app.getByTestId('header-operator')).toContainText(cashier.name)
    await app.getByTestId('store-report-show').click()
    await expect(app.getByTestId('store-report-refused')).toContainText('主管')
    await expect(app.getByTestId('store-report-counter')).toHaveCount(0)
    await snap(app, 'store-report-refused-1024')
    await app.getByTestId('store-report-approver').fill(E2E_MANAGER.operatorNo)
    await app.getByTestId('store-report-pin').fill(E2E_MANAGER.pin)
    await app.getByTestId('store-report-approve').click()
    await expect(app.getByTestId('store-report-refused')).toHaveCount(0)
    await expect(app.getByTestId('store-report-range')).toContainText('全天')
    await expect(app.getByTestId('store-report-total-sales')).toHaveText('¥25.00')
    await expect(app.getByTestId('store-report-total-net')).toHaveText('¥25.00')
    const line = app.locator(`[data-testid="store-report-counter"][data-counter="${deviceId}"]`)
    await expect(line).toContainText(`收银台 ${deviceId}`)
    await expect(app.getByTestId(`store-report-counter-${deviceId}-sales`)).toHaveText('¥25.00')
    await expect(app.getByTestId(`store-report-counter-${deviceId}-refunds`)).toHaveText('¥0.00')
    await expect(app.getByTestId('store-report-wallets')).toContainText('微信支付')
    // Yesterday: nothing in the whole store.
    await app.getByTestId('store-report-day').fill(new Date(Date.now() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10))
    await app.getByTestId('store-report-show').click()
    await expect(app.getByTestId('store-report-empty')).toBeVisible()
    await expect(app.getByTestId('store-report-total-net')).toHaveText('¥0.00')
    // Store X: today up to now, the same sale.
    await app.getByTestId('store-report-x').click()
    await expect(app.getByTestId('store-report-range')).toContainText('X 报表')
    await expect(app.getByTestId(`store-report-counter-${deviceId}-net`)).toHaveText('¥25.00')
    await app.getByTestId('store-report').scrollIntoViewIfNeeded()
    await snap(app, 'store-report-1024')
    await app.getByTestId('store-report-wallets').scrollIntoViewIfNeeded()
    await expect(app.getByTestId('store-report-operators')).toContainText(`${E2E_MANAGER.operatorNo} ${E2E_MANAGER.name}`)
    await snap(app, 'store-report-lines-1024')
    await app.setViewportSize({ width: 1366, height: 768 })
    await app.getByTestId('store-report').scrollIntoViewIfNeeded()
    await snap(app, 'store-report-1366')
    await app.setViewportSize({ width: 1024, height: 768 })

    await app.keyboard.press('F12')
    await app.getByTestId('store-db-disconnect').click()
    // Without the PIN nothing changes.
    await expect(app.getByTestId('header-store-db')).toHaveText('门店库：已同步')
    await app.getByTestId('settings-pin').fill('246813')
    await app.getByTestId('store-db-disconnect').click()
    await expect(app.getByTestId('header-store-db')).toHaveCount(0)
  } finally {
    await core.services.replication.close()
    await db.drop()
  }
})

test('the store report needs the store database: with it gone, it says so and points to the Shift screen', async ({ app, core }) => {
  const db = await createTestDatabase()
  try {
    expect((await call(core, 'store:configure', { url: db.url, pin: E2E_MANAGER.pin })).ok).toBe(true)
    const sale = await call(core, 'payment:payByCode', { amountFen: 1200, authCode: CODES.wechatInstant })
    if (!sale.ok) throw new Error(sale.error.message)
    await app.keyboard.press('F8')
    await expect(app.getByTestId('store-total')).toContainText('¥12.00')
    // The signed-in manager needs no approval; the X report has the sale.
    await app.getByTestId('store-report-x').click()
    await expect(app.getByTestId('store-report-total-net')).toHaveText('¥12.00')
    // The store database goes away: no figures, the reason in words, this counter's own reports named.
    await db.drop()
    await app.getByTestId('store-report-show').click()
    await expect(app.getByTestId('store-report-unreachable')).toContainText('门店日结需要门店数据库')
    await expect(app.getByTestId('store-report-unreachable')).toContainText('「班次」页')
    await expect(app.getByTestId('store-report-total')).toHaveCount(0)
    await app.getByTestId('store-report').scrollIntoViewIfNeeded()
    await snap(app, 'store-report-unreachable-1024')
  } finally {
    await core.services.replication.close()
    await db.drop()
  }
})
