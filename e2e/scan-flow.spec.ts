// The one-scan flow a cashier must be able to trust: a scan never changes the
// amount (whatever the page was doing), every scan gets an answer on screen, a
// failed sale is retried with the same amount, large amounts are confirmed.
import { call, CODES, expect, snap, test, typeAmount } from './fixtures'
import { keysHeldByBusyPage, recordKeyHandling, wedgeScan } from './scanner'
import type { Page } from '@playwright/test'

async function withKeyRecorder(app: Page): Promise<void> {
  await recordKeyHandling(app)
  await app.reload()
  await expect(app.getByTestId('header-version')).toContainText('v0.1.0-e2e')
}

test.describe('a scan never changes the amount', () => {
  test('a scan arriving while the page is blocked for 300 ms leaves the amount untouched and starts the payment', async ({ app, core }) => {
    await withKeyRecorder(app)
    await typeAmount(app, '4.50')
    await wedgeScan(app, CODES.wechatInstant, { busyMs: 300 })
    // the block really held keys back (they were handled only after it ended)
    expect(await keysHeldByBusyPage(app)).toBeGreaterThan(0)
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
    await expect(app.getByTestId('panel-amount')).toHaveText('¥4.50')
    await expect(app.getByTestId('amount')).toHaveText('¥4.50')
    const orders = await call(core, 'orders:search', {})
    expect(orders.ok && orders.value.items.map((o) => o.amountFen)).toEqual([450])
  })

  test('the block lands mid-scan (keys handled before it, the rest queued behind it): one whole scan, amount untouched', async ({ app, core }) => {
    await withKeyRecorder(app)
    await typeAmount(app, '7.80')
    await wedgeScan(app, CODES.wechatInstant, { busyMs: 300, beforeBlock: 6 })
    expect(await keysHeldByBusyPage(app)).toBeGreaterThan(0)
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
    await expect(app.getByTestId('panel-amount')).toHaveText('¥7.80')
    const orders = await call(core, 'orders:search', {})
    expect(orders.ok && orders.value.items.map((o) => o.amountFen)).toEqual([780])
  })

  test('a scan while the note field has focus and the page is busy: the note keeps its text and the scan pays', async ({ app, core }) => {
    await withKeyRecorder(app)
    await typeAmount(app, '4.50')
    const note = app.getByTestId('note')
    await note.click()
    await note.pressSequentially('苹果', { delay: 0 })
    await expect(note).toHaveValue('苹果')
    await wedgeScan(app, CODES.wechatInstant, { busyMs: 300, beforeBlock: 4 })
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
    await expect(note).toHaveValue('苹果')
    const paid = await call(core, 'orders:search', { state: 'paid' })
    expect(paid.ok && paid.value.items[0]?.body).toBe('苹果')
    await snap(app, 'checkout-wedge-paid')
  })

  test('a scan while the orders search box has focus goes to the scan path, never into the box', async ({ app, core }) => {
    const scans: string[] = []
    core.bus.on('devices:scan', (scan) => scans.push(scan.code))
    await app.getByTestId('nav-orders').click()
    const search = app.locator('.order-search input')
    await search.click()
    await wedgeScan(app, CODES.wechatInstant, { busyMs: 300, beforeBlock: 5 })
    await expect.poll(() => scans).toEqual([CODES.wechatInstant])
    await expect(search).toHaveValue('')
    // nothing is paid from the orders screen
    const orders = await call(core, 'orders:search', {})
    expect(orders.ok && orders.value.total).toBe(0)
  })

  test('a product barcode (EAN-13) says 不是付款码 and sends nothing', async ({ app, core }) => {
    await typeAmount(app, '3.00')
    await wedgeScan(app, '6901234567892')
    await expect(app.getByTestId('not-payment-code')).toContainText('不是付款码：6901234567892')
    await expect(app.getByTestId('amount')).toHaveText('¥3.00')
    const orders = await call(core, 'orders:search', {})
    expect(orders.ok && orders.value.total).toBe(0)
    expect(core.services.sandbox?.state.requests.length).toBe(0)
    await snap(app, 'checkout-not-payment-code')
    // the next real scan pays the same amount
    await wedgeScan(app, CODES.wechatInstant)
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
    await expect(app.getByTestId('not-payment-code')).toHaveCount(0)
  })
})

test.describe('the amount', () => {
  test('a third decimal is refused visibly, not dropped silently', async ({ app }) => {
    await typeAmount(app, '12.34')
    await app.keyboard.press('5')
    await expect(app.getByTestId('amount')).toHaveText('¥12.34')
    await expect(app.getByTestId('amount-refused')).toContainText('最多两位小数')
    await app.keyboard.press('Backspace')
    await expect(app.getByTestId('amount-refused')).toHaveText('')
  })

  test('thousands separators, one format on the checkout and the panel; a large amount is confirmed first', async ({ app, core }) => {
    await typeAmount(app, '2500')
    await wedgeScan(app, CODES.wechatInstant)
    await expect(app.getByTestId('confirm-large')).toBeVisible()
    await expect(app.getByTestId('confirm-amount')).toHaveText('¥2,500.00')
    await snap(app, 'checkout-confirm-large')
    const before = await call(core, 'orders:search', {})
    expect(before.ok && before.value.total).toBe(0) // nothing sent before the OK
    await app.keyboard.press('Enter')
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
    await expect(app.getByTestId('panel-amount')).toHaveText('¥2,500.00')
    await expect(app.getByTestId('amount')).toHaveText('¥2,500.00')
  })
})

test('the per-sale maximum and the confirm amount are set in Settings with the PIN; the keypad refuses more, visibly', async ({ app, core }) => {
  await app.getByTestId('nav-settings').click()
  await app.getByTestId('settings-maxSale').fill('100')
  await app.getByTestId('settings-confirmAbove').fill('50')
  await app.getByTestId('save-limits').click()
  await expect(app.getByTestId('limits-error')).toContainText('主管密码') // no PIN yet: refused
  expect((await call(core, 'settings:setPin', { next: '246813' })).ok).toBe(true)
  await app.getByTestId('settings-pin').fill('246813')
  await app.getByTestId('settings-maxSale').fill('100')
  await app.getByTestId('settings-confirmAbove').fill('50')
  await app.getByTestId('save-limits').click()
  // The save is a round trip to the core: wait for its answer, not for the old error to clear.
  await expect.poll(() => core.services.settings.view()).toMatchObject({ maxSaleFen: 10000, confirmAboveFen: 5000 })
  await expect(app.getByTestId('limits-error')).toHaveCount(0)
  await snap(app, 'settings-limits')

  await app.getByTestId('nav-checkout').click()
  await typeAmount(app, '15')
  await app.keyboard.press('0')
  await expect(app.getByTestId('amount')).toHaveText('¥15')
  await expect(app.getByTestId('amount-refused')).toContainText('超过单笔收款上限 ¥100.00')
  await typeAmount(app, '60')
  await wedgeScan(app, CODES.wechatInstant)
  await expect(app.getByTestId('confirm-amount')).toHaveText('¥60.00')
  await app.getByTestId('confirm-ok').click()
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
})

test.describe('after a failed payment', () => {
  test('insufficient funds: the advice says so, the amount stays, and the next scan retries it', async ({ app, core }) => {
    await typeAmount(app, '23.45')
    await wedgeScan(app, CODES.wechatInsufficient)
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'failed')
    await expect(app.getByTestId('advice')).toContainText('余额不足')
    await expect(app.getByTestId('amount')).toHaveText('¥23.45')
    await wedgeScan(app, CODES.wechatInstant)
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
    await expect(app.getByTestId('panel-amount')).toHaveText('¥23.45')
    const orders = await call(core, 'orders:search', {})
    expect(orders.ok && orders.value.items.map((o) => [o.state, o.amountFen])).toEqual([
      ['paid', 2345],
      ['failed', 2345],
    ])
  })

  test('an expired code gets different advice (refresh the code), and the retry pays the same amount', async ({ app }) => {
    await typeAmount(app, '9.90')
    await wedgeScan(app, CODES.wechatExpired)
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'failed')
    await expect(app.getByTestId('advice')).toContainText('刷新付款码')
    await expect(app.getByTestId('advice')).not.toContainText('余额不足')
    await wedgeScan(app, CODES.wechatInstant)
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
    await expect(app.getByTestId('panel-amount')).toHaveText('¥9.90')
  })

  test('Enter after a finished sale starts a new one without an error', async ({ app }) => {
    await typeAmount(app, '1.20')
    await wedgeScan(app, CODES.wechatInstant)
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
    await app.keyboard.press('Enter')
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'idle')
    await expect(app.getByTestId('amount')).toHaveText('¥0.00')
    await expect(app.getByTestId('payment-error')).toHaveCount(0)
  })
})
