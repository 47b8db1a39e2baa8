// The X report as it prints: print media hides the header, banner, tabs and
// buttons, and the receipt fits a 58–80 mm roll. A demo report says it is one.
import { call, CODES, expect, payByTypedCode, test, typeAmount } from './fixtures'
import { snapStill } from './still'

const MM = 96 / 25.4 // CSS px per mm

test('the X report prints at receipt width without the app around it', async ({ app, core }) => {
  expect((await call(core, 'shifts:open', { cashier: '李四', floatFen: 5_000 })).ok).toBe(true)
  await typeAmount(app, '12.30')
  await payByTypedCode(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await typeAmount(app, '7.70')
  await payByTypedCode(app, CODES.alipayInstant)
  await expect(app.getByTestId('panel-amount')).toHaveText('¥7.70')
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')

  await app.keyboard.press('F11')
  await app.getByTestId('shift-x').click()
  const report = app.getByTestId('report')
  await expect(app.getByTestId('report-paid')).toHaveText('¥20.00')
  await expect(report).toContainText('演示门店01')
  await expect(report.getByTestId('report-demo')).toBeVisible()

  await app.emulateMedia({ media: 'print' })
  for (const id of ['demo-banner', 'nav-checkout', 'header-version', 'report-print', 'shift-x']) await expect(app.getByTestId(id)).toBeHidden()
  await expect(report).toBeVisible()
  const box = await report.boundingBox()
  expect(box).not.toBeNull()
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(48 * MM)
  expect(box?.width ?? 0).toBeLessThanOrEqual(80 * MM)
  // Nothing inside runs past the paper's edge.
  const overflow = await report.evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(overflow).toBe(0)
  // Paper is ~80 mm wide: look at it at that width.
  await app.setViewportSize({ width: Math.round(80 * MM), height: 900 })
  await snapStill(app, 'x-report-print')
  await app.emulateMedia({ media: 'screen' })
})
