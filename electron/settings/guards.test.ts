// Through the core's dispatch, the way a renderer (or anyone on the IPC or the
// harness) would try it: nothing in settings changes until a supervisor PIN
// exists, and then only with it; live mode's first PIN is the setup wizard's.
import { afterEach, describe, expect, it } from 'vitest'
import { startTestCore, type TestCore } from '../test-support/payments-kit'
import type { SandboxGateway } from '../gateway/sandbox/server'
import type { SettingsView } from '../shared/contract'
import { LIVE, startLiveGateway } from '../test-support/live-gateway'

let core: TestCore
let live: SandboxGateway | undefined
afterEach(async () => {
  await core?.dispose()
  await live?.close()
  live = undefined
})

const view = async () => ((await core.dispatch('settings:get', {})) as { ok: true; value: SettingsView }).value

describe('settings need a supervisor PIN, and one must exist first', () => {
  it('with no PIN: update, mode switch and activation are refused (PIN_NOT_SET) and change nothing', async () => {
    core = await startTestCore()
    const before = await view()
    const tries = [
      await core.dispatch('settings:update', { patch: { gatewayUrl: 'http://127.0.0.1:9/evil' } }),
      await core.dispatch('settings:update', { patch: { storeName: '别人的店' }, pin: '246813' }),
      await core.dispatch('settings:setMode', { mode: 'live' }),
      await core.dispatch('settings:activate', { mobile: '13800000000', valid: '123456' }),
    ]
    for (const r of tries) expect(!r.ok && r.error.code).toBe('PIN_NOT_SET')
    expect(await view()).toEqual(before)
  })

  it('in demo the first PIN is set from Settings; a short one is PIN_WEAK', async () => {
    core = await startTestCore()
    const short = await core.dispatch('settings:setPin', { next: '2468' })
    expect(!short.ok && short.error.code).toBe('PIN_WEAK')
    expect((await core.dispatch('settings:setPin', { next: '246813' })).ok).toBe(true)
    const second = await core.dispatch('settings:setPin', { next: '135792' })
    expect(!second.ok && second.error.code).toBe('PIN_REQUIRED')
    expect((await core.dispatch('settings:update', { patch: { storeName: '新店' }, pin: '246813' })).ok).toBe(true)
  })

  it('in live mode without a PIN, the first PIN can only be set during the first-run setup', async () => {
    core = await startTestCore()
    // Setup already done (e.g. the settings row was edited): nobody may claim the first PIN.
    core.services.journal.setSetting('settings', JSON.stringify({ mode: 'live', gatewayUrl: 'https://gw.example.com', setupDone: true }))
    core.services.settings.reload()
    const r = await core.dispatch('settings:setPin', { next: '246813' })
    expect(!r.ok && r.error.code).toBe('PIN_NOT_SET')
    expect((await view()).pinSet).toBe(false)
    // An install that went live before PINs were required: setup shows again (setupDone false) and sets it.
    core.services.journal.setSetting('settings', JSON.stringify({ mode: 'live', gatewayUrl: 'https://gw.example.com' }))
    core.services.settings.reload()
    expect((await view()).setupDone).toBe(false)
    expect((await core.dispatch('settings:setPin', { next: '246813' })).ok).toBe(true)
    expect((await view()).pinSet).toBe(true)
  })

  it('live mode on a machine that cannot encrypt secrets needs the supervisor to confirm it', async () => {
    core = await startTestCore()
    core.services.settings.setPin('246813')
    expect((await view()).secretsEncrypted).toBe(false) // the test core's file store is plain (0600)
    const pin = '246813'
    // A complete live setup against a second sandbox playing the live gateway (the go-live check must pass too).
    live = await startLiveGateway()
    expect((await core.dispatch('settings:update', { patch: { gatewayUrl: live.url, agentId: LIVE.agentId, agentKey: LIVE.agentKey }, pin })).ok).toBe(true)
    expect((await core.dispatch('settings:activate', { username: LIVE.username, password: LIVE.password, pin })).ok).toBe(true)
    const refused = await core.dispatch('settings:setMode', { mode: 'live', pin })
    expect(!refused.ok && refused.error.code).toBe('CONFIRM_REQUIRED')
    expect((await view()).mode).toBe('demo')
    const confirmed = await core.dispatch('settings:setMode', { mode: 'live', pin, acceptPlainSecrets: true })
    expect(confirmed.ok && (confirmed.value as SettingsView).mode).toBe('live')
  })
})
