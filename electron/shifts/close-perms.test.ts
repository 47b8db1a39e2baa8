// Who may close a shift, and who may see or print a shift's report, through the
// core's dispatch as the renderer calls them (a staffed counter, no shared
// supervisor PIN): a cashier closes alone when the count is within the
// over/short limit; above it the close waits for the cashier to see the
// difference, then for a supervisor's number + PIN (recorded as close_approver);
// another cashier's Z is refused to a cashier on screen and on paper unless a
// supervisor approves; receipts are the cashier's reprint.
import { afterEach, describe, expect, it } from 'vitest'
import { startTestCore, type TestCore } from '../test-support/payments-kit'
import { NOS, PINS } from '../test-support/operators-kit'
import { ok, refusal, staff, signIn } from '../test-support/staffed-core'
import type { CashMovementView, DrawerCount, OrderView, PrintJobView, ShiftReport, ShiftView } from '../shared/contract'

let core: TestCore | undefined
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.dispose()
  core = undefined
})

const SUPERVISOR = { operatorNo: NOS.supervisor, pin: PINS.supervisor }
const MANAGER = { operatorNo: NOS.manager, pin: PINS.manager }
const CASHIER2 = { operatorNo: NOS.cashier2, pin: PINS.cashier2 }

async function staffed(): Promise<TestCore> {
  const c = await startTestCore()
  await staff(c)
  // Over/short limit 5.00, set by the manager's approval.
  await ok(c.dispatch('cash:setSettings', { settings: { overShortLimitFen: 500 }, approval: MANAGER }))
  return c
}

/** Float 100.00 and a cash sale of 20.00: 120.00 expected in the drawer. */
async function shiftWithCash(c: TestCore, no: string, pin: string, name: string): Promise<OrderView> {
  await signIn(c, no, pin)
  await ok(c.dispatch('shifts:open', { cashier: name, floatFen: 10_000, floatReason: '每班备用金 100 元' }))
  return (await ok<{ order: OrderView }>(c.dispatch('cash:sale', { amountFen: 2000, givenFen: 2000 }))).order
}
const EVEN: DrawerCount = { pieces: { '10000': 1, '2000': 1 } } // 120.00
const SHORT_3: DrawerCount = { pieces: { '10000': 1, '1000': 1, '500': 1, '100': 2 } } // 117.00: 3.00 short, within 5.00
const SHORT_20: DrawerCount = { pieces: { '10000': 1 } } // 100.00: 20.00 short, above the limit

/** The shift as listed after its close (the Z report's own copy was taken before the close was recorded). */
const closed = async (c: TestCore, z: ShiftReport) => (await ok<ShiftView[]>(c.dispatch('shifts:list', { limit: 50 }))).find((s) => s.id === z.shift.id)

type AuditRow = { action: string; outcome: string; operatorNo: string | null; approverNo: string | null; ref: string | null; detail: Record<string, unknown> | null }
const audit = (c: TestCore) => ok<AuditRow[]>(c.dispatch('operators:audit', { approval: MANAGER }))

describe('closing a shift: the count decides who may', () => {
  it('a cashier closes a balanced shift alone, and one within the limit; nobody approves, nothing is recorded as approved', async () => {
    core = await staffed()
    await shiftWithCash(core, NOS.cashier, PINS.cashier, '收银员甲')
    const z = await ok<ShiftReport>(core.dispatch('shifts:close', { count: EVEN }))
    expect(await closed(core, z)).toMatchObject({ closedBy: NOS.cashier, closeApprover: null })
    expect(z.cash?.count).toMatchObject({ countedFen: 12_000, overShortFen: 0 })

    await shiftWithCash(core, NOS.cashier2, PINS.cashier2, '收银员乙')
    const z2 = await ok<ShiftReport>(core.dispatch('shifts:close', { count: SHORT_3 }))
    expect(await closed(core, z2)).toMatchObject({ closedBy: NOS.cashier2, closeApprover: null })
    expect(z2.cash?.count).toMatchObject({ overShortFen: -300 })
    const rows = (await audit(core)).filter((a) => a.action === 'closeShift')
    expect(rows.map((a) => [a.outcome, a.operatorNo, a.approverNo, a.detail?.['overShortFen']])).toEqual(
      expect.arrayContaining([
        ['ok', NOS.cashier, null, 0],
        ['ok', NOS.cashier2, null, -300],
      ]),
    )
  })

  it('above the limit: the difference first (CONFIRM_REQUIRED), then a supervisor — a cashier alone or approved by a cashier is refused', async () => {
    core = await staffed()
    await shiftWithCash(core, NOS.cashier, PINS.cashier, '收银员甲')
    expect(await refusal(core.dispatch('shifts:close', { count: SHORT_20 }))).toEqual({ code: 'CONFIRM_REQUIRED', params: { reason: 'over-short', overShortFen: '-2000', limitFen: '500' } })
    expect(await refusal(core.dispatch('shifts:close', { count: SHORT_20, acceptOverShort: true }))).toEqual({ code: 'ROLE_REQUIRED', params: { role: 'supervisor', action: 'closeShiftWithDifference' } })
    expect(await refusal(core.dispatch('shifts:close', { count: SHORT_20, acceptOverShort: true, pin: PINS.cashier }))).toMatchObject({ code: 'ROLE_REQUIRED' })
    expect(await refusal(core.dispatch('shifts:close', { count: SHORT_20, acceptOverShort: true, approval: CASHIER2 }))).toMatchObject({ code: 'ROLE_REQUIRED' })
    expect(await refusal(core.dispatch('shifts:close', { count: SHORT_20, acceptOverShort: true, approval: { ...SUPERVISOR, pin: '000000' } }))).toMatchObject({ code: 'PIN_INVALID' })
    expect((await ok<{ closedAt: number | null } | null>(core.dispatch('shifts:current', {})))?.closedAt).toBeNull() // still open

    const z = await ok<ShiftReport>(core.dispatch('shifts:close', { count: SHORT_20, acceptOverShort: true, approval: SUPERVISOR }))
    expect(await closed(core, z)).toMatchObject({ closedBy: NOS.cashier, closeApprover: NOS.supervisor })
    expect(z.cash?.count).toMatchObject({ overShortFen: -2000 })
    const rows = (await audit(core)).filter((a) => a.action === 'closeShiftWithDifference')
    expect(rows.find((a) => a.outcome === 'ok')).toMatchObject({ operatorNo: NOS.cashier, approverNo: NOS.supervisor, detail: { overShortFen: -2000, limitFen: 500, via: 'approval' } })
    expect(rows.filter((a) => a.outcome === 'refused').length).toBeGreaterThanOrEqual(3)
  })

  it('a signed-in supervisor closes a difference with their own PIN; a close with no count (difference unknown) is the supervisor kind', async () => {
    core = await staffed()
    await shiftWithCash(core, NOS.supervisor, PINS.supervisor, '主管')
    const z = await ok<ShiftReport>(core.dispatch('shifts:close', { count: SHORT_20, acceptOverShort: true, pin: PINS.supervisor }))
    expect(await closed(core, z)).toMatchObject({ closedBy: NOS.supervisor, closeApprover: NOS.supervisor })

    await shiftWithCash(core, NOS.cashier, PINS.cashier, '收银员甲')
    expect(await refusal(core.dispatch('shifts:close', {}))).toEqual({ code: 'ROLE_REQUIRED', params: { role: 'supervisor', action: 'closeShiftWithDifference' } })
    const z2 = await ok<ShiftReport>(core.dispatch('shifts:close', { approval: SUPERVISOR }))
    expect(await closed(core, z2)).toMatchObject({ closedBy: NOS.cashier, closeApprover: NOS.supervisor })
  })

  it('a locked counter shows no difference: COUNTER_LOCKED before anything', async () => {
    core = await staffed()
    await shiftWithCash(core, NOS.cashier, PINS.cashier, '收银员甲')
    await ok(core.dispatch('operators:lock', {}))
    expect(await refusal(core.dispatch('shifts:close', { count: SHORT_20 }))).toMatchObject({ code: 'COUNTER_LOCKED' })
  })
})

describe('shift reports on paper follow the same rule as on screen', () => {
  it("a cashier reprints receipts and their own Z; another cashier's Z is refused (print and preview) until a supervisor approves", async () => {
    core = await staffed()
    const sale = await shiftWithCash(core, NOS.cashier, PINS.cashier, '收银员甲')
    const zA = await ok<ShiftReport>(core.dispatch('shifts:close', { count: EVEN }))
    const mine = await ok<PrintJobView>(core.dispatch('printing:print', { target: { kind: 'report', shiftId: zA.shift.id } }))
    expect(mine.kind).toBe('report')

    await signIn(core, NOS.cashier2, PINS.cashier2)
    const target = { kind: 'report' as const, shiftId: zA.shift.id }
    const needs = { code: 'ROLE_REQUIRED', params: { role: 'supervisor', action: 'otherShiftReports' } }
    expect(await refusal(core.dispatch('shifts:report', { shiftId: zA.shift.id }))).toEqual(needs)
    expect(await refusal(core.dispatch('printing:print', { target }))).toEqual(needs)
    expect(await refusal(core.dispatch('printing:preview', { target }))).toEqual(needs)
    expect(await refusal(core.dispatch('printing:print', { target, approval: CASHIER2 }))).toEqual(needs)
    // Receipts: any cashier reprints them.
    expect((await ok<PrintJobView>(core.dispatch('printing:print', { target: { kind: 'sale', outTradeNo: sale.outTradeNo } }))).kind).toBe('sale')
    expect((await ok<PrintJobView>(core.dispatch('printing:printLast', {}))).kind).toBe('sale')
    // A supervisor's approval: printed, and the audit says who approved.
    expect((await ok<PrintJobView>(core.dispatch('printing:print', { target, approval: SUPERVISOR }))).kind).toBe('report')
    expect((await ok<ShiftReport>(core.dispatch('shifts:report', { shiftId: zA.shift.id, approval: SUPERVISOR }))).shift.id).toBe(zA.shift.id)
    const rows = (await audit(core)).filter((a) => a.action === 'otherShiftReports')
    expect(rows.find((a) => a.outcome === 'ok')).toMatchObject({ operatorNo: NOS.cashier2, approverNo: NOS.supervisor, ref: zA.shift.id, detail: { print: true } })
    expect(rows.some((a) => a.outcome === 'refused' && a.operatorNo === NOS.cashier2)).toBe(true)

    // A signed-in supervisor prints it with no PIN; a locked counter prints nothing.
    await signIn(core, NOS.supervisor, PINS.supervisor)
    expect((await ok<PrintJobView>(core.dispatch('printing:print', { target }))).kind).toBe('report')
    await ok(core.dispatch('operators:lock', {}))
    expect(await refusal(core.dispatch('printing:print', { target: { kind: 'sale', outTradeNo: sale.outTradeNo } }))).toMatchObject({ code: 'COUNTER_LOCKED' })
  })
})

describe('drawer actions take a supervisor approval', () => {
  it('a cashier pays out and opens the drawer with a supervisor number + PIN (recorded); alone they are refused', async () => {
    core = await staffed()
    await shiftWithCash(core, NOS.cashier, PINS.cashier, '收银员甲')
    expect(await refusal(core.dispatch('cash:move', { kind: 'paid_out', amountFen: 500, reason: '买胶带' }))).toEqual({ code: 'ROLE_REQUIRED', params: { role: 'supervisor', action: 'cashMovement' } })
    expect(await refusal(core.dispatch('cash:noSale', { approval: CASHIER2 }))).toEqual({ code: 'ROLE_REQUIRED', params: { role: 'supervisor', action: 'noSale' } })
    const out = await ok<CashMovementView>(core.dispatch('cash:move', { kind: 'paid_out', amountFen: 500, reason: '买胶带', approval: SUPERVISOR }))
    expect(out).toMatchObject({ kind: 'paid_out', amountFen: 500, approvedBy: NOS.supervisor })
    const open = await ok<CashMovementView>(core.dispatch('cash:noSale', { approval: SUPERVISOR }))
    expect(open).toMatchObject({ kind: 'no_sale', approvedBy: NOS.supervisor })
    // The drawer's settings are the manager's: a supervisor's approval is refused.
    expect(await refusal(core.dispatch('cash:setSettings', { settings: { overShortLimitFen: 100 }, approval: SUPERVISOR }))).toEqual({ code: 'ROLE_REQUIRED', params: { role: 'manager', action: 'settings' } })
  })
})
