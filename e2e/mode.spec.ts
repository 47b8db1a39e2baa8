// Demo/live switch: live is refused (NOT_CONFIGURED, the core's words on the
// card) until a gateway is configured, and the DEMO banner shows on every screen
// whenever the mode is demo, and only then.
import { DEMO_MERCHANT } from '../electron/gateway/sandbox/demo'
import { call, expect, test } from './fixtures'
import { snapStill } from './still'

test('live without a configured gateway is refused and the DEMO banner stays; the banner follows the mode', async ({ app, core, harness }) => {
  const banner = app.getByTestId('demo-banner')
  // The customer display (its own window) follows the mode too.
  const customer = await app.context().newPage()
  await customer.goto(`${harness.url}#/customer`)
  const customerBanner = customer.getByTestId('customer-display').locator('.demo-banner')
  await expect(customerBanner).toContainText('DEMO')
  for (const key of ['F9', 'F10', 'F11', 'F12']) {
    await app.keyboard.press(key)
    await expect(banner).toBeVisible()
  }
  await expect(app.getByTestId('header-mode')).toHaveText('演示')

  // Every mode switch needs the supervisor PIN.
  expect((await call(core, 'settings:setPin', { next: '246813' })).ok).toBe(true)
  await app.getByTestId('settings-pin').fill('246813')
  await app.getByTestId('mode-switch').getByText('正式').click()
  const note = app.getByTestId('mode-note')
  await expect(note).toHaveAttribute('data-code', 'NOT_CONFIGURED')
  await expect(note).toContainText('还不能切换到正式模式')
  await expect(note).toContainText('还缺：网关地址、代理商编号、代理商密钥、商户号（完成商户激活）、商户交易密钥（完成商户激活）')
  await expect(app.getByTestId('live-field-agentKey')).toHaveAttribute('data-missing', 'true')
  await expect(app.getByTestId('mode-switch').getByRole('radio', { name: '演示（沙箱）' })).toBeChecked()
  await expect(app.getByTestId('header-mode')).toHaveText('演示')
  await expect(banner).toBeVisible()
  await snapStill(app, 'mode-live-refused')
  const still = await call(core, 'settings:get', {})
  expect(still.ok && still.value.mode).toBe('demo')

  // Configured (here: the loopback sandbox as the "live" gateway), live is allowed and the banner goes.
  const configured = await call(core, 'settings:update', {
    patch: {
      gatewayUrl: core.services.sandbox?.url ?? '',
      agentId: DEMO_MERCHANT.agentId,
      agentKey: DEMO_MERCHANT.keys.agent,
      mchId: DEMO_MERCHANT.mchId,
      merchantKey: DEMO_MERCHANT.keys.merchant,
    },
    pin: '246813',
  })
  expect(configured.ok).toBe(true)
  // The merchant's state comes from activation (GetMchId): here the loopback sandbox's demo merchant.
  expect((await call(core, 'settings:activate', { username: DEMO_MERCHANT.username, password: DEMO_MERCHANT.password, pin: '246813' })).ok).toBe(true)
  await expect(app.getByTestId('live-field-merchantActive')).toHaveAttribute('data-missing', 'false')
  await app.getByTestId('mode-switch').getByText('正式').click()
  // The harness keeps keys in a plain 0600 file (no OS keyring): the supervisor must confirm live knowingly.
  const confirm = app.locator('.ant-modal-confirm')
  await expect(confirm).toContainText('不会加密保存')
  await snapStill(app, 'mode-live-confirm-plain-secrets')
  await confirm.getByRole('button', { name: '确认，切换到正式模式' }).click()
  await expect(app.getByTestId('header-mode')).toHaveText('正式')
  await expect(banner).toBeHidden()
  await expect(note).toBeHidden()
  await app.keyboard.press('F9')
  await expect(banner).toBeHidden()
  await snapStill(app, 'mode-live')
  await expect(customerBanner).toBeHidden()

  // Back to demo needs the PIN too (refused without it); then the banner is back at once.
  await app.keyboard.press('F12')
  await app.getByTestId('mode-switch').getByText('演示（沙箱）').click()
  await expect(note).toHaveAttribute('data-code', /PIN_/)
  await expect(app.getByTestId('header-mode')).toHaveText('正式')
  await app.getByTestId('settings-pin').fill('246813')
  await app.getByTestId('mode-switch').getByText('演示（沙箱）').click()
  await expect(app.getByTestId('header-mode')).toHaveText('演示')
  await expect(banner).toBeVisible()
  await expect(customerBanner).toBeVisible()
})
