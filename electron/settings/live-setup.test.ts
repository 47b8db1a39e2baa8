// Going live against a second sandbox that plays the real gateway (its own
// agent, keys and merchant on loopback): activation reaches it and never the
// embedded demo sandbox; the signed probe decides whether live is accepted.
import { afterEach, describe, expect, it } from 'vitest'
import { createGatewayClient } from '../gateway'
import type { SandboxGateway } from '../gateway/sandbox/server'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'
import type { OrderView, SettingsView } from '../shared/contract'
import type { Result } from '../shared/result'
import { checkLiveGateway } from './live-check'
import { callsSeen, LIVE, startLiveGateway } from '../test-support/live-gateway'

const PIN = '246813'
let core: TestCore | undefined
let live: SandboxGateway | undefined
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.dispose()
  await live?.close()
  core = live = undefined
})

function view(r: Result<unknown>): SettingsView {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as SettingsView
}

// The test core keeps keys in a plain 0600 file, so every switch to live carries the
// supervisor's explicit yes (acceptPlainSecrets; see guards.test.ts for the refusal).

/** A demo counter with a PIN and the live gateway entered (not yet activated). */
async function setUp(over: { gatewayUrl?: string; agentKey?: string } = {}): Promise<{ core: TestCore; live: SandboxGateway }> {
  live = await startLiveGateway()
  core = await startTestCore()
  view(await core.dispatch('settings:setPin', { next: PIN }))
  view(await core.dispatch('settings:update', { patch: { gatewayUrl: over.gatewayUrl ?? live.url, agentId: LIVE.agentId, agentKey: over.agentKey ?? LIVE.agentKey }, pin: PIN }))
  return { core, live }
}

async function activateBySms(c: TestCore): Promise<SettingsView> {
  view(await c.dispatch('settings:sendSms', { mobile: LIVE.mobile }))
  return view(await c.dispatch('settings:activate', { mobile: LIVE.mobile, valid: LIVE.smsCode, pin: PIN }))
}

describe('activation talks to the configured live gateway', () => {
  it('is refused, field by field, before the gateway and agent are entered', async () => {
    core = await startTestCore()
    const r = await core.dispatch('settings:sendSms', { mobile: LIVE.mobile })
    expect(!r.ok && r.error.code).toBe('NOT_CONFIGURED')
    expect(!r.ok && r.error.params?.missing).toBe('gatewayUrl,agentId,agentKey')
    expect(callsSeen(core.services.sandbox!, 'GetMchSMSValid')).toBe(0)
    expect(view(await core.dispatch('settings:get', {})).liveMissing).toEqual(['pin', 'gatewayUrl', 'agentId', 'agentKey', 'mchId', 'merchantKey'])
  })

  it('SMS activation in demo mode reaches the live gateway, not the embedded sandbox; names and state stored, the key never shown', async () => {
    const { core: c, live: gw } = await setUp()
    const v = await activateBySms(c)
    expect(v).toMatchObject({ mode: 'demo', mchId: LIVE.mchId, merchantName: LIVE.shortName, merchantFullName: LIVE.fullName, merchantState: 'active', merchantKeySet: true })
    expect(v.liveMissing).toEqual([])
    expect(JSON.stringify(v)).not.toContain(LIVE.merchantKey)
    expect(callsSeen(gw, 'GetMchSMSValid')).toBe(1)
    expect(callsSeen(gw, 'GetMchId')).toBe(1)
    expect(callsSeen(c.services.sandbox!, 'GetMchSMSValid') + callsSeen(c.services.sandbox!, 'GetMchId')).toBe(0)
  })

  it('username/password activation; a wrong SMS code is a typed refusal that changes nothing', async () => {
    const { core: c } = await setUp()
    view(await c.dispatch('settings:sendSms', { mobile: LIVE.mobile }))
    const wrong = await c.dispatch('settings:activate', { mobile: LIVE.mobile, valid: '000000', pin: PIN })
    expect(!wrong.ok && wrong.error).toMatchObject({ code: 'GATEWAY', params: { code: '20004' } })
    expect(view(await c.dispatch('settings:get', {}))).toMatchObject({ mchId: '', merchantKeySet: false })
    const v = view(await c.dispatch('settings:activate', { username: LIVE.username, password: LIVE.password, pin: PIN }))
    expect(v).toMatchObject({ mchId: LIVE.mchId, merchantState: 'active' })
  })

  it('a wrong agent key: the live gateway answer does not verify, nothing is stored', async () => {
    const { core: c } = await setUp({ agentKey: 'not-the-agent-key-000' })
    const r = await c.dispatch('settings:sendSms', { mobile: LIVE.mobile })
    expect(!r.ok && r.error.code).toBe('GATEWAY')
    expect(!r.ok && r.error.params).toMatchObject({ fault: 'badSignature', detail: expect.stringContaining('signature does not verify') })
  })

  it('registration (Mch_Reg) creates a pending merchant without a key: live stays out of reach', async () => {
    const { core: c, live: gw } = await setUp()
    const v = view(await c.dispatch('settings:register', { mchName: '新开张小店有限公司', mchShortName: '新开张', mobile: '13700000000', pin: PIN }))
    expect(v).toMatchObject({ merchantName: '新开张', merchantFullName: '新开张小店有限公司', merchantState: 'pending', merchantKeySet: false })
    expect(gw.state.merchants.get(v.mchId)?.state).toBe('0')
    expect(v.liveMissing).toEqual(['merchantKey', 'merchantActive'])
    const r = await c.dispatch('settings:setMode', { mode: 'live', pin: PIN, acceptPlainSecrets: true })
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_CONFIGURED', params: { missing: 'merchantKey,merchantActive' } })
  })
})

describe('the go-live probe (orderquery of an order that cannot exist → signed 20007)', () => {
  it('right keys: live is accepted and a sale goes to the live gateway', async () => {
    const { core: c, live: gw } = await setUp()
    await activateBySms(c)
    const v = view(await c.dispatch('settings:setMode', { mode: 'live', pin: PIN, acceptPlainSecrets: true }))
    expect(v.mode).toBe('live')
    expect(gw.state.requests.find((r) => r.call === 'orderquery')?.outTradeNo).toMatch(/^PROBE/)
    view(await c.dispatch('shifts:open', { cashier: '王五', floatFen: 0 }))
    const sale = await c.dispatch('payment:payByCode', { amountFen: 1250, authCode: CODES.instant })
    if (!sale.ok) throw new Error(sale.error.message)
    const { outTradeNo } = sale.value as OrderView
    expect((await c.settle(outTradeNo)).state).toBe('paid')
    expect(gw.state.findOrder(outTradeNo)?.mchId).toBe(LIVE.mchId)
    expect(c.services.sandbox!.state.findOrder(outTradeNo)).toBeUndefined()
  })

  it('a wrong merchant key: badSignature, still demo', async () => {
    const { core: c } = await setUp()
    await activateBySms(c)
    view(await c.dispatch('settings:update', { patch: { merchantKey: 'wrong-merchant-key' }, pin: PIN }))
    const r = await c.dispatch('settings:setMode', { mode: 'live', pin: PIN, acceptPlainSecrets: true })
    expect(!r.ok && r.error).toMatchObject({ code: 'LIVE_CHECK_FAILED', params: { reason: 'badSignature' } })
    expect(view(await c.dispatch('settings:get', {})).mode).toBe('demo')
  })

  it('an unsigned answer: unsigned, still demo', async () => {
    const { core: c, live: gw } = await setUp()
    await activateBySms(c)
    gw.control.failNext('orderquery', 'nosign')
    const r = await c.dispatch('settings:setMode', { mode: 'live', pin: PIN, acceptPlainSecrets: true })
    expect(!r.ok && r.error).toMatchObject({ code: 'LIVE_CHECK_FAILED', params: { reason: 'unsigned' } })
    expect(view(await c.dispatch('settings:get', {})).mode).toBe('demo')
  })

  it('a wrong URL: unreachable or not a gateway, still demo', async () => {
    const { core: c, live: gw } = await setUp()
    await activateBySms(c)
    // A loopback port where nothing listens any more.
    const gone = await startLiveGateway()
    await gone.close()
    view(await c.dispatch('settings:update', { patch: { gatewayUrl: gone.url }, pin: PIN }))
    const r = await c.dispatch('settings:setMode', { mode: 'live', pin: PIN, acceptPlainSecrets: true })
    expect(!r.ok && r.error).toMatchObject({ code: 'LIVE_CHECK_FAILED', params: { reason: 'unreachable' } })
    // The live gateway's own address with a wrong path prefix answers 404: not a gateway.
    view(await c.dispatch('settings:update', { patch: { gatewayUrl: `${gw.url}/wrong` }, pin: PIN }))
    const r2 = await c.dispatch('settings:setMode', { mode: 'live', pin: PIN, acceptPlainSecrets: true })
    expect(!r2.ok && r2.error).toMatchObject({ code: 'LIVE_CHECK_FAILED', params: { reason: 'notGateway' } })
    expect(view(await c.dispatch('settings:get', {})).mode).toBe('demo')
  })

  it('checkLiveGateway on its own: the right client passes, a wrong mch_id is refused unsigned', async () => {
    live = await startLiveGateway()
    const client = (mchId: string) =>
      createGatewayClient({ baseUrl: live!.url, agentId: LIVE.agentId, mchId, keys: { agent: LIVE.agentKey, merchant: LIVE.merchantKey }, timeoutMs: 2_000 })
    expect(await checkLiveGateway(client(LIVE.mchId))).toEqual({ ok: true })
    const other = await checkLiveGateway(client('f00000000000000999'))
    expect(other).toMatchObject({ ok: false, reason: 'unsigned' })
    const wrongAgent = await checkLiveGateway(createGatewayClient({ baseUrl: live.url, agentId: '440000000000000000', mchId: LIVE.mchId, keys: { agent: LIVE.agentKey, merchant: LIVE.merchantKey } }))
    expect(wrongAgent).toMatchObject({ ok: false, reason: 'refused', code: '20012' })
  })
})

describe('mode rules', () => {
  it('http is refused for a live gateway except on loopback; back to demo needs the PIN', async () => {
    const { core: c } = await setUp()
    await activateBySms(c)
    view(await c.dispatch('settings:setMode', { mode: 'live', pin: PIN, acceptPlainSecrets: true }))
    const insecure = await c.dispatch('settings:update', { patch: { gatewayUrl: 'http://pay.example.cn' }, pin: PIN })
    expect(!insecure.ok && insecure.error.code).toBe('INSECURE_URL')
    const noPin = await c.dispatch('settings:setMode', { mode: 'demo' })
    expect(!noPin.ok && noPin.error.code).toBe('PIN_REQUIRED')
    expect(view(await c.dispatch('settings:setMode', { mode: 'demo', pin: PIN })).mode).toBe('demo')
    // In demo an http URL may be stored, but it is what live still lacks.
    const v = view(await c.dispatch('settings:update', { patch: { gatewayUrl: 'http://pay.example.cn' }, pin: PIN }))
    expect(v.liveMissing).toEqual(['gatewayUrlHttps'])
  })

  it('a merchant the gateway disabled cannot take payments in live mode (typed reason, nothing sent)', async () => {
    const { core: c, live: gw } = await setUp()
    await activateBySms(c)
    view(await c.dispatch('settings:setMode', { mode: 'live', pin: PIN, acceptPlainSecrets: true }))
    gw.state.merchants.get(LIVE.mchId)!.state = '30'
    const v = view(await c.dispatch('settings:activate', { username: LIVE.username, password: LIVE.password, pin: PIN }))
    expect(v).toMatchObject({ mode: 'live', merchantState: 'disabled' })
    view(await c.dispatch('shifts:open', { cashier: '王五', floatFen: 0 }))
    const sale = await c.dispatch('payment:payByCode', { amountFen: 100, authCode: CODES.instant })
    expect(!sale.ok && sale.error).toMatchObject({ code: 'MERCHANT_INACTIVE', params: { state: 'disabled' } })
    expect(callsSeen(gw, 'pay')).toBe(0)
  })
})

describe('first-run setup flag', () => {
  it('a fresh install shows the setup until it is finished; settings saved before the setup existed count as set up', async () => {
    core = await startTestCore()
    expect(view(await core.dispatch('settings:get', {})).setupDone).toBe(false)
    expect(view(await core.dispatch('settings:setupDone', {})).setupDone).toBe(true)
    // An install from before the setup: a settings row without the flag.
    core.services.journal.setSetting('settings', JSON.stringify({ mode: 'demo', storeName: '老店' }))
    core.services.settings.reload()
    expect(view(await core.dispatch('settings:get', {}))).toMatchObject({ storeName: '老店', setupDone: true })
  })
})
