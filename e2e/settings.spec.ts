// Settings: activation by SMS against the sandbox, write-only keys, supervisor PIN.
import { DEMO_MERCHANT } from '../electron/gateway/sandbox/demo'
import { call, expect, snap, test } from './fixtures'

test('activation by phone + SMS code shows the merchant', async ({ app, core }) => {
  // Activation is a settings change: the supervisor PIN must exist and be typed.
  expect((await call(core, 'settings:setPin', { next: '246813' })).ok).toBe(true)
  // Activation talks to the configured gateway (here the loopback sandbox plays it; e2e/golive.spec.ts uses a second one).
  const configured = await call(core, 'settings:update', {
    patch: { gatewayUrl: core.services.sandbox?.url ?? '', agentId: DEMO_MERCHANT.agentId, agentKey: DEMO_MERCHANT.keys.agent },
    pin: '246813',
  })
  expect(configured.ok).toBe(true)
  await app.keyboard.press('F12')
  await app.getByTestId('settings-pin').fill('246813')
  await app.getByTestId('activation-mobile').locator('input').fill('13800000000')
  await app.getByTestId('activation').getByRole('button', { name: '发送验证码' }).click()
  await expect(app.getByTestId('activation-note')).toContainText('验证码已发送')
  await app.getByTestId('activation-code').fill('000000')
  await app.getByTestId('activate').click()
  await expect(app.getByTestId('activation-note')).not.toContainText('激活成功')
  await app.getByTestId('activation-code').fill('123456')
  await app.getByTestId('activate').click()
  await expect(app.getByTestId('activation-note')).toContainText('激活成功')
  await expect(app.getByTestId('merchant-name')).not.toHaveText('—')
  await expect(app.getByTestId('merchant-state')).toBeVisible()
  await snap(app, 'settings')
})

test('keys are write-only and the supervisor PIN can be set and changed', async ({ app, core }) => {
  await app.keyboard.press('F12')
  await app.getByTestId('pin-next').fill('135792')
  await app.getByTestId('pin-submit').click()
  await expect(app.getByTestId('pin-note')).toHaveText('主管密码已更新')
  await expect(app.getByTestId('pin-state')).toHaveText('已设置')
  // Changing it needs the current one.
  await app.getByTestId('pin-current').fill('0000')
  await app.getByTestId('pin-next').fill('246813')
  await app.getByTestId('pin-submit').click()
  await expect(app.getByTestId('pin-note')).toContainText('主管密码错误')

  await app.getByTestId('settings-pin').fill('135792')
  await app.getByTestId('settings-agentKey').fill('a-brand-new-agent-key-123')
  await app.getByTestId('save-gateway').click()
  await expect(app.getByTestId('agentKey-state')).toHaveText('已设置')
  await expect(app.getByTestId('settings-agentKey')).toHaveValue('')
  const view = await call(core, 'settings:get', {})
  expect(JSON.stringify(view)).not.toContain('a-brand-new-agent-key-123')
})

test('a vendor face SDK is native code: refused without the PIN and outside the SDK folder, said on screen', async ({ app, core }) => {
  expect((await call(core, 'settings:setPin', { next: '246813' })).ok).toBe(true)
  await app.keyboard.press('F12')
  await app.getByTestId('face-kind').click()
  await app.locator('.ant-select-item-option').filter({ hasText: '厂商 SDK' }).click()
  await expect(app.getByTestId('face-sdk-folders')).toContainText('主管密码')
  // A real library file, just not in the SDK folder.
  const { mkdtempSync, writeFileSync } = await import('node:fs')
  const evil = `${mkdtempSync('/tmp/counter-evil-')}/libevil.so`
  writeFileSync(evil, 'not really a library')
  await app.getByTestId('face-library').fill(evil)
  await app.getByTestId('devices-apply').click()
  await expect(app.locator('.ant-message')).toContainText('请输入主管密码')
  await app.getByTestId('settings-pin').fill('246813')
  await app.getByTestId('devices-apply').click()
  await expect(app.locator('.ant-message')).toContainText('不在允许的 SDK 文件夹内')
  await app.getByTestId('face-sha256').scrollIntoViewIfNeeded()
  await snap(app, 'settings-face-sdk-refused')
  const config = await call(core, 'devices:config', {})
  expect(config.ok && config.value.face.kind).not.toBe('vendor')
  const outcomes = () => core.services.journal.audit.all().filter((a) => a.call.startsWith('devices:faceLibrary')).map((a) => `${a.call.split(':')[2]} ${JSON.parse(a.request).outcome}`)
  expect(outcomes()).toEqual(['configure refused', 'configure refused'])

  // The supervisor adds the folder (with the PIN above): now the same file is allowed — and loading it
  // shows the real loader's verdict on the status tag (it is not a library).
  const folder = evil.slice(0, evil.lastIndexOf('/'))
  await app.getByTestId('face-sdk-folders-input').locator('input').fill(`/opt/wxpayface;${folder}`)
  await app.getByTestId('face-sdk-folders-input').getByRole('button').click()
  await expect(app.getByTestId('face-sdk-folders')).toContainText(folder)
  await app.getByTestId('devices-apply').click()
  await expect(app.getByTestId('device-status-face')).toContainText('could not be loaded', { timeout: 15_000 })
  expect(outcomes()).toEqual(['configure refused', 'configure refused', 'folders accepted', 'configure accepted'])
  await snap(app, 'settings-face-sdk-folder-added')
})
