// Cash: a cash sale with change on both screens, a paid-out with the PIN, and
// the handover with the drawer counted by denomination and over/short (长短款),
// a difference above the limit confirmed by the supervisor. Receipt previews
// at 58 and 80 mm (the SVG of the very document the printer gets).
import { call, expect, snap, test, typeAmount } from './fixtures'

const PIN = '246813'

test('cash sale with change, paid-out, close with a counted drawer and over/short', async ({ app, core, harness }) => {
  expect((await call(core, 'settings:setPin', { next: PIN })).ok).toBe(true)
  expect((await call(core, 'shifts:open', { cashier: '张三', floatFen: 10_000 })).ok).toBe(true)
  const customer = await app.context().newPage()
  await customer.goto(`${harness.url}#/customer`)
  await app.bringToFront()

  // 37.50 due, a 50-yuan note: F5 opens the cash tender, the quick note takes it.
  await typeAmount(app, '37.50')
  await app.keyboard.press('F5')
  await expect(app.getByTestId('cash-due')).toHaveText('¥37.50')
  await expect(app.getByTestId('cash-note-50')).toBeVisible()
  await app.getByTestId('cash-given').fill('50')
  await expect(app.getByTestId('cash-change-preview')).toContainText('¥12.50')
  await snap(app, 'cash-tender')
  await app.getByTestId('cash-given').press('Enter')
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await expect(app.getByTestId('cash-change')).toHaveText('找零 ¥12.50')
  await expect(customer.getByTestId('customer-change')).toHaveText('找您 ¥12.50')
  await expect(customer.getByTestId('customer-amount')).toHaveText('¥37.50')
  await snap(app, 'cash-paid')
  await snap(customer, 'cash-customer')
  // Never at the gateway; recorded as cash.
  const orders = await call(core, 'orders:search', { limit: 10 })
  const order = orders.ok ? orders.value.items[0] : undefined
  expect(order).toMatchObject({ method: 'cash', state: 'paid', amountFen: 3750 })
  expect(core.services.sandbox?.state.findOrder(order!.outTradeNo)).toBeUndefined()

  // Paid-out 5.00 with a reason and the PIN.
  await app.keyboard.press('F11')
  await app.getByTestId('cash-kind').getByText('现金支出').click()
  await app.getByTestId('cash-amount').fill('5')
  await app.getByTestId('cash-reason').fill('买矿泉水')
  await app.getByTestId('cash-pin').fill(PIN)
  await app.getByTestId('cash-record').click()
  await expect(app.getByTestId('cash-movements')).toContainText('买矿泉水')
  await expect(app.getByTestId('cash-movements')).toContainText('-¥5.00')

  // Expected 100 + 37.50 − 5 = 132.50. Counted 132.00: short 0.50, above a 0.20 limit.
  expect((await call(core, 'cash:setSettings', { settings: { overShortLimitFen: 20 }, pin: PIN })).ok).toBe(true)
  await expect(app.getByTestId('count-expected')).toHaveText('¥132.50')
  await app.getByTestId('count-10000').fill('1')
  await app.getByTestId('count-2000').fill('1')
  await app.getByTestId('count-1000').fill('1')
  await app.getByTestId('count-100').fill('2')
  await expect(app.getByTestId('count-counted')).toHaveText('¥132.00')
  await expect(app.getByTestId('count-diff')).toHaveText('-¥0.50')
  await app.getByTestId('shift-pin').fill(PIN)
  await snap(app, 'cash-count')
  await app.getByTestId('count-close').click()
  await expect(app.getByTestId('count-confirm-text')).toContainText('-¥0.50')
  await app.getByTestId('count-confirm').click()
  const report = app.getByTestId('report')
  await expect(report).toHaveAttribute('data-kind', 'Z')
  await expect(app.getByTestId('report-expected')).toHaveText('¥132.50')
  await expect(app.getByTestId('report-counted')).toHaveText('¥132.00')
  await expect(app.getByTestId('report-over-short')).toHaveText('-¥0.50')
  await expect(app.getByTestId('report-cash-sales')).toHaveText('¥37.50')
  await expect(app.getByTestId('report-paid-out')).toHaveText('-¥5.00')
  await expect(app.getByTestId('past-shifts')).toContainText('张三')
  await snap(app, 'cash-z-report')

  // The sale's receipt preview at 58 and 80 mm, from the order's detail.
  await app.keyboard.press('F10')
  await app.locator('.ant-table-row').filter({ hasText: '¥37.50' }).click()
  const preview = app.getByTestId('receipt-preview')
  await expect(preview).toHaveAttribute('data-width', '58')
  await expect(preview.locator('img')).toBeVisible()
  await preview.scrollIntoViewIfNeeded()
  await preview.screenshot({ path: test.info().outputPath('receipt-58.png') })
  const w58 = (await preview.locator('img').boundingBox())!.width
  await app.getByTestId('preview-width').getByText('80 mm').click()
  await expect(preview).toHaveAttribute('data-width', '80')
  await expect.poll(async () => (await preview.locator('img').boundingBox())!.width).toBeGreaterThan(w58 * 1.3)
  await preview.screenshot({ path: test.info().outputPath('receipt-80.png') })
})

test('printer settings: test page on the simulated printer, its preview, the jobs list; a printer that is away shows in the header; both languages', async ({ app, core }) => {
  await app.keyboard.press('F12')
  const card = app.getByTestId('printer-card')
  await card.scrollIntoViewIfNeeded()
  await expect(card.getByTestId('receipt-preview').locator('img')).toBeVisible()
  await expect(card.getByTestId('printer-pulse')).toHaveText('1B 70 00 19 FA')
  await card.getByTestId('printer-test').click()
  await expect(card.getByTestId('print-job').first()).toHaveAttribute('data-state', 'printed')
  // A healthy printer with nothing waiting keeps out of the header (faults and waiting jobs show there).
  await expect(app.getByTestId('header-device-printer')).toHaveCount(0)
  await card.screenshot({ path: test.info().outputPath('printer-card-zh.png') })
  // A network printer nobody listens on: the sale is paid at once, the drawer kick waits, the header says so.
  expect((await call(core, 'devices:configure', { printer: { connection: { kind: 'tcp', host: '127.0.0.1', port: 1 }, width: 58, drawerPulse: { m: 0, t1: 25, t2: 250 }, autoPrint: true } })).ok).toBe(true)
  const sale = await call(core, 'cash:sale', { amountFen: 100, givenFen: 100 })
  expect(sale.ok && sale.value.order.state).toBe('paid')
  await expect(app.getByTestId('header-device-printer')).toContainText('打印机: 连不上')
  await expect(app.getByTestId('header-device-printer')).toContainText('待打印')
  await expect(card.getByTestId('print-job').first()).toHaveAttribute('data-state', /retrying|queued/)
  await app.getByTestId('header-language').click()
  await expect(card).toContainText('Receipt printer')
  await expect(card.getByTestId('print-job').last()).toContainText('Printed')
  await card.screenshot({ path: test.info().outputPath('printer-card-en.png') })
  // The other transports: a USB printer through the OS print queue, a drawer on its own serial port.
  await card.getByTestId('printer-kind').click()
  await app.locator('.ant-select-item-option').filter({ hasText: 'USB printer (system print queue, raw mode)' }).click()
  await expect(card.getByTestId('printer-queue')).toBeVisible()
  await expect(card).toContainText('the CUPS queue name')
  await card.getByTestId('drawer-kind').click()
  await app.locator('.ant-select-item-option').filter({ hasText: 'Own serial port' }).click()
  await expect(card.getByTestId('drawer-path')).toBeVisible()
  await app.getByTestId('header-language').click()
  await expect(card).toContainText('打印队列')
  await expect(card).toContainText('独立串口钱箱')
  await card.getByTestId('printer-queue').fill('counter-receipts')
  await card.getByTestId('drawer-kind').click()
  await app.locator('.ant-select-item-option').filter({ hasText: '接在打印机上' }).click()
  await card.getByTestId('printer-save').click()
  await expect.poll(async () => {
    const r = await call(core, 'devices:config', {})
    return r.ok ? r.value.printer.connection : null
  }).toEqual({ kind: 'spooler', queue: 'counter-receipts' })
  await card.screenshot({ path: test.info().outputPath('printer-card-spooler-zh.png') })
})
