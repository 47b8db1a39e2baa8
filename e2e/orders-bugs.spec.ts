// Orders: a refund the gateway refuses is an error with its reason (never
// "submitted"); searching "25" finds ¥25.00; an order shows the shift's cashier
// and a goods description, not the store name.
import { call, CODES, expect, snap, test, typeAmount } from './fixtures'
import { wedgeScan } from './scanner'

test('a refused refund shows as an error with the reason, and refunds nothing', async ({ app, core }) => {
  test.setTimeout(90_000) // several screens and two sales: slow on a loaded machine, never a wrong outcome
  expect((await call(core, 'settings:setPin', { next: '246813' })).ok).toBe(true)
  await typeAmount(app, '10')
  await wedgeScan(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await app.keyboard.press('F10')
  await app.locator('.ant-table-row').filter({ hasText: '¥10.00' }).click()
  await app.getByTestId('refund-open').click()
  await app.getByTestId('refund-amount').fill('0.92') // …92 fen: the sandbox refuses the refund
  await app.getByTestId('refund-pin').fill('246813')
  await app.getByTestId('refund-submit').click()
  const error = app.getByTestId('refund-error')
  await expect(error).toContainText('退款被拒绝')
  await expect(error).not.toContainText('已提交')
  await expect(error).toContainText(/拒绝|失败|不/)
  await expect(app.getByTestId('refund-submit')).toBeVisible() // the dialog stays open
  await snap(app, 'refund-refused')
  await expect(app.getByTestId('refundable')).toHaveText('¥10.00')
})

test('search "25" finds the ¥25.00 order; the order shows the shift cashier and a goods description', async ({ app, core }) => {
  test.setTimeout(90_000) // several screens and two sales: slow on a loaded machine, never a wrong outcome
  expect((await call(core, 'shifts:open', { cashier: '李娜', floatFen: 0 })).ok).toBe(true)
  await typeAmount(app, '25')
  await wedgeScan(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await app.keyboard.press('Enter')
  await typeAmount(app, '7.77')
  await wedgeScan(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await app.keyboard.press('F10')
  const search = app.locator('.order-search input')
  await search.fill('25')
  await search.press('Enter')
  const rows = app.locator('.ant-table-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('¥25.00')
  await rows.first().click()
  const detail = app.getByTestId('order-detail')
  await expect(detail).toContainText('李娜')
  await expect(detail).toContainText('店内消费')
  await expect(detail).not.toContainText('演示门店01')
})
