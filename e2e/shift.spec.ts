// Shift: open with cashier + float, take payments, X report, close with Z: totals add up.
import { call, CODES, expect, payByTypedCode, snap, test, typeAmount } from './fixtures'

test('open → payments → X → close Z with correct totals', async ({ app, core }) => {
  // Closing a shift is the supervisor's: the core asks for the PIN.
  expect((await call(core, 'settings:setPin', { next: '246813' })).ok).toBe(true)
  await app.keyboard.press('F11')
  await app.getByTestId('shift-cashier').fill('张三')
  await app.getByTestId('shift-float').fill('100')
  await app.getByTestId('shift-open').click()
  await expect(app.getByTestId('shift-current')).toContainText('张三')
  await expect(app.getByTestId('header-cashier')).toContainText('张三')

  await app.keyboard.press('F9')
  await typeAmount(app, '12.30')
  await payByTypedCode(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await typeAmount(app, '7.70')
  await payByTypedCode(app, CODES.alipayInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await expect(app.getByTestId('panel-amount')).toHaveText('¥7.70')
  // A payment that ends cancelled is not counted as money.
  await typeAmount(app, '3')
  await payByTypedCode(app, CODES.wechatNeverPays)
  await expect(app.getByTestId('panel-title')).toHaveText(/顾客正在输入密码/)
  await app.keyboard.press('Escape')
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', /cancelled|closed/, { timeout: 15_000 })

  await app.keyboard.press('F11')
  await app.getByTestId('shift-x').click()
  const report = app.getByTestId('report')
  await expect(report).toHaveAttribute('data-kind', 'X')
  await expect(app.getByTestId('report-paid')).toHaveText('¥20.00')
  await expect(app.getByTestId('report-expected')).toHaveText('¥100.00')
  await expect(report).toContainText('收款 (2)')
  await snap(app, 'shift-x-report')

  const download = app.waitForEvent('download')
  await app.getByTestId('report-csv').click()
  const csv = await (await download).path()
  const { readFileSync } = await import('node:fs')
  const text = readFileSync(csv, 'utf8')
  expect(text).toContain('total,paid,2,20.00')
  // The drawer holds the float and cash only: wallet money is not expected in it.
  expect(text).toContain('total,expected,,100.00')

  // Without the PIN the shift stays open; with it, the Z report.
  await app.getByTestId('shift-close').click()
  await app.locator('.ant-popconfirm').getByRole('button', { name: '是' }).click()
  await expect(app.getByText('请输入主管密码')).toBeVisible()
  await expect(app.getByTestId('shift-current')).toBeVisible()
  await app.getByTestId('shift-pin').fill('246813')
  await app.getByTestId('shift-close').click()
  await app.locator('.ant-popconfirm').getByRole('button', { name: '是' }).click()
  await expect(report).toHaveAttribute('data-kind', 'Z')
  await expect(app.getByTestId('report-paid')).toHaveText('¥20.00')
  await expect(app.getByTestId('report-net')).toHaveText('¥20.00')
  await expect(app.getByTestId('report-expected')).toHaveText('¥100.00')
  await expect(app.getByTestId('shift-open-card')).toBeVisible()
  await snap(app, 'shift-z-report')
})
