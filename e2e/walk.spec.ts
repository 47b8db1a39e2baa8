// A day at the counter, walked through as the cashier and the store manager do
// it: sign in, open the shift, sell by payment code (wedge scan), by cash with
// change, by QR on the customer display and by face; a cashier's refund approved
// by a supervisor; reprint the last receipt (F6) on the simulated printer; lock
// and unlock (F7); the X report; close with the drawer counted; the day summary.
// zh-CN first, then part of it in English. Screenshots in test-results/walk/
// (1024×768, 1366×768, the customer display at 800×600), each one looked at.
import { scaledPolicy } from '../electron/payments/policy'
import { call, CODES, E2E_MANAGER, expect, test, typeAmount } from './fixtures'
import { wedgeScan } from './scanner'
import { CASHIER, paid, shot, shots, signIn, SUPERVISOR } from './walk-kit'

// The customer pays QR orders when the test says so (sandbox control): long engine deadlines.
test.use({ coreOptions: { paymentPolicy: scaledPolicy(0.5), sandbox: { timeScale: 0.2 }, gatewayTimeoutMs: 30_000 } })

test('a day at the counter, in Chinese and in English', async ({ app, core, harness }) => {
  test.setTimeout(300_000)
  await app.setViewportSize({ width: 1024, height: 768 })
  for (const o of [SUPERVISOR, CASHIER]) expect((await call(core, 'operators:create', o)).ok).toBe(true)

  // Morning: the manager signs in (F7 locks) and opens the shift with a 100.00 float.
  await app.keyboard.press('F7')
  await shots(app, '01-lock')
  await signIn(app, E2E_MANAGER)
  await app.keyboard.press('F11')
  await app.getByTestId('shift-float').fill('100')
  await shots(app, '02-shift-open')
  await app.getByTestId('shift-open').click()
  await expect(app.getByTestId('shift-current')).toContainText(E2E_MANAGER.name)

  // The customer display (second screen, 800×600).
  const customer = await app.context().newPage()
  await customer.setViewportSize({ width: 800, height: 600 })
  await customer.goto(`${harness.url}#/customer`)
  await expect(customer.getByTestId('customer-status')).toHaveText('欢迎光临')
  await app.bringToFront()

  // F6 before any sale: said in words, nothing printed.
  await app.keyboard.press('F9')
  await app.keyboard.press('F6')
  await expect(app.locator('.ant-message')).toContainText('还没有可重印的销售小票')

  // 1. A payment code, scanned by the wedge scanner.
  await typeAmount(app, '23.80')
  await shots(app, '03-checkout-amount')
  await wedgeScan(app, CODES.wechatInstant)
  await paid(app, '¥23.80')
  await expect(app.getByTestId('paid-detail')).toContainText('微信')
  await shots(app, '04-paid-code')

  // The customer's wallet is short: said plainly, what to do next, nothing charged.
  await typeAmount(app, '9.99')
  await wedgeScan(app, CODES.wechatInsufficient)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'failed', { timeout: 15_000 })
  await expect(app.getByTestId('failure-reason')).toContainText('余额不足')
  await shots(app, '04b-insufficient')
  await app.keyboard.press('Escape')

  // 2. Cash: 37.50, a 50 note, 12.50 change on both screens.
  await typeAmount(app, '37.50')
  await app.keyboard.press('F5')
  await app.getByTestId('cash-given').fill('50')
  await expect(app.getByTestId('cash-change-preview')).toContainText('¥12.50')
  await shots(app, '05-cash-tender')
  await app.getByTestId('cash-given').press('Enter')
  await paid(app, '¥37.50')
  await expect(app.getByTestId('cash-change')).toHaveText('找零 ¥12.50')
  await expect(customer.getByTestId('customer-change')).toHaveText('找您 ¥12.50')
  await shots(app, '06-cash-paid')
  await shot(customer, '07-customer-change-800')

  // 3. A WeChat QR on the customer display; the customer pays when seen.
  await typeAmount(app, '6.91')
  await app.keyboard.press('F3')
  await expect(app.getByTestId('panel-qr')).toBeVisible()
  await expect(customer.getByTestId('customer-qr')).toBeVisible()
  await expect(customer.getByTestId('customer-amount')).toHaveText('¥6.91')
  await shot(customer, '08-customer-qr-800')
  await shots(app, '09-checkout-qr')
  const current = await call(core, 'payment:current', {})
  if (!current.ok || !current.value) throw new Error('no QR order in flight')
  core.services.sandbox!.control.payNow(current.value.outTradeNo)
  await paid(app, '¥6.91')
  await expect(customer.getByTestId('customer-status')).toHaveText('支付成功，谢谢惠顾')
  await shot(customer, '10-customer-paid-800')

  // 4. Face pay on the simulated camera (F2).
  await expect(app.getByTestId('pay-face')).toBeVisible()
  await typeAmount(app, '18.80')
  await app.keyboard.press('F2')
  await paid(app, '¥18.80')
  await shots(app, '11-paid-face')

  // 5. Reprint the last receipt (F6): the simulated printer prints it on screen.
  const before = core.services.printing.jobs().length
  await expect(app.getByTestId('reprint-last')).toContainText('F6')
  await app.keyboard.press('F6')
  await expect.poll(() => core.services.printing.jobs().length).toBeGreaterThan(before)
  // Said on screen (F6 used to be silent): the demo's simulated printer shows the receipt itself.
  const onScreen = app.getByTestId('reprint-on-screen')
  await expect(app.locator('.ant-modal-title')).toHaveText('已补打上一张小票（模拟打印机：小票显示在屏幕上）')
  await expect(app.getByTestId('receipt-preview').locator('img')).toBeVisible()
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await shots(app, '12-reprint-f6')
  // The receipt dialog owns the keyboard: Esc closes it and leaves the paid sale on the panel.
  await app.keyboard.press('Escape')
  await expect(onScreen).toBeHidden()
  await expect(app.getByTestId('panel-amount')).toHaveText('¥18.80')
  await app.keyboard.press('F12')
  const jobs = app.getByTestId('print-jobs')
  await jobs.scrollIntoViewIfNeeded()
  await expect(jobs.getByTestId('print-job').first()).toContainText('销售小票')
  await expect(jobs.getByTestId('print-job').first()).toHaveAttribute('data-state', 'printed')
  await shots(app, '12b-print-jobs')
  await app.keyboard.press('F9')

  // 6. The cashier takes over the counter and is asked for a refund of the scanned sale.
  await app.keyboard.press('F7')
  await signIn(app, CASHIER)
  // Whose shift it is and who is signed in, told apart.
  await expect(app.getByTestId('header-cashier')).toHaveText(`本班: ${E2E_MANAGER.name}`)
  await expect(app.getByTestId('header-operator')).toContainText(CASHIER.name)
  await app.keyboard.press('F10')
  const row = app.locator('.ant-table-row').filter({ hasText: '¥23.80' })
  await expect(row).toContainText('已收款')
  // A cash sale says 现金 (it used to show "—").
  await expect(app.locator('.ant-table-row').filter({ hasText: '¥37.50' })).toContainText('现金')
  await shots(app, '13-orders')
  await row.click()
  await expect(app.getByTestId('order-detail')).toBeVisible()
  await shots(app, '14-order-detail')
  await app.getByTestId('refund-open').click()
  await app.getByTestId('refund-amount').fill('3.80')
  await app.getByTestId('refund-pin').fill(CASHIER.pin)
  await app.getByTestId('refund-submit').click()
  await expect(app.getByTestId('refund-error')).toContainText('需要主管权限')
  await shots(app, '15-refund-needs-supervisor')
  await app.getByTestId('refund-approver').fill(SUPERVISOR.operatorNo)
  await app.getByTestId('refund-pin').fill(SUPERVISOR.pin)
  await app.getByTestId('refund-submit').click()
  await expect(app.getByTestId('refundable')).toHaveText('¥20.00')
  await shots(app, '16-refunded')
  await app.keyboard.press('Escape')

  // 7. Lock and unlock.
  await app.keyboard.press('F9')
  await app.keyboard.press('F7')
  await signIn(app, CASHIER)

  // 8. X report, then close with the drawer counted: 100 + 37.50 = 137.50.
  await app.keyboard.press('F11')
  await app.getByTestId('shift-x').click()
  await expect(app.getByTestId('report')).toHaveAttribute('data-kind', 'X')
  // The receipt printer says it got the report; the browser's print is told apart from it.
  await expect(app.getByTestId('report-print')).toHaveText('打印（系统打印机）')
  // Refunds read as money going out, as on the paper and in the day summary.
  await expect(app.getByTestId('report-refunded')).toHaveText('-¥3.80')
  await app.getByTestId('report-receipt').click()
  await expect(app.locator('.ant-message')).toContainText('已送打印机')
  await shots(app, '17-x-report')
  await app.keyboard.press('F9')
  await app.keyboard.press('F11')
  await expect(app.getByTestId('count-expected')).toHaveText('¥137.50')
  for (const [fen, n] of Object.entries({ '10000': 1, '2000': 1, '1000': 1, '500': 1, '100': 2, '50': 1 })) await app.getByTestId(`count-${fen}`).fill(String(n))
  await expect(app.getByTestId('count-counted')).toHaveText('¥137.50')
  await expect(app.getByTestId('count-diff')).toHaveText('¥0.00')
  await app.getByTestId('shift-approver').fill(SUPERVISOR.operatorNo)
  await app.getByTestId('shift-pin').fill(SUPERVISOR.pin)
  await shots(app, '18-count')
  await app.getByTestId('count-close').click()
  await expect(app.getByTestId('report')).toHaveAttribute('data-kind', 'Z')
  await expect(app.locator('.ant-message')).toContainText('已关班，Z 报表已生成')
  await expect(app.getByTestId('past-shifts')).toContainText('结班')
  await shots(app, '19-z-report')

  // 9. The day summary (the manager).
  await app.keyboard.press('F7')
  await signIn(app, E2E_MANAGER)
  await app.keyboard.press('F11')
  await app.getByTestId('shift-tab-day').click()
  await expect(app.getByTestId('day-view')).toBeVisible()
  // The float is a line of its own: 100.00 + 37.50 cash = 137.50 expected.
  await expect(app.getByTestId('day-floats')).toHaveText('¥100.00')
  await expect(app.getByTestId('day-expected')).toHaveText('¥137.50')
  await shots(app, '20-day-summary')

  // 10. English: the same screens read in English.
  await app.getByTestId('header-language').click()
  await expect(app.getByTestId('nav-checkout')).toContainText('Checkout')
  await expect(app.getByTestId('day-view')).toContainText('Counted at day end')
  await shots(app, '21-en-day-summary')
  await app.keyboard.press('F10')
  await shots(app, '22-en-orders')
  await app.keyboard.press('F9')
  await typeAmount(app, '5')
  await app.keyboard.press('F5')
  await app.getByTestId('cash-given').fill('10')
  await shots(app, '23-en-cash-tender')
  await app.getByTestId('cash-given').press('Enter')
  await paid(app, '¥5.00')
  // No shift was open: the sale opened one under the signed-in manager (not the default 收银员01).
  await expect(app.getByTestId('header-cashier')).toContainText(E2E_MANAGER.name)
  expect(core.services.shifts.current()).toMatchObject({ cashier: E2E_MANAGER.name, operatorNo: E2E_MANAGER.operatorNo })
  await shots(app, '24-en-cash-paid')
  await shot(customer, '25-en-customer-800')
  await app.keyboard.press('F7')
  await shots(app, '26-en-lock')
})
