// Orders: find a paid order, refund part of it and then the rest behind the
// supervisor PIN; a wrong PIN is refused and refunds nothing.
import { call, CODES, expect, payByTypedCode, snap, test, typeAmount } from './fixtures'

test('partial then full refund with the supervisor PIN (wrong PIN refused)', async ({ app, core }) => {
  const pin = await call(core, 'settings:setPin', { next: '246813' })
  expect(pin.ok).toBe(true)
  await typeAmount(app, '10')
  await payByTypedCode(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')

  await app.keyboard.press('F10')
  const row = app.locator('.ant-table-row').filter({ hasText: '¥10.00' })
  await expect(row).toContainText('已收款')
  await snap(app, 'orders-list')
  await row.click()
  await expect(app.getByTestId('order-detail')).toBeVisible()
  await expect(app.getByTestId('refundable')).toHaveText('¥10.00')

  // Wrong PIN: refused, said plainly, nothing refunded.
  await app.getByTestId('refund-open').click()
  await app.getByTestId('refund-amount').fill('3.00')
  await app.getByTestId('refund-pin').fill('1111')
  await app.getByTestId('refund-submit').click()
  await expect(app.getByTestId('refund-error')).toContainText('主管密码错误')
  await expect(app.getByTestId('refund-error')).toContainText('还可尝试 4 次')
  await snap(app, 'refund-wrong-pin')
  await expect(app.getByTestId('refundable')).toHaveText('¥10.00')

  // Right PIN: partial refund.
  await app.getByTestId('refund-pin').fill('246813')
  await app.getByTestId('refund-submit').click()
  await expect(app.getByTestId('refund-error')).toBeHidden()
  await expect(app.getByTestId('refundable')).toHaveText('¥7.00')
  await expect(app.getByTestId('refund-list')).toContainText('¥3.00')

  // Full refund of the rest (the dialog proposes the refundable amount).
  await app.getByTestId('refund-open').click()
  await expect(app.getByTestId('refund-amount')).toHaveValue('7.00')
  await app.getByTestId('refund-pin').fill('246813')
  await app.getByTestId('refund-submit').click()
  await expect(app.getByTestId('refundable')).toHaveText('¥0.00')
  await expect(app.getByTestId('refund-open')).toBeDisabled()
  await snap(app, 'order-detail-refunded')

  const detail = await call(core, 'orders:get', { outTradeNo: (await row.locator('code').textContent()) ?? '' })
  expect(detail.ok && detail.value.refunds.map((r) => r.amountFen).sort()).toEqual([300, 700])
})

test('a refund above the refundable amount is refused before it is sent', async ({ app, core }) => {
  await call(core, 'settings:setPin', { next: '246813' })
  await typeAmount(app, '5')
  await payByTypedCode(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await app.keyboard.press('F10')
  await app.locator('.ant-table-row').filter({ hasText: '¥5.00' }).click()
  await app.getByTestId('refund-open').click()
  await app.getByTestId('refund-amount').fill('5.01')
  await app.getByTestId('refund-pin').fill('246813')
  await app.getByTestId('refund-submit').click()
  await expect(app.getByTestId('refund-error')).toContainText('不超过可退金额 ¥5.00')
  const search = await call(core, 'orders:search', {})
  expect(search.ok && search.value.items[0]?.refundedFen).toBe(0)
})
