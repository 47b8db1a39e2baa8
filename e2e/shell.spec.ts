// Issue 2 smoke test: the shell renders in Chromium and app:info / app:health
// arrived through the contract over the harness WebSocket.
import { expect, snap, test } from './fixtures'

test('the shell renders with version, mode and health from the core', async ({ app, core }) => {
  const info = core.info()
  await expect(app.getByTestId('header-version')).toHaveText(`v${info.version} · browser`)
  await expect(app.getByTestId('header-mode')).toHaveText(info.mode === 'demo' ? '演示' : '正式')
  if (info.mode === 'demo') await expect(app.getByTestId('demo-banner')).toBeVisible()
  await expect(app.getByTestId('header-health')).toContainText('状态')
  await expect(app.getByTestId('amount')).toHaveText('¥0.00')
  await snap(app, 'shell-checkout')
})

test('the customer display route renders on its own', async ({ page, harness }) => {
  await page.goto(`${harness.url}#/customer`)
  await expect(page.getByTestId('customer-status')).toHaveText('欢迎光临')
  await snap(page, 'customer-idle')
})
