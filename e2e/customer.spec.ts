// The customer display follows the cashier: the amount being typed before an
// order exists (BroadcastChannel between the two windows), then the order.
import { CODES, expect, payByTypedCode, test, typeAmount } from './fixtures'
import { snapStill } from './still'

test('the customer display mirrors the typed amount, the payment, and the next sale', async ({ app, harness }) => {
  // Opened after the cashier started typing: it asks and gets the current amount.
  await typeAmount(app, '3')
  const customer = await app.context().newPage()
  await customer.goto(`${harness.url}#/customer`)
  const amount = customer.getByTestId('customer-amount')
  const status = customer.getByTestId('customer-status')
  await expect(amount).toHaveText('¥3.00')
  await expect(status).toHaveText('请准备付款')

  await app.bringToFront()
  await typeAmount(app, '45.60')
  await expect(amount).toHaveText('¥45.60')
  await snapStill(customer, 'customer-typing')

  await payByTypedCode(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await expect(status).toHaveText('支付成功，谢谢惠顾')
  await expect(amount).toHaveText('¥45.60')

  // The next sale replaces the thank-you as soon as the cashier types.
  await typeAmount(app, '7')
  await expect(amount).toHaveText('¥7.00')
  await expect(status).toHaveText('请准备付款')
  // Cleared: back to the welcome, no amount.
  await app.keyboard.press('Delete')
  await expect(status).toHaveText('欢迎光临')
  await expect(amount).toBeHidden()
})
