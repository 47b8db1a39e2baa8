// Issue 2 smoke test: the shell renders in Chromium and app:info / app:health
// arrived through the contract over the harness WebSocket.
import { call, expect, snap, test } from './fixtures'

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

test('a problem reported by the core shows as a notification', async ({ app, core }) => {
  core.bus.emit('app:problem', { kind: 'device', message: '扫码枪已断开，请检查 USB 线', at: Date.now() })
  await expect(app.locator('.ant-notification-notice')).toContainText('扫码枪已断开，请检查 USB 线')
  await expect(app.locator('.ant-notification-notice')).toContainText('设备问题')
})

test('the language switches to English and back', async ({ app }) => {
  await app.getByRole('button', { name: 'English' }).click()
  await expect(app.getByTestId('nav-checkout')).toContainText('Checkout')
  await expect(app.getByTestId('demo-banner')).toContainText('demo mode — sandbox gateway')
  await snap(app, 'shell-english')
  await app.getByRole('button', { name: '中文' }).click()
  await expect(app.getByTestId('nav-checkout')).toContainText('收银')
})

test('with a PIN set, the header language is a session choice: kept on reload, settings untouched', async ({ app, core }) => {
  expect((await call(core, 'settings:setPin', { next: '246813' })).ok).toBe(true)
  await app.getByTestId('header-language').hover()
  await expect(app.locator('.ant-tooltip')).toContainText('只切换本窗口')
  await app.getByTestId('header-language').click()
  await expect(app.getByTestId('nav-checkout')).toContainText('Checkout')
  // Another settings change (by the supervisor, elsewhere) does not flip this window back.
  expect((await call(core, 'settings:update', { patch: { speakOnSuccess: false }, pin: '246813' })).ok).toBe(true)
  await app.reload()
  await expect(app.getByTestId('nav-checkout')).toContainText('Checkout')
  const saved = await call(core, 'settings:get', {})
  expect(saved.ok && saved.value.language).toBe('zh-CN')
  // The Settings screen says what the button does and sets the default (PIN-guarded).
  await app.keyboard.press('F12')
  await expect(app.getByText('switches this window for this session only')).toBeVisible()
  await snap(app, 'settings-english-session')
})
