// The permission table against the code: every guarded call, through the core's
// dispatch as the renderer sends it, by a cashier at the counter approved by each
// role. Below the action's role: ROLE_REQUIRED naming the role and the action.
// At or above it: not refused for who did it (the call may still fail for its
// own reason — no such order, nothing configured — which is not a permission).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestCore, type TestCore } from '../test-support/payments-kit'
import { NOS, PINS } from '../test-support/operators-kit'
import type { Approval, OperatorAction, OperatorRole } from '../shared/contract'
import { PERMISSIONS } from './permissions'

type R = { ok: boolean; value?: unknown; error?: { code: string; params?: Record<string, string> } }
const APPROVERS: Record<OperatorRole, Approval> = {
  cashier: { operatorNo: NOS.cashier, pin: PINS.cashier },
  supervisor: { operatorNo: NOS.supervisor, pin: PINS.supervisor },
  manager: { operatorNo: NOS.manager, pin: PINS.manager },
}
const RANK = { cashier: 1, supervisor: 2, manager: 3 }
const NO_ORDER = 'T00000000000000000001'

// Each call with the action the core must decide it by. Side-effect-free for the counter
// when allowed (a made-up order, the current options, nothing configured to reach).
const CALLS: { call: string; action: OperatorAction; req: (approval: Approval) => Record<string, unknown> }[] = [
  { call: 'refunds:create', action: 'refund', req: (approval) => ({ outTradeNo: NO_ORDER, amountFen: 100, approval }) },
  { call: 'cash:move', action: 'cashMovement', req: (approval) => ({ kind: 'paid_in', amountFen: 100, reason: '零钱', approval }) },
  { call: 'cash:noSale', action: 'noSale', req: (approval) => ({ approval }) },
  { call: 'orders:acknowledge', action: 'acknowledgeReview', req: (approval) => ({ outTradeNo: NO_ORDER, approval }) },
  { call: 'shifts:close', action: 'closeShiftWithDifference', req: (approval) => ({ approval }) }, // no count: the difference is unknown
  { call: 'shifts:days', action: 'daySummary', req: (approval) => ({ limit: 3, approval }) },
  { call: 'store:report', action: 'storeReport', req: (approval) => ({ from: 0, to: 1_000, approval }) }, // allowed: STORE_UNREACHABLE (no store here)
  { call: 'operators:list', action: 'operators', req: (approval) => ({ approval }) },
  { call: 'settings:update', action: 'settings', req: (approval) => ({ patch: { speakOnSuccess: true }, approval }) },
  { call: 'cash:setSettings', action: 'settings', req: (approval) => ({ settings: { overShortLimitFen: 1000 }, approval }) },
  { call: 'devices:configure', action: 'settings', req: (approval) => ({ scanner: { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61, protocol: 'pos' }, approval }) },
  { call: 'devices:setFaceSdkFolders', action: 'settings', req: (approval) => ({ folders: ['/opt/face-sdk'], approval }) },
  { call: 'journal:setBackupOptions', action: 'settings', req: (approval) => ({ options: { keep: 48, secondFolder: '' }, approval }) },
  { call: 'store:disconnect', action: 'settings', req: (approval) => ({ approval }) },
  { call: 'settings:setMode', action: 'liveMode', req: (approval) => ({ mode: 'live', approval }) },
]

let core: TestCore
beforeAll(async () => {
  core = await startTestCore()
  const ok = async (p: Promise<R>) => expect((await p).ok).toBe(true)
  await ok(core.dispatch('operators:setupFirstManager', { name: '店长', pin: PINS.manager }))
  await ok(core.dispatch('operators:create', { operatorNo: NOS.supervisor, name: '主管', role: 'supervisor', pin: PINS.supervisor }))
  await ok(core.dispatch('operators:create', { operatorNo: NOS.cashier, name: '收银员甲', role: 'cashier', pin: PINS.cashier }))
  await ok(core.dispatch('operators:create', { operatorNo: NOS.cashier2, name: '收银员乙', role: 'cashier', pin: PINS.cashier2 }))
})
afterAll(async () => {
  await core.services.engine.idle()
  await core.dispose()
})

describe('every guarded call is decided by its action in the table', () => {
  for (const { call, action, req } of CALLS) {
    const needs = PERMISSIONS[action]
    for (const role of ['cashier', 'supervisor', 'manager'] as const) {
      const allowed = RANK[role] >= RANK[needs]
      it(`${call} (${action}, ${needs}): a cashier approved by a ${role} is ${allowed ? 'not refused for the role' : 'refused'}`, async () => {
        expect((await core.dispatch('operators:signIn', { operatorNo: NOS.cashier2, pin: PINS.cashier2 })).ok).toBe(true)
        const r = (await core.dispatch(call as never, req(APPROVERS[role]) as never)) as R
        if (allowed) expect(r.ok ? 'ok' : r.error?.code).not.toMatch(/^(ROLE_REQUIRED|PIN_|COUNTER_LOCKED)/)
        else expect({ code: r.error?.code, params: r.error?.params }).toEqual({ code: 'ROLE_REQUIRED', params: { role: needs, action } })
      })
    }
  }

  it('locked: every guarded call is COUNTER_LOCKED, even with a manager approving', async () => {
    expect((await core.dispatch('operators:lock', {})).ok).toBe(true)
    for (const { call, req } of CALLS) {
      // The scanner change above was applied by the manager's case: ask for the wedge back (a change again).
      const body = call === 'devices:configure' ? { scanner: { kind: 'wedge' }, approval: APPROVERS.manager } : req(APPROVERS.manager)
      const r = (await core.dispatch(call as never, body as never)) as R
      expect([call, r.error?.code]).toEqual([call, 'COUNTER_LOCKED'])
    }
  })
})
