// Supervisor PIN lockout: five wrong PINs lock it; the lock is said plainly with
// the minutes to wait, and even the right PIN is refused while it lasts.
import { call, CODES, expect, payByTypedCode, test, typeAmount } from './fixtures'
import { snapStill } from './still'

test('five wrong PINs lock refunds; the right PIN is refused while locked', async ({ app, core }) => {
  expect((await call(core, 'settings:setPin', { next: '246813' })).ok).toBe(true)
  await typeAmount(app, '6')
  await payByTypedCode(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await app.keyboard.press('F10')
  const row = app.locator('.ant-table-row').filter({ hasText: '¥6.00' })
  await row.click()
  await app.getByTestId('refund-open').click()
  await app.getByTestId('refund-amount').fill('1.00')

  // Three wrong tries elsewhere (straight into the core: the count is the core's, not the dialog's) …
  const outTradeNo = (await row.locator('code').textContent()) ?? ''
  for (let i = 0; i < 3; i++) {
    const r = await call(core, 'refunds:create', { outTradeNo, amountFen: 100, pin: '1111' })
    expect(!r.ok && r.error.code).toBe('PIN_INVALID')
  }
  // … then two more here: the last try is announced, the fifth locks.
  const error = app.getByTestId('refund-error')
  await app.getByTestId('refund-pin').fill('1111')
  await app.getByTestId('refund-submit').click()
  await expect(error).toContainText('还可尝试 1 次')
  await app.getByTestId('refund-pin').fill('1111')
  await app.getByTestId('refund-submit').click()
  await expect(error).toHaveAttribute('data-code', 'PIN_LOCKED')
  await expect(error).toContainText('已锁定')
  await expect(error).toContainText('5 分钟')
  await snapStill(app, 'pin-locked')

  // Nothing more to try in this dialog.
  await expect(app.getByTestId('refund-submit')).toBeDisabled()
  await expect(app.getByTestId('refund-pin')).toBeDisabled()

  // Reopened, the right PIN is refused too: still locked, minutes to wait, nothing refunded.
  await app.getByRole('button', { name: '取 消' }).click()
  await app.getByTestId('refund-open').click()
  await app.getByTestId('refund-amount').fill('1.00')
  await app.getByTestId('refund-pin').fill('246813')
  await app.getByTestId('refund-submit').click()
  await expect(error).toContainText('请 5 分钟后再试')
  await expect(error).toHaveAttribute('data-code', 'PIN_LOCKED')
  await snapStill(app, 'pin-locked-right-pin')
  await app.getByRole('button', { name: '取 消' }).click()
  await expect(app.getByTestId('refundable')).toHaveText('¥6.00')

  const detail = await call(core, 'orders:get', { outTradeNo })
  expect(detail.ok && detail.value.refunds).toEqual([])
  // The lock guards every supervisor action, not only this dialog.
  const direct = await call(core, 'refunds:create', { outTradeNo, amountFen: 100, pin: '246813' })
  expect(!direct.ok && direct.error.code).toBe('PIN_LOCKED')
})
