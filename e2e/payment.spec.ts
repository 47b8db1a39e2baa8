// Payment flows on the checkout against the in-process sandbox gateway.
import { en } from '../app/src/i18n/en'
import { zhCN } from '../app/src/i18n/zh-CN'
import { scaledPolicy } from '../electron/payments/policy'
import { call, CODES, expect, payByTypedCode, snap, test, typeAmount } from './fixtures'

test('scan payment succeeds and shows amount, wallet and transaction id', async ({ app, core }) => {
  await typeAmount(app, '12.30')
  await payByTypedCode(app, CODES.wechatInstant)
  const panel = app.getByTestId('payment-panel')
  await expect(panel).toHaveAttribute('data-state', 'paid')
  await expect(app.getByTestId('panel-title')).toContainText('收款成功')
  await expect(app.getByTestId('panel-amount')).toHaveText('¥12.30')
  await expect(app.getByTestId('paid-detail')).toContainText('微信支付')
  const order = await call(core, 'payment:current', {})
  const paid = await call(core, 'orders:search', { state: 'paid' })
  expect(paid.ok && paid.value.items[0]?.amountFen).toBe(1230)
  expect(order.ok).toBe(true)
  if (paid.ok) await expect(app.getByTestId('paid-detail')).toContainText(paid.value.items[0]?.transactionId ?? 'missing')
  await snap(app, 'checkout-paid')
})

test.describe('password wait', () => {
  // The customer confirms when the test says so; the engine waits for them 45 s × 0.5 here,
  // far beyond what the checks take on a loaded machine.
  test.use({ coreOptions: { paymentPolicy: scaledPolicy(0.5), sandbox: { timeScale: 0.2 }, gatewayTimeoutMs: 30_000 } })

  test('password wait shows the prompt and a countdown, then succeeds', async ({ app, core }) => {
    await typeAmount(app, '1500')
    // The customer confirms when the test says so (not on a sandbox timer that a loaded machine could outrun).
    await payByTypedCode(app, CODES.wechatNeverPays)
    await expect(app.getByTestId('panel-title')).toHaveText(/顾客正在输入密码/)
    await expect(app.getByTestId('countdown')).toContainText('秒后自动撤销')
    // Nothing can start a second payment while this one is in flight.
    await expect(app.getByTestId('pay-scan')).toBeDisabled()
    await expect(app.getByTestId('pay-qr-wechat')).toBeDisabled()
    await snap(app, 'checkout-password-wait')
    const current = await call(core, 'payment:current', {})
    if (!current.ok || !current.value) throw new Error('no order in flight')
    core.services.sandbox!.control.payNow(current.value.outTradeNo)
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid', { timeout: 10_000 })
    await expect(app.getByTestId('panel-amount')).toHaveText('¥1,500.00')
  })

  // The core sends codes: the English screen reads English steps and an English timeline
  // (before, the steps came as Chinese sentences and the timeline as "orderquery: paid").
  test('in English, the step and the order timeline are English words for the core’s codes', async ({ app, core }) => {
    await app.getByTestId('header-language').click()
    await typeAmount(app, '15')
    await payByTypedCode(app, CODES.wechatNeverPays)
    await expect(app.getByTestId('panel-title')).toHaveText(en.panel.waitingCustomer)
    await expect(app.getByTestId('payment-panel')).toContainText(en.messages.code.WAITING_PASSWORD)
    await expect(app.getByTestId('payment-panel')).not.toContainText(zhCN.messages.code.WAITING_PASSWORD)
    await snap(app, 'checkout-password-wait-en')
    const current = await call(core, 'payment:current', {})
    if (!current.ok || !current.value) throw new Error('no order in flight')
    core.services.sandbox!.control.payNow(current.value.outTradeNo)
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid', { timeout: 10_000 })
    await expect(app.getByTestId('panel-title')).toHaveText(en.panel.paid)

    await app.keyboard.press('F10')
    await app.locator('.ant-table-row').filter({ hasText: '¥15.00' }).click()
    const timeline = app.getByTestId('timeline')
    await expect(timeline).toContainText('Submitted → Paying')
    await expect(timeline).toContainText('Gateway answer (Order query): paid')
    await expect(timeline).toContainText('Order query: paid')
    await expect(timeline).not.toContainText(/[\u4e00-\u9fff]/)
    await snap(app, 'orders-timeline-en')
  })
})

test('customer never pays: the engine cancels and says nothing was charged', async ({ app }) => {
  await typeAmount(app, '8')
  await payByTypedCode(app, CODES.wechatNeverPays)
  await expect(app.getByTestId('panel-title')).toHaveText(/顾客正在输入密码/)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', /cancelled|closed/, { timeout: 15_000 })
  await expect(app.getByTestId('panel-title')).toContainText('未扣款')
  await expect(app.getByTestId('failure-reason')).toContainText('顾客未在规定时间内付款')
  await expect(app.getByTestId('advice')).toContainText('顾客未付款')
  await expect(app.getByTestId('advice')).toContainText('重新扫码')
  await snap(app, 'checkout-auto-cancelled')
})

test('Stop (Esc) mid-wait answers at once with one state (停止中), then shows the cancel', async ({ app }) => {
  await typeAmount(app, '20')
  await payByTypedCode(app, CODES.wechatNeverPays)
  await expect(app.getByTestId('panel-title')).toHaveText(/顾客正在输入密码/)
  await app.keyboard.press('Escape')
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', /cancelling|cancelled|closed/)
  await expect(app.getByTestId('payment-panel')).not.toContainText('顾客正在输入密码')
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', /cancelled|closed/, { timeout: 15_000 })
  await expect(app.getByTestId('failure-reason')).toContainText('未收款')
  await snap(app, 'checkout-stopped')
})

test('insufficient funds fails with the reason and what to do next', async ({ app }) => {
  await typeAmount(app, '99.99')
  await payByTypedCode(app, CODES.wechatInsufficient)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'failed')
  await expect(app.getByTestId('failure-reason')).toContainText(/余额不足|不足/)
  await expect(app.getByTestId('advice')).toContainText('余额不足')
  await expect(app.getByTestId('advice')).toContainText('换一种付款方式')
  await snap(app, 'checkout-failed')
  // Typing the next amount starts a fresh sale.
  await app.keyboard.press('5')
  await expect(app.getByTestId('amount')).toHaveText('¥5')
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'idle')
})

test.describe('QR', () => {
  // The customer pays when the test says so (sandbox control), never on a timer: on a loaded
  // machine a timer could pay the order before the page had even drawn the code. The engine's
  // QR deadline (120 s × 0.5) is far beyond what the checks below take.
  test.use({ coreOptions: { paymentPolicy: scaledPolicy(0.5), sandbox: { timeScale: 0.2 }, gatewayTimeoutMs: 30_000 } })

  test('QR payment shows the code on the panel and the customer display, then pays', async ({ app, core, harness, context }) => {
    const customer = await context.newPage()
    await customer.goto(`${harness.url}#/customer`)
    await typeAmount(app, '6.91') // …91 fen: the sandbox customer never pays by themselves
    await app.keyboard.press('F3')
    await expect(app.getByTestId('panel-qr')).toBeVisible()
    await expect(customer.getByTestId('customer-qr')).toBeVisible()
    await expect(customer.getByTestId('customer-amount')).toHaveText('¥6.91')
    await expect(customer.getByTestId('customer-status')).toContainText('微信')
    await snap(customer, 'customer-qr')
    await snap(app, 'checkout-qr')
    const current = await call(core, 'payment:current', {})
    if (!current.ok || !current.value) throw new Error('no QR order in flight')
    core.services.sandbox!.control.payNow(current.value.outTradeNo)
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid', { timeout: 10_000 })
    await expect(customer.getByTestId('customer-status')).toHaveText('支付成功，谢谢惠顾')
  })
})

test('no amount: scanning asks for the amount first and sends nothing', async ({ app, core }) => {
  await app.keyboard.press('Enter')
  await expect(app.getByTestId('payment-error')).toHaveText('请先输入金额')
  const r = await call(core, 'orders:search', {})
  expect(r.ok && r.value.total).toBe(0)
})
