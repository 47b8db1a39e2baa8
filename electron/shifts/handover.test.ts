// Handover (交接班) and the day summary (日结) through the core's dispatch, as
// the renderer calls them: cashier A sells cash + wallet and closes with a
// count (part of it taken to the safe); cashier B opens with the float the core
// carries over, sells, refunds, closes; the supervisor reads the day with one
// line per operator; a cashier is refused the day and another's shift report.
import { afterEach, describe, expect, it } from 'vitest'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'
import { NOS, PINS } from '../test-support/operators-kit'
import { ok, refusal, staff, signIn } from '../test-support/staffed-core'
import type { DaySummary, DrawerCount, HandoverProposal, OrderView, PrintJobView, ShiftReport, ShiftView } from '../shared/contract'
import { businessDay } from './day'
import { dayReceipt } from '../printing/receipts'
import { receiptDocument } from '../printing/receipt-doc'

let core: TestCore | undefined
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.services.refunds.idle()
  await core?.dispose()
  core = undefined
})

const SUPERVISOR = { operatorNo: NOS.supervisor, pin: PINS.supervisor }


async function walletSale(c: TestCore, amountFen: number, authCode: string): Promise<OrderView> {
  const o = await ok<OrderView>(c.dispatch('payment:payByCode', { amountFen, authCode }))
  return c.settle(o.outTradeNo)
}
const cashSale = async (c: TestCore, amountFen: number, givenFen: number) => (await ok<{ order: OrderView }>(c.dispatch('cash:sale', { amountFen, givenFen }))).order

/** 100 + 20 + 10 + 5 + 1×2 + 0.5 = 137.50 */
const COUNT_A: DrawerCount = { pieces: { '10000': 1, '2000': 1, '1000': 1, '500': 1, '100': 2, '50': 1 } }

/** Cashier A: float 100.00, cash 37.50, WeChat 20.00 (5.00 refunded, supervisor approves); counted 137.50, 50.00 to the safe. */
async function shiftOfA(c: TestCore): Promise<ShiftReport> {
  await signIn(c, NOS.cashier, PINS.cashier)
  await ok(c.dispatch('shifts:open', { cashier: '收银员甲', floatFen: 10_000 }))
  await cashSale(c, 3750, 5000)
  const wechat = await walletSale(c, 2000, CODES.instant)
  await ok(c.dispatch('refunds:create', { outTradeNo: wechat.outTradeNo, amountFen: 500, approval: SUPERVISOR }))
  await c.services.refunds.idle()
  expect(await refusal(c.dispatch('shifts:close', { approval: SUPERVISOR, takenOutFen: 5000 }))).toMatchObject({ code: 'VALIDATION' }) // no count
  expect(await refusal(c.dispatch('shifts:close', { approval: SUPERVISOR, count: COUNT_A, takenOutFen: 20_000 }))).toMatchObject({ code: 'VALIDATION', params: { reason: 'taken-out-above-counted' } })
  // The count is even: cashier A closes alone (no approval; none recorded).
  return ok<ShiftReport>(c.dispatch('shifts:close', { count: COUNT_A, takenOutFen: 5000 }))
}

describe('handover: the counted float carried to the next shift', () => {
  it('the core proposes counted − taken out, B opens with it, and the shift records where it came from', async () => {
    core = await startTestCore()
    await staff(core)
    const zA = await shiftOfA(core)
    expect(zA.cash?.count).toMatchObject({ countedFen: 13_750, overShortFen: 0, takenOutFen: 5000, leftFen: 8750 })
    // The drop to the safe is in the audit, on the close.
    const audit = await ok<{ action: string; outcome: string; ref: string | null; approverNo: string | null; detail: Record<string, unknown> | null }[]>(core.dispatch('operators:audit', { approval: { operatorNo: NOS.manager, pin: PINS.manager } }))
    expect(audit.find((a) => a.action === 'closeShift' && a.outcome === 'ok')).toMatchObject({ ref: zA.shift.id, approverNo: null, detail: { takenOutFen: 5000, overShortFen: 0, via: 'signedIn' } })
    expect((await ok<ShiftView[]>(core.dispatch('shifts:list', { limit: 5 }))).find((s) => s.id === zA.shift.id)).toMatchObject({ closedBy: NOS.cashier, closeApprover: null })

    await signIn(core, NOS.cashier2, PINS.cashier2)
    const proposal = await ok<HandoverProposal>(core.dispatch('shifts:handover', {}))
    expect(proposal).toMatchObject({ fromShiftId: zA.shift.id, countedFen: 13_750, takenOutFen: 5000, floatFen: 8750, countedBy: NOS.cashier, countedByName: '收银员甲' })
    const opened = await ok<ShiftView>(core.dispatch('shifts:open', { cashier: '收银员乙', floatFen: 8750 }))
    expect(opened).toMatchObject({ floatFen: 8750, operatorNo: NOS.cashier2, floatSource: { fromShiftId: zA.shift.id, carriedFen: 8750, countedBy: NOS.cashier, reason: null } })
    const x = await ok<ShiftReport>(core.dispatch('shifts:xReport', {}))
    expect(x.cash?.expectedFen).toBe(8750)
  })

  it('a float that differs from the carried one needs a reason; the reason is recorded and audited', async () => {
    core = await startTestCore()
    await staff(core)
    const zA = await shiftOfA(core)
    await signIn(core, NOS.cashier2, PINS.cashier2)
    const refused = await refusal(core.dispatch('shifts:open', { cashier: '收银员乙', floatFen: 8000 }))
    expect(refused).toEqual({ code: 'CONFIRM_REQUIRED', params: { reason: 'float-differs', carriedFen: '8750', floatFen: '8000' } })
    expect(await refusal(core.dispatch('shifts:open', { cashier: '收银员乙', floatFen: 8000, floatReason: '   ' }))).toMatchObject({ code: 'CONFIRM_REQUIRED' })
    expect(core.services.shifts.current()).toBeNull()
    const opened = await ok<ShiftView>(core.dispatch('shifts:open', { cashier: '收银员乙', floatFen: 8000, floatReason: '7.50 换零钱给隔壁' }))
    expect(opened.floatSource).toEqual({ fromShiftId: zA.shift.id, carriedFen: 8750, countedBy: NOS.cashier, reason: '7.50 换零钱给隔壁' })
    const audit = await ok<{ action: string; outcome: string; operatorNo: string; ref: string | null; detail: Record<string, unknown> | null }[]>(
      core.dispatch('operators:audit', { approval: { operatorNo: NOS.manager, pin: PINS.manager } }),
    )
    const opens = audit.filter((a) => a.action === 'openShift').map((a) => [a.outcome, a.operatorNo, a.detail?.['differs'], a.detail?.['reason'] ?? null, a.detail?.['code'] ?? null])
    expect(opens).toEqual([
      ['ok', NOS.cashier2, true, '7.50 换零钱给隔壁', null],
      ['refused', NOS.cashier2, true, null, 'CONFIRM_REQUIRED'],
      ['refused', NOS.cashier2, true, null, 'CONFIRM_REQUIRED'],
    ])
    expect(audit.find((a) => a.action === 'openShift' && a.outcome === 'ok')?.ref).toBe(opened.id)
  })

  it('a sale with no shift open opens one with the carried float (not 0), recorded as carried', async () => {
    core = await startTestCore()
    await staff(core)
    const zA = await shiftOfA(core)
    await signIn(core, NOS.cashier2, PINS.cashier2)
    await cashSale(core, 1000, 1000)
    expect(core.services.shifts.current()).toMatchObject({ floatFen: 8750, operatorNo: NOS.cashier2, floatSource: { fromShiftId: zA.shift.id, carriedFen: 8750, reason: null } })
    expect((await ok<ShiftReport>(core.dispatch('shifts:xReport', {}))).cash?.expectedFen).toBe(9750)
  })
})

describe('day summary (日结)', () => {
  it('sums two shifts by two operators (wallets, cash, refunds, over/short) with per-operator lines; supervisor only; reprint', async () => {
    core = await startTestCore()
    await staff(core)
    const zA = await shiftOfA(core)
    // Cashier B: float 87.50 carried; cash 12.00, Alipay 30.00; a cash refund of 2.00 (supervisor approves); counted 97.00 (short 0.50).
    await signIn(core, NOS.cashier2, PINS.cashier2)
    await ok(core.dispatch('shifts:open', { cashier: '收银员乙', floatFen: 8750 }))
    const cashB = await cashSale(core, 1200, 1200)
    await walletSale(core, 3000, CODES.alipayInstant)
    await ok(core.dispatch('refunds:create', { outTradeNo: cashB.outTradeNo, amountFen: 200, approval: SUPERVISOR }))
    const zB = await ok<ShiftReport>(core.dispatch('shifts:close', { approval: SUPERVISOR, count: { pieces: { '5000': 1, '2000': 2, '500': 1, '100': 2 } } }))
    expect(zB.cash?.count).toMatchObject({ countedFen: 9700, overShortFen: -50 })

    // The cashier: the day is refused (names the role); their own shift's report yes, A's no.
    const day = businessDay(Date.now())
    expect(await refusal(core.dispatch('shifts:day', { day }))).toEqual({ code: 'ROLE_REQUIRED', params: { role: 'supervisor', action: 'daySummary' } })
    expect(await refusal(core.dispatch('shifts:days', {}))).toMatchObject({ code: 'ROLE_REQUIRED' })
    expect(await refusal(core.dispatch('shifts:printDay', { day }))).toMatchObject({ code: 'ROLE_REQUIRED' })
    expect((await ok<ShiftReport>(core.dispatch('shifts:report', { shiftId: zB.shift.id }))).shift.id).toBe(zB.shift.id)
    expect(await refusal(core.dispatch('shifts:report', { shiftId: zA.shift.id }))).toEqual({ code: 'ROLE_REQUIRED', params: { role: 'supervisor', action: 'otherShiftReports' } })
    // …or approved by a supervisor on the spot.
    expect((await ok<DaySummary>(core.dispatch('shifts:day', { day, approval: SUPERVISOR }))).day).toBe(day)

    await signIn(core, NOS.supervisor, PINS.supervisor)
    expect(await ok(core.dispatch('shifts:days', {}))).toEqual([{ day, shifts: 2, openShifts: 0 }])
    const d = await ok<DaySummary>(core.dispatch('shifts:day', { day }))
    expect(d.shifts.map((s) => s.id)).toEqual([zA.shift.id, zB.shift.id])
    expect({ paid: d.paid, refunded: d.refunded, net: d.netFen, open: d.openShifts }).toEqual({ paid: { count: 4, amountFen: 9950 }, refunded: { count: 2, amountFen: 700 }, net: 9250, open: 0 })
    expect(d.byPaytype).toEqual([
      { paytype: 'ALIPAY', paid: { count: 1, amountFen: 3000 }, refunded: { count: 0, amountFen: 0 } },
      { paytype: 'WECHAT', paid: { count: 1, amountFen: 2000 }, refunded: { count: 1, amountFen: 500 } },
    ])
    // One drawer through the day: 100 float + 47.50 cash in/out − 50 to the safe at A's close = 97.50; B counted 97.00 (the carried 87.50 counted once).
    expect(d.cash).toEqual({
      openingFloatFen: 10_000,
      floatAddedFen: 0,
      sales: { count: 2, amountFen: 4950 },
      refunds: { count: 1, amountFen: 200 },
      paidIn: { count: 0, amountFen: 0 },
      paidOut: { count: 0, amountFen: 0 },
      netFen: 4750,
      takenOutFen: 5000,
      takenOutAtEndFen: 0,
      expectedFen: 9750,
      countedFen: 9700,
      overShortFen: -50,
      leftFen: 9700,
      countedShifts: 2,
      uncountedShifts: 0,
    })
    expect(d.operators).toEqual([
      { operatorNo: NOS.cashier, name: '收银员甲', sales: { count: 2, amountFen: 5750 }, refunds: { count: 1, amountFen: 500 }, overShortFen: 0, shiftsClosed: 1 },
      { operatorNo: NOS.cashier2, name: '收银员乙', sales: { count: 2, amountFen: 4200 }, refunds: { count: 1, amountFen: 200 }, overShortFen: -50, shiftsClosed: 1 },
    ])
    // Another day has none of it.
    expect((await ok<DaySummary>(core.dispatch('shifts:day', { day: '2001-01-01' }))).shifts).toEqual([])

    // The day receipt: queued as a report job, and its document says what the summary says.
    const job = await ok<PrintJobView>(core.dispatch('shifts:printDay', { day }))
    expect(job).toMatchObject({ kind: 'report', ref: `D${day}` })
    const doc = receiptDocument(dayReceipt(d, { storeName: '测试店', counterId: 'C1', cashier: '主管', demo: false }, true))
    for (const line of ['^^^日结报表 (Z)\n"（重印）', `营业日 | ${day}`, '"0004 收银员乙', '短款（各班合计） | "-￥0.50', '交班存入保险柜 | -￥50.00', '"应有现金（日终） | "￥97.50', '净额 | "￥92.50']) expect(doc).toContain(line)
  })
})
