// Refunds of an Alipay order: part of it, then the rest; the refund list, the
// refundable amount and the order list follow, and the core agrees.
import { call, CODES, expect, payByTypedCode, test, typeAmount } from './fixtures'
import { snapStill } from './still'

test('Alipay order: partial refund, then the rest', async ({ app, core }) => {
  expect((await call(core, 'settings:setPin', { next: '246813' })).ok).toBe(true)
  await typeAmount(app, '25.50')
  await payByTypedCode(app, CODES.alipayInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await expect(app.getByTestId('paid-detail')).toContainText('支付宝')

  await app.keyboard.press('F10')
  const row = app.locator('.ant-table-row').filter({ hasText: '¥25.50' })
  await expect(row).toContainText('支付宝')
  await row.click()
  await expect(app.getByTestId('refundable')).toHaveText('¥25.50')

  await app.getByTestId('refund-open').click()
  await app.getByTestId('refund-amount').fill('10.20')
  await app.getByTestId('refund-pin').fill('246813')
  await app.getByTestId('refund-submit').click()
  await expect(app.getByTestId('refundable')).toHaveText('¥15.30')
  await expect(app.getByTestId('refund-list')).toContainText('¥10.20')
  await expect(row).toContainText('已退 ¥10.20')

  await app.getByTestId('refund-open').click()
  await expect(app.getByTestId('refund-amount')).toHaveValue('15.30')
  await app.getByTestId('refund-pin').fill('246813')
  await app.getByTestId('refund-submit').click()
  await expect(app.getByTestId('refundable')).toHaveText('¥0.00')
  await expect(app.getByTestId('refund-open')).toBeDisabled()
  await expect(app.getByTestId('refund-list').locator('.ant-table-row')).toHaveCount(2)
  await expect(row).toContainText('已退 ¥25.50')
  await expect(app.getByTestId('order-refunded')).toHaveText('已退 ¥25.50')
  await expect(app.locator('.ant-message')).toContainText('退款成功：¥15.30')
  await snapStill(app, 'alipay-refunded')

  const outTradeNo = (await row.locator('code').textContent()) ?? ''
  const detail = await call(core, 'orders:get', { outTradeNo })
  expect(detail.ok && detail.value.order.paytype).toBe('ALIPAY')
  expect(detail.ok && detail.value.refunds.map((r) => [r.amountFen, r.state]).sort()).toEqual([
    [1020, 'success'],
    [1530, 'success'],
  ])
  // The gateway (sandbox) holds the same two refunds against the Alipay order.
  const state = core.services.sandbox?.state
  const order = state?.findOrder(outTradeNo)
  expect(order?.paytype).toBe('ALIPAY')
  expect(order && state?.refundsOf(order).map((r) => [r.refundFee, r.status]).sort()).toEqual([
    [1020, 'SUCCESS'],
    [1530, 'SUCCESS'],
  ])
})
