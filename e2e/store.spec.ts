// The store database from the cashier's side: a supervisor connects the counter
// to a real PostgreSQL in Settings, the header says it is in sync, and the 门店
// screen shows the whole store's day and finds orders of every counter.
import { createTestDatabase } from '../electron/test-support/store-db'
import { call, CODES, expect, snap, test } from './fixtures'

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
