// The counter's screens at the sizes counters have: the checkout, the payment
// panel and the dialogs keep Stop / 下一单 on screen at 1024×768 and 1366×768;
// the customer display shows the whole QR at 800×600 and 1024×600. The PNGs
// (viewport only: what the cashier sees) are in the test output folder. The engine
// waits 45 s × 0.5 for the customer here: no step depends on this machine's speed.
import type { Locator, Page } from '@playwright/test'
import { scaledPolicy } from '../electron/payments/policy'
import { call, CODES, expect, test, typeAmount } from './fixtures'
import { wedgeScan } from './scanner'

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) })
}

/** Entirely inside the viewport (not cut at any edge). */
async function expectFullyVisible(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox()
  const size = page.viewportSize()
  expect(box, 'element has a box').not.toBeNull()
  if (!box || !size) return
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(size.width + 0.5)
  expect(box.y + box.height).toBeLessThanOrEqual(size.height + 0.5)
}

async function expectActionsVisible(page: Page): Promise<void> {
  await expectFullyVisible(page, page.getByTestId('stop'))
  await expectFullyVisible(page, page.getByTestId('new-sale'))
}

for (const [width, height] of [
  [1024, 768],
  [1366, 768],
] as const) {
  test.describe(`checkout at ${width}×${height}`, () => {
    test.use({ viewport: { width, height }, coreOptions: { paymentPolicy: scaledPolicy(0.5), sandbox: { timeScale: 0.2 }, gatewayTimeoutMs: 30_000 } })

    test('idle, password wait, stopping, failed, paid, confirm and not-a-payment-code keep Stop / 下一单 on screen', async ({ app }) => {
      test.setTimeout(120_000)
      const size = `${width}x${height}`
      await typeAmount(app, '1234.5')
      await expectActionsVisible(app)
      await shot(app, `${size}-checkout-typing`)

      await wedgeScan(app, '6901234567892')
      await expect(app.getByTestId('not-payment-code')).toBeVisible()
      await expectActionsVisible(app)
      await shot(app, `${size}-checkout-not-payment-code`)

      await app.keyboard.press('Escape')
      await wedgeScan(app, CODES.wechatNeverPays)
      await expect(app.getByTestId('panel-title')).toHaveText(/顾客正在输入密码/)
      await expectActionsVisible(app)
      await shot(app, `${size}-checkout-password`)

      await app.keyboard.press('Escape')
      await expect(app.getByTestId('panel-title')).toHaveText(/停止中/)
      await expectActionsVisible(app)
      await shot(app, `${size}-checkout-stopping`)

      await app.getByTestId('new-sale').click()
      await typeAmount(app, '99.99')
      await wedgeScan(app, CODES.wechatInsufficient)
      await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'failed')
      await expectActionsVisible(app)
      await expectFullyVisible(app, app.getByTestId('advice'))
      await shot(app, `${size}-checkout-failed`)

      await wedgeScan(app, CODES.wechatInstant)
      await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
      await expectActionsVisible(app)
      await shot(app, `${size}-checkout-paid`)

      await app.keyboard.press('Enter')
      await typeAmount(app, '25000')
      await wedgeScan(app, CODES.wechatInstant)
      await expect(app.getByTestId('confirm-large')).toBeVisible()
      await expectFullyVisible(app, app.getByTestId('confirm-ok'))
      await expectActionsVisible(app)
      await shot(app, `${size}-checkout-confirm`)
      await app.keyboard.press('Escape')
    })

    test('QR on the panel, and the refund dialog, fit', async ({ app, core }) => {
      test.setTimeout(90_000)
      const size = `${width}x${height}`
      await typeAmount(app, '6.91')
      await app.keyboard.press('F3')
      await expect(app.getByTestId('panel-qr')).toBeVisible()
      await expectFullyVisible(app, app.getByTestId('panel-qr'))
      await expectActionsVisible(app)
      await shot(app, `${size}-checkout-qr`)
      const current = await call(core, 'payment:current', {})
      if (current.ok && current.value) core.services.sandbox!.control.payNow(current.value.outTradeNo)
      await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')

      expect((await call(core, 'settings:setPin', { next: '246813' })).ok).toBe(true)
      await app.getByTestId('nav-orders').click()
      await app.getByText('¥6.91').first().click()
      await app.getByRole('button', { name: /退\s*款/ }).first().click()
      const submit = app.getByTestId('refund-submit')
      await expect(submit).toBeVisible()
      await expectFullyVisible(app, submit)
      await shot(app, `${size}-refund-dialog`)
    })
  })
}

for (const [width, height] of [
  [800, 600],
  [1024, 600],
] as const) {
  test.describe(`customer display at ${width}×${height}`, () => {
    test.use({ coreOptions: { paymentPolicy: scaledPolicy(0.5), sandbox: { timeScale: 0.2 }, gatewayTimeoutMs: 30_000 } })

    test('the whole QR code is on screen', async ({ app, harness, context }) => {
      test.setTimeout(60_000)
      const customer = await context.newPage()
      await customer.setViewportSize({ width, height })
      await customer.goto(`${harness.url}#/customer`)
      await typeAmount(app, '6.91')
      await app.keyboard.press('F4')
      const qr = customer.getByTestId('customer-qr')
      await expect(qr).toBeVisible()
      await expectFullyVisible(customer, qr)
      await expectFullyVisible(customer, customer.getByTestId('customer-amount'))
      await shot(customer, `customer-qr-${width}x${height}`)
    })
  })
}
