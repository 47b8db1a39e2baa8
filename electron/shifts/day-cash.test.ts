// The day's drawer (日结 钱箱现金, day-cash.ts) through the core, as a person
// counting the drawer tells it. Cashier A: float 100.00, a cash sale 37.50,
// 20.00 paid in (change), 5.00 paid out; counted 152.50, 50.00 to the safe →
// 102.50 left. Cashier B takes the 102.50 over and adds 10.00 from the safe
// (112.50, with a reason); a cash sale 12.00, 2.00 of it refunded; counted
// 122.00 (short 0.50); 30.00 to the safe → 92.00 left in the drawer.
import { afterEach, describe, expect, it } from 'vitest'
import { startTestCore, type TestCore } from '../test-support/payments-kit'
import { NOS, PINS } from '../test-support/operators-kit'
import { ok, staff, signIn } from '../test-support/staffed-core'
import type { DaySummary, OrderView, ShiftReport, ShiftView } from '../shared/contract'
import { businessDay } from './day'
import { dayCash } from './day-cash'

let core: TestCore | undefined
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.dispose()
  core = undefined
})

const SUPERVISOR = { operatorNo: NOS.supervisor, pin: PINS.supervisor }

const cashSale = async (c: TestCore, amountFen: number) => (await ok<{ order: OrderView }>(c.dispatch('cash:sale', { amountFen, givenFen: amountFen }))).order

describe('the day’s drawer (日结)', () => {
  it('two shifts with a carried float, float added, paid-in, paid-out, a cash refund and drops to the safe: the carried float counted once', async () => {
    core = await startTestCore()
    await staff(core)
    await signIn(core, NOS.cashier, PINS.cashier)
    await ok(core.dispatch('shifts:open', { cashier: '收银员甲', floatFen: 10_000 }))
    await cashSale(core, 3750)
    // Paid-in / paid-out are a supervisor's (cashMovement): the supervisor signs in at A's counter for them.
    await signIn(core, NOS.supervisor, PINS.supervisor)
    await ok(core.dispatch('cash:move', { kind: 'paid_in', amountFen: 2000, reason: '换零钱', pin: PINS.supervisor }))
    await ok(core.dispatch('cash:move', { kind: 'paid_out', amountFen: 500, reason: '买水', pin: PINS.supervisor }))
    await signIn(core, NOS.cashier, PINS.cashier)
    // 100 + 50 + 1×2 + 0.50 → 152.50 counted (expected 100 + 37.50 + 20 − 5 = 152.50)
    const zA = await ok<ShiftReport>(core.dispatch('shifts:close', { approval: SUPERVISOR, count: { pieces: { '10000': 1, '5000': 1, '100': 2, '50': 1 } }, takenOutFen: 5000 }))
    expect(zA.cash?.count).toMatchObject({ countedFen: 15_250, overShortFen: 0, leftFen: 10_250 })

    await signIn(core, NOS.cashier2, PINS.cashier2)
    await ok<ShiftView>(core.dispatch('shifts:open', { cashier: '收银员乙', floatFen: 11_250, floatReason: '从保险柜补零钱 10.00' }))
    const sale = await cashSale(core, 1200)
    await ok(core.dispatch('refunds:create', { outTradeNo: sale.outTradeNo, amountFen: 200, approval: SUPERVISOR }))
    // 112.50 + 12 − 2 = 122.50 expected; 122.00 counted
    const zB = await ok<ShiftReport>(core.dispatch('shifts:close', { approval: SUPERVISOR, acceptOverShort: true, count: { pieces: { '10000': 1, '2000': 1, '100': 2 } }, takenOutFen: 3000 }))
    expect(zB.cash).toMatchObject({ expectedFen: 12_250, count: { countedFen: 12_200, overShortFen: -50, leftFen: 9200 } })

    await signIn(core, NOS.supervisor, PINS.supervisor)
    const d = await ok<DaySummary>(core.dispatch('shifts:day', { day: businessDay(Date.now()) }))
    expect(d.cash).toEqual({
      openingFloatFen: 10_000, // A's float
      floatAddedFen: 1000, // B's 112.50 − the 102.50 it carried
      sales: { count: 2, amountFen: 4950 },
      refunds: { count: 1, amountFen: 200 },
      paidIn: { count: 1, amountFen: 2000 },
      paidOut: { count: 1, amountFen: 500 },
      netFen: 6250, // 49.50 − 2.00 + 20.00 − 5.00
      takenOutFen: 8000, // 50 at A's close + 30 at B's
      takenOutAtEndFen: 3000,
      expectedFen: 12_250, // 100 + 10 + 62.50 − 50: what the drawer should hold at B's count (B's own expected)
      countedFen: 12_200, // B's count
      overShortFen: -50, // A even, B short 0.50
      leftFen: 9200, // in the drawer tonight
      countedShifts: 2,
      uncountedShifts: 0,
    })
    // The old sum of the shifts' expected (152.50 + 122.50 = 275.00) counted the carried 102.50 twice.
    expect(d.cash.expectedFen).toBe(zB.cash?.expectedFen)
    expect((d.cash.countedFen ?? 0) - d.cash.expectedFen).toBe(d.cash.overShortFen)
  })
})

describe('dayCash edge cases', () => {
  const shift = (id: string, floatFen: number, closed: boolean, carriedFrom?: { id: string; fen: number }): ShiftView => ({
    id, cashier: id, floatFen, openedAt: 1, closedAt: closed ? 2 : null,
    floatSource: carriedFrom ? { fromShiftId: carriedFrom.id, carriedFen: carriedFrom.fen, countedBy: null, reason: null } : null,
  })
  const b = (amountFen: number) => ({ count: amountFen ? 1 : 0, amountFen })
  const report = (s: ShiftView, salesFen: number, count: { countedFen: number; takenOutFen?: number } | null): ShiftReport => ({
    kind: s.closedAt ? 'Z' : 'X', shift: s, generatedAt: 3, paid: b(salesFen), byPaytype: [], byMethod: [], refunded: b(0), netFen: salesFen, cancelled: 0, failed: 0, attention: [],
    expectedFen: s.floatFen + salesFen,
    cash: {
      floatFen: s.floatFen, sales: b(salesFen), refunds: b(0), paidIn: b(0), paidOut: b(0), noSales: 0, expectedFen: s.floatFen + salesFen,
      count: count ? { pieces: {}, countedFen: count.countedFen, overShortFen: count.countedFen - (s.floatFen + salesFen), approvedBy: null, ...(count.takenOutFen ? { takenOutFen: count.takenOutFen, leftFen: count.countedFen - count.takenOutFen } : {}) } : null,
    },
  })

  it('no shifts: nothing', () => {
    expect(dayCash([])).toMatchObject({ openingFloatFen: 0, expectedFen: 0, countedFen: null, leftFen: null, overShortFen: 0 })
  })

  it('the last shift still open: expected so far, not counted; an earlier over counts in over/short and in what B holds', () => {
    const a = shift('A', 10_000, true)
    const bShift = shift('B', 11_100, false, { id: 'A', fen: 11_100 })
    // A: 100 + 10 = 110 expected, counted 111 (over 1.00), nothing taken; B carries 111 and sells 5
    const d = dayCash([report(a, 1000, { countedFen: 11_100 }), report(bShift, 500, null)])
    expect(d).toMatchObject({ openingFloatFen: 10_000, floatAddedFen: 0, netFen: 1500, expectedFen: 11_500, countedFen: null, leftFen: null, overShortFen: 100, countedShifts: 1, uncountedShifts: 0 })
  })

  it('a shift closed without a count is taken to have left what it expected (flagged); the next float is compared with that', () => {
    const a = shift('A', 10_000, true)
    const bShift = shift('B', 5000, true) // nothing carried (A was not counted): B typed 50.00
    const d = dayCash([report(a, 2000, null), report(bShift, 1000, { countedFen: 6000 })])
    // A should have left 120; B opened with 50 → 70 removed between the shifts; 100 − 70 + 30 = 60 expected at B's count.
    expect(d).toMatchObject({ openingFloatFen: 10_000, floatAddedFen: -7000, netFen: 3000, expectedFen: 6000, countedFen: 6000, overShortFen: 0, uncountedShifts: 1, countedShifts: 1 })
  })
})
