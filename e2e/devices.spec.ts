// Scans that pay with no click (keyboard wedge, simulated scanner) and face
// payments on the simulated camera.
import { call, CODES, expect, snap, test, typeAmount } from './fixtures'
import { wedgeScan } from './scanner'

// The scanner's keys carry a scanner's own timestamps (e2e/scanner.ts), as real wedge keys
// carry the OS's: how fast this machine delivers them cannot change the decision.
test('a keyboard-wedge scan at scanner speed pays, and the focused note field never gets the digits', async ({ app, core }) => {
  await typeAmount(app, '4.50')
  const note = app.getByTestId('note')
  await note.click()
  await note.pressSequentially('苹果', { delay: 0 })
  await expect(note).toHaveValue('苹果')
  await wedgeScan(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await expect(app.getByTestId('panel-amount')).toHaveText('¥4.50')
  await expect(note).toHaveValue('苹果')
  const paid = await call(core, 'orders:search', { state: 'paid' })
  expect(paid.ok && paid.value.items[0]?.body).toBe('苹果')
})

test('typing by hand in the note field still works (keys are replayed, in order)', async ({ app }) => {
  const note = app.getByTestId('note')
  await note.click()
  await app.keyboard.type('abc 12', { delay: 120 })
  await expect(note).toHaveValue('abc 12')
  await expect(app.getByTestId('amount')).toHaveText('¥0.00')
})

test('a scan from the (simulated) scanner pays with no click', async ({ app, core }) => {
  const configured = await call(core, 'devices:configure', { scanner: { kind: 'simulated' } })
  expect(configured.ok).toBe(true)
  await typeAmount(app, '2.20')
  core.services.devices.simulateScan(CODES.alipayInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await expect(app.getByTestId('paid-detail')).toContainText('支付宝')
})

test('face payment on the simulated camera succeeds (F2)', async ({ app }) => {
  await expect(app.getByTestId('pay-face')).toBeVisible()
  await typeAmount(app, '18.80')
  await app.keyboard.press('F2')
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid', { timeout: 10_000 })
  await expect(app.getByTestId('panel-amount')).toHaveText('¥18.80')
})

test('face payment the customer cancels ends with nothing charged', async ({ app }) => {
  // …11 fen: the simulated camera's "customer cancels".
  await typeAmount(app, '18.11')
  await app.getByTestId('pay-face').click()
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', /cancelled|closed|failed/, { timeout: 10_000 })
  await expect(app.getByTestId('failure-reason')).toContainText('取消')
  await snap(app, 'checkout-face-cancelled')
})
