// Going live through the first-run setup, against a second sandbox on loopback
// that plays the real gateway (its own agent id, keys and merchant; http is
// allowed because it is loopback). A sale afterwards reaches that gateway, not
// the embedded demo sandbox. A wrong agent key or a wrong URL keeps the counter
// in demo mode with the reason on screen. Screenshots at 1024×768 and 1366×768.
import type { Page } from '@playwright/test'
import type { SandboxGateway } from '../electron/gateway/sandbox/server'
import { callsSeen, LIVE, startLiveGateway } from '../electron/test-support/live-gateway'
import { call, CODES, expect, payByTypedCode, test, typeAmount } from './fixtures'
import { snapStill } from './still'

const PIN = '246813'
let live: SandboxGateway
test.use({ firstRun: true })
// Long walks through several screens: the budget is for many steps, not for waiting on any one of them.
test.describe.configure({ timeout: 120_000 })
test.beforeEach(async () => {
  live = await startLiveGateway(0.2)
})
test.afterEach(async () => {
  await live.close()
})

/** From the first-run choice through the PIN and gateway steps to the merchant step. */
async function toMerchantStep(app: Page, gateway: { url: string; agentKey: string }, shots?: string): Promise<void> {
  await expect(app.getByTestId('setup')).toBeVisible()
  if (shots) await snapStill(app, `${shots}-1-choose`)
  await app.getByTestId('setup-go-live-start').click()
  // PIN: at least 6 digits, typed twice the same.
  await app.getByTestId('setup-pin-1').fill('12345')
  await expect(app.getByTestId('setup-pin-next')).toBeDisabled()
  await app.getByTestId('setup-pin-1').fill(PIN)
  await app.getByTestId('setup-pin-2').fill('246810')
  await expect(app.getByTestId('setup-pin-mismatch')).toBeVisible()
  await expect(app.getByTestId('setup-pin-next')).toBeDisabled()
  await app.getByTestId('setup-pin-2').fill(PIN)
  if (shots) await snapStill(app, `${shots}-2-pin`)
  await app.getByTestId('setup-pin-next').click()
  // Gateway: plain http to a remote host is refused for live; loopback is fine.
  await app.getByTestId('setup-url').fill('http://pay.example.cn')
  await expect(app.getByTestId('setup-url-problem')).toContainText('https')
  await app.getByTestId('setup-url').fill(gateway.url)
  await expect(app.getByTestId('setup-url-problem')).toBeHidden()
  await app.getByTestId('setup-agent-id').fill(LIVE.agentId)
  await app.getByTestId('setup-agent-key').fill(gateway.agentKey)
  if (shots) await snapStill(app, `${shots}-3-gateway`)
  await app.getByTestId('setup-gateway-next').click()
  await expect(app.getByTestId('activation')).toBeVisible()
}

/** The go-live button; the harness keeps keys in a plain 0600 file, so the supervisor confirms that knowingly. */
async function goLive(app: Page, expectLive = true): Promise<void> {
  await app.getByTestId('setup-go-live').click()
  const confirm = app.locator('.ant-modal-confirm')
  await expect(confirm).toContainText('不会加密保存')
  await confirm.getByRole('button', { name: '确认，切换到正式模式' }).click()
  if (expectLive) await expect(app.getByTestId('header-mode')).toHaveText('正式')
}

async function activateBySms(app: Page): Promise<void> {
  await app.getByTestId('activation-mobile').locator('input').fill(LIVE.mobile)
  await app.getByTestId('activation').getByRole('button', { name: '发送验证码' }).click()
  await expect(app.getByTestId('activation-note')).toContainText('验证码已发送')
  await app.getByTestId('activation-code').fill(LIVE.smsCode)
  await app.getByTestId('activate').click()
  await expect(app.getByTestId('activation-note')).toContainText('激活成功')
}

test('first run: PIN, live gateway, SMS activation, signed check, live; the next sale goes to the live gateway', async ({ app, core }) => {
  await app.setViewportSize({ width: 1024, height: 768 })
  await toMerchantStep(app, { url: live.url, agentKey: LIVE.agentKey }, 'golive-1024')
  await activateBySms(app)
  await expect(app.getByTestId('merchant-name')).toHaveText(LIVE.shortName)
  await expect(app.getByTestId('merchant-full-name')).toHaveText(LIVE.fullName)
  await expect(app.getByTestId('merchant-id')).toHaveText(LIVE.mchId)
  await expect(app.getByTestId('merchant-state')).toHaveText('正常')
  await expect(app.getByTestId('setup')).not.toContainText(LIVE.merchantKey)
  await snapStill(app, 'golive-1024-4-merchant')
  // Activation reached the live gateway, never the embedded demo sandbox.
  expect(callsSeen(live, 'GetMchSMSValid')).toBe(1)
  expect(callsSeen(live, 'GetMchId')).toBe(1)
  expect(callsSeen(core.services.sandbox!, 'GetMchSMSValid') + callsSeen(core.services.sandbox!, 'GetMchId')).toBe(0)

  await app.getByTestId('setup-merchant-next').click()
  await expect(app.getByTestId('live-checklist')).toContainText('正式模式所需的设置都已齐全')
  await snapStill(app, 'golive-1024-5-check')
  await goLive(app)
  await expect(app.getByTestId('setup-done')).toContainText('已切换到正式模式')
  expect(live.state.requests.find((r) => r.call === 'orderquery')?.outTradeNo).toMatch(/^PROBE/)
  await expect(app.getByTestId('header-mode')).toHaveText('正式')
  await expect(app.getByTestId('header-merchant')).toContainText(LIVE.shortName)
  await expect(app.getByTestId('header-store')).toBeVisible()
  await expect(app.getByTestId('demo-banner')).toBeHidden()
  await snapStill(app, 'golive-1024-6-live')

  await app.getByTestId('setup-start-selling').click()
  expect((await call(core, 'shifts:open', { cashier: '王五', floatFen: 0 })).ok).toBe(true)
  await typeAmount(app, '12.50')
  await payByTypedCode(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await snapStill(app, 'golive-1024-7-first-live-sale')
  const paid = await call(core, 'orders:search', { state: 'paid' })
  const no = paid.ok ? paid.value.items[0]?.outTradeNo : undefined
  expect(no).toBeTruthy()
  // Cross-check with the live gateway's own books: the order is there, for the live merchant, paid ¥12.50.
  const atLive = live.state.findOrder(no!)
  expect(atLive?.mchId).toBe(LIVE.mchId)
  expect(atLive?.totalFee).toBe(1250)
  expect(atLive?.status).toBe('paid')
  expect(core.services.sandbox?.state.findOrder(no!)).toBeUndefined()
})

test('a wrong agent key stops at activation with the reason; the counter stays in demo', async ({ app }) => {
  await app.setViewportSize({ width: 1366, height: 768 })
  await toMerchantStep(app, { url: live.url, agentKey: 'not-the-agent-key-0000' }, 'golive-1366')
  await app.getByTestId('activation-mobile').locator('input').fill(LIVE.mobile)
  await app.getByTestId('activation').getByRole('button', { name: '发送验证码' }).click()
  const note = app.getByTestId('activation-note')
  await expect(note).toHaveAttribute('data-code', 'GATEWAY')
  await expect(note).toHaveText('网关回答的签名对不上：代理商密钥可能有误，请核对后重新输入。')
  await expect(app.getByTestId('setup-merchant-next')).toBeDisabled()
  await expect(app.getByTestId('header-mode')).toHaveText('演示')
  await snapStill(app, 'golive-1366-wrong-agent-key')
  expect(live.state.smsCodes.size).toBe(0)
})

test('a wrong URL fails the signed check: still demo, the reason on screen', async ({ app, core }) => {
  await app.setViewportSize({ width: 1366, height: 768 })
  await toMerchantStep(app, { url: live.url, agentKey: LIVE.agentKey })
  await activateBySms(app)
  // Back to the gateway step: a loopback port where nothing listens any more.
  const gone = await startLiveGateway()
  await gone.close()
  await app.getByRole('button', { name: '上一步' }).click()
  await app.getByTestId('setup-url').fill(gone.url)
  await app.getByTestId('setup-gateway-next').click()
  await app.getByTestId('setup-merchant-next').click()
  await goLive(app, false)
  const error = app.getByTestId('setup-check-error')
  await expect(error).toHaveAttribute('data-reason', 'unreachable')
  await expect(error).toContainText('仍在演示模式')
  await expect(app.getByTestId('setup-check-reason')).toHaveText('连不上网关：请检查网关地址和网络。')
  await expect(app.getByTestId('header-mode')).toHaveText('演示')
  await expect(app.getByTestId('demo-banner')).toBeVisible()
  // A failed check against a gateway being set up says nothing about the demo gateway the counter sells through.
  const health = await call(core, 'app:health', {})
  expect(health.ok && health.value.gateway).toBe('ok')
  await snapStill(app, 'golive-1366-wrong-url')
  // The same typed reason, worded in English by the renderer.
  await app.getByTestId('header-language').click()
  await expect(error).toContainText('Still in demo mode')
  await expect(app.getByTestId('setup-check-reason')).toHaveText('The gateway cannot be reached: check the URL and the network.')
  await snapStill(app, 'golive-1366-wrong-url-en')
  await app.getByTestId('header-language').click()
  const view = await call(core, 'settings:get', {})
  expect(view.ok && view.value.mode).toBe('demo')

  // The right URL again: the same check passes and the counter goes live.
  await app.getByRole('button', { name: '上一步' }).click()
  await app.getByRole('button', { name: '上一步' }).click()
  await app.getByTestId('setup-url').fill(live.url)
  await app.getByTestId('setup-gateway-next').click()
  await app.getByTestId('setup-merchant-next').click()
  await goLive(app)
})

test('a merchant the gateway disabled cannot take payments: the reason is on the checkout and in the header', async ({ app, core }) => {
  await app.setViewportSize({ width: 1024, height: 768 })
  await toMerchantStep(app, { url: live.url, agentKey: LIVE.agentKey })
  await app.getByTestId('activation-how').getByText('账号密码').click()
  await app.getByTestId('activation-username').fill(LIVE.username)
  await app.getByTestId('activation-password').fill(LIVE.password)
  await app.getByTestId('activate').click()
  await expect(app.getByTestId('merchant-state')).toHaveText('正常')
  await app.getByTestId('setup-merchant-next').click()
  await goLive(app)

  // The provider disables the merchant; activating again (Settings, supervisor PIN) brings the new state.
  live.state.merchants.get(LIVE.mchId)!.state = '30'
  await app.keyboard.press('F12')
  await app.getByTestId('settings-pin').fill(PIN)
  await app.getByTestId('activation-how').getByText('账号密码').click()
  await app.getByTestId('activation-username').fill(LIVE.username)
  await app.getByTestId('activation-password').fill(LIVE.password)
  await app.getByTestId('activate').click()
  await expect(app.getByTestId('merchant-state')).toHaveText('已停用')
  await expect(app.getByTestId('header-merchant-state')).toHaveText('已停用')
  await expect(app.getByTestId('live-field-merchantActive')).toHaveAttribute('data-missing', 'true')

  await app.keyboard.press('F9')
  expect((await call(core, 'shifts:open', { cashier: '王五', floatFen: 0 })).ok).toBe(true)
  await typeAmount(app, '8.80')
  await payByTypedCode(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-error')).toContainText(`商户“${LIVE.shortName}”未启用（已停用），不能收款`)
  await snapStill(app, 'golive-1024-merchant-disabled')
  expect(callsSeen(live, 'pay')).toBe(0)
})

test('registration (Mch_Reg) in the setup: a pending merchant at the live gateway, and the setup waits for it to be enabled', async ({ app }) => {
  await app.setViewportSize({ width: 1024, height: 768 })
  await toMerchantStep(app, { url: live.url, agentKey: LIVE.agentKey })
  await app.getByTestId('activation-how').getByText('注册新商户').click()
  await app.getByTestId('register-name').fill('新开张小店有限公司')
  await app.getByTestId('register-short-name').fill('新开张')
  await app.getByTestId('register-mobile').fill('13700000000')
  await app.getByTestId('activate').click()
  await expect(app.locator('.ant-message')).toContainText('已提交注册')
  await expect(app.getByTestId('merchant-name')).toHaveText('新开张')
  await expect(app.getByTestId('merchant-state')).toHaveText('审核中')
  await expect(app.getByTestId('setup-merchant-inactive')).toContainText('审核中')
  await expect(app.getByTestId('setup-merchant-next')).toBeDisabled()
  await snapStill(app, 'golive-1024-registered-pending')
  const mchId = (await app.getByTestId('merchant-id').textContent()) ?? ''
  expect(live.state.merchants.get(mchId)).toMatchObject({ fullName: '新开张小店有限公司', state: '0', mobile: '13700000000' })
})
