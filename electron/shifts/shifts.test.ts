import { afterEach, describe, expect, it } from 'vitest'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'
import type { OrderView, ShiftReport } from '../shared/contract'

let core: TestCore
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.services.refunds.idle()
  await core?.dispose()
})

async function sale(c: TestCore, amountFen: number, authCode: string): Promise<OrderView> {
  const r = await c.dispatch('payment:payByCode', { amountFen, authCode })
  if (!r.ok) throw new Error(r.error.message)
  return c.settle((r.value as OrderView).outTradeNo)
}

describe('shifts and X/Z reports', () => {
  it('open → payments of every kind → X → refund → close Z: totals by paytype and method, refunds, net, counts', async () => {
    core = await startTestCore()
    core.services.settings.setPin('808182')
    const opened = await core.dispatch('shifts:open', { cashier: '李四', floatFen: 50_000 })
    expect(opened.ok).toBe(true)
    const a = await sale(core, 1000, CODES.instant) // WECHAT code
    await sale(core, 2550, CODES.alipayInstant) // ALIPAY code
    await sale(core, 300, CODES.insufficient) // failed
    await sale(core, 400, CODES.neverPays) // cancelled
    const faceR = await core.dispatch('payment:payByFace', { amountFen: 700 })
    await core.settle((faceR as { value: OrderView }).value.outTradeNo)

    const x = (await core.dispatch('shifts:xReport', {})) as { ok: true; value: ShiftReport }
    expect(x.value.kind).toBe('X')
    expect(x.value.paid).toEqual({ count: 3, amountFen: 4250 })
    expect(x.value.byPaytype.find((p) => p.paytype === 'WECHAT')?.paid).toEqual({ count: 2, amountFen: 1700 })
    expect(x.value.byPaytype.find((p) => p.paytype === 'ALIPAY')?.paid).toEqual({ count: 1, amountFen: 2550 })
    expect(x.value.byMethod.find((m) => m.method === 'face')?.paid).toEqual({ count: 1, amountFen: 700 })
    expect(x.value.cancelled).toBe(1)
    expect(x.value.failed).toBe(1)

    const refund = await core.dispatch('refunds:create', { outTradeNo: a.outTradeNo, amountFen: 250, pin: '808182' })
    expect(refund.ok).toBe(true)

    const noPin = await core.dispatch('shifts:close', {})
    expect(!noPin.ok && noPin.error.code).toBe('PIN_REQUIRED')
    const wrongPin = await core.dispatch('shifts:close', { pin: '999999' })
    expect(!wrongPin.ok && wrongPin.error.code).toBe('PIN_INVALID')
    expect(core.services.shifts.current()).not.toBeNull()
    const z = (await core.dispatch('shifts:close', { pin: '808182' })) as { ok: true; value: ShiftReport }
    expect(z.value.kind).toBe('Z')
    expect(z.value.refunded).toEqual({ count: 1, amountFen: 250 })
    expect(z.value.netFen).toBe(4000)
    // The drawer holds the float only: wallet money never counts as cash in the drawer.
    expect(z.value.expectedFen).toBe(50_000)
    expect(z.value.cash).toMatchObject({ floatFen: 50_000, sales: { count: 0, amountFen: 0 }, expectedFen: 50_000, count: null })
    expect(z.value.shift.closedAt).not.toBeNull()
    // the stored Z report is what the shift list shows later
    const again = (await core.dispatch('shifts:report', { shiftId: z.value.shift.id })) as { ok: true; value: ShiftReport }
    expect(again.value).toEqual(z.value)
    expect((await core.dispatch('shifts:current', {})) as { value: unknown }).toMatchObject({ ok: true, value: null })
  })

  it('a sale with no open shift opens one for the cashier; a second open is refused', async () => {
    core = await startTestCore()
    await sale(core, 100, CODES.instant)
    const cur = (await core.dispatch('shifts:current', {})) as { ok: true; value: { floatFen: number } | null }
    expect(cur.value?.floatFen).toBe(0)
    const second = await core.dispatch('shifts:open', { cashier: 'x', floatFen: 0 })
    expect(!second.ok && second.error.code).toBe('CONFLICT')
  })

  it('closing is refused while an order is in flight', async () => {
    core = await startTestCore()
    core.services.settings.setPin('808182')
    const r = await core.dispatch('payment:payByCode', { amountFen: 100, authCode: CODES.neverPays })
    const close = await core.dispatch('shifts:close', { pin: '808182' })
    expect(!close.ok && close.error.code).toBe('BUSY')
    core.services.engine.stop((r as { value: OrderView }).value.outTradeNo)
  })
})

describe('settings', () => {
  // Activation (against a second sandbox playing the live gateway): electron/settings/live-setup.test.ts
  it('once a PIN is set, settings changes need it; keys are write-only', async () => {
    core = await startTestCore()
    expect((await core.dispatch('settings:setPin', { next: '246813' })).ok).toBe(true)
    const without = await core.dispatch('settings:update', { patch: { storeName: '新店' } })
    expect(!without.ok && without.error.code).toBe('PIN_REQUIRED')
    const withPin = await core.dispatch('settings:update', { patch: { storeName: '新店', agentKey: 'secret-agent-key-123' }, pin: '246813' })
    expect(withPin.ok).toBe(true)
    expect(JSON.stringify(withPin)).not.toContain('secret-agent-key-123')
    expect((withPin as { value: { agentKeySet: boolean } }).value.agentKeySet).toBe(true)
    const live = await core.dispatch('settings:setMode', { mode: 'live', pin: '246813' })
    expect(!live.ok && live.error.code).toBe('NOT_CONFIGURED')
  })
})

describe('terminal identity', () => {
  it('every install gets its own device id, so unconfigured counters never share order numbers', async () => {
    core = await startTestCore()
    const other = await startTestCore()
    const a = ((await core.dispatch('settings:get', {})) as { value: { deviceId: string } }).value.deviceId
    const b = ((await other.dispatch('settings:get', {})) as { value: { deviceId: string } }).value.deviceId
    await other.dispose()
    expect(a).toMatch(/^POS[0-9A-F]{8}$/)
    expect(a).not.toBe(b)
    // and it stays the same across restarts
    expect(((await core.dispatch('settings:get', {})) as { value: { deviceId: string } }).value.deviceId).toBe(a)
  })
})
