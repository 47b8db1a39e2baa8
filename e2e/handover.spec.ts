// Handover (交接班) and the day summary (日结), at 1024×768: cashier A sells
// cash + WeChat and closes with the drawer counted (50.00 to the safe, the
// supervisor approves); cashier B signs in, the open form proposes the 87.50
// left in the drawer (a different float asks for a reason), B sells and
// closes; B is refused the day summary; the supervisor reads it with one line
// per operator and prints the day receipt. Screenshots looked at.
import type { Page } from '@playwright/test'
import { call, CODES, expect, payByTypedCode, test, typeAmount } from './fixtures'
import { CASHIER_A, CASHIER_B, SUPERVISOR, cashSale, countDrawer, lockAndSignIn } from './operators-kit'
import { snapStill } from './still'

/** Nothing sticks out of the window sideways (cut off) at this size. */
async function noSideways(app: Page) {
  const overflow = await app.locator('html').evaluate((e) => e.scrollWidth - e.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

test('handover with the counted float carried; the day summary with per-operator lines', async ({ app, core }) => {
  test.setTimeout(240_000) // several sign-ins (each PIN check is a deliberate scrypt) and two shifts on a loaded machine
  await app.setViewportSize({ width: 1024, height: 768 })
  for (const o of [SUPERVISOR, CASHIER_A, CASHIER_B]) expect((await call(core, 'operators:create', o)).ok).toBe(true)

  // Cashier A opens (nothing to carry yet), sells 37.50 cash and 20.00 WeChat.
  await lockAndSignIn(app, CASHIER_A)
  await app.keyboard.press('F11')
  await expect(app.getByTestId('shift-nothing-carried')).toBeVisible()
  await app.getByTestId('shift-float').fill('100')
  await app.getByTestId('shift-open').click()
  await expect(app.getByTestId('shift-current')).toContainText(CASHIER_A.name)
  await cashSale(app, '37.50', '50')
  await typeAmount(app, '20')
  await payByTypedCode(app, CODES.wechatInstant)
  await expect(app.getByTestId('panel-amount')).toHaveText('¥20.00')
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')

  // A counts 137.50, takes 50.00 to the safe: 87.50 stays; the supervisor approves the close.
  await app.keyboard.press('F11')
  await expect(app.getByTestId('count-expected')).toHaveText('¥137.50')
  await countDrawer(app, { '10000': 1, '2000': 1, '1000': 1, '500': 1, '100': 2, '50': 1 })
  await expect(app.getByTestId('count-counted')).toHaveText('¥137.50')
  await app.getByTestId('count-taken-out').fill('50')
  await expect(app.getByTestId('count-left')).toHaveText('¥87.50')
  await app.getByTestId('shift-approver').fill(SUPERVISOR.operatorNo)
  await app.getByTestId('shift-pin').fill(SUPERVISOR.pin)
  await snapStill(app, 'handover-count-1024')
  await app.getByTestId('count-close').click()
  await expect(app.getByTestId('report')).toHaveAttribute('data-kind', 'Z')
  await expect(app.getByTestId('report-taken-out')).toHaveText('-¥50.00')
  await expect(app.getByTestId('report-left')).toHaveText('¥87.50')
  const shiftA = core.services.shifts.list(1)[0]!.id

  // Cashier B: the open form proposes the 87.50 left, from A's shift, counted by A.
  await lockAndSignIn(app, CASHIER_B)
  await app.keyboard.press('F11')
  await expect(app.getByTestId('shift-carried')).toContainText('¥87.50')
  await expect(app.getByTestId('shift-carried-from')).toContainText(shiftA)
  await expect(app.getByTestId('shift-carried-from')).toContainText(CASHIER_A.name)
  await expect(app.getByTestId('shift-float')).toHaveValue('87.50')
  await noSideways(app)
  await app.getByTestId('shift-open-card').evaluate((e) => e.scrollIntoView({ block: 'start' }))
  await snapStill(app, 'handover-open-1024')
  // A different float needs a reason; back to the carried amount, no reason needed.
  await app.getByTestId('shift-float').fill('80')
  await expect(app.getByTestId('shift-float-differs')).toBeVisible()
  await app.getByTestId('shift-open').click()
  await expect(app.getByTestId('shift-problem')).toContainText('请填写原因')
  await app.getByTestId('shift-open-card').evaluate((e) => e.scrollIntoView({ block: 'start' }))
  await snapStill(app, 'handover-differs-1024')
  await app.getByTestId('shift-use-carried').click()
  await expect(app.getByTestId('shift-float-reason')).toHaveCount(0)
  await app.getByTestId('shift-open').click()
  await expect(app.getByTestId('shift-float-source')).toContainText(shiftA)
  await expect(app.getByTestId('shift-float-source')).toContainText('¥87.50')
  const opened = core.services.shifts.current()
  expect(opened).toMatchObject({ floatFen: 8750, operatorNo: CASHIER_B.operatorNo, floatSource: { fromShiftId: shiftA, carriedFen: 8750, countedBy: CASHIER_A.operatorNo, reason: null } })

  // B sells 12.00 cash and closes with an even count of 99.50.
  await cashSale(app, '12', '20')
  await app.keyboard.press('F11')
  await expect(app.getByTestId('count-expected')).toHaveText('¥99.50')
  await countDrawer(app, { '5000': 1, '2000': 2, '500': 1, '100': 4, '50': 1 })
  await expect(app.getByTestId('count-diff')).toHaveText('¥0.00')
  await app.getByTestId('shift-approver').fill(SUPERVISOR.operatorNo)
  await app.getByTestId('shift-pin').fill(SUPERVISOR.pin)
  await app.getByTestId('count-close').click()
  await expect(app.getByTestId('report')).toHaveAttribute('data-kind', 'Z')

  // The day summary is not a cashier's: B sees the refusal and the approval form.
  await app.getByTestId('shift-tab-day').click()
  await expect(app.getByTestId('day-refused')).toContainText('需要主管权限')
  await snapStill(app, 'day-refused-1024')
  // …unless a supervisor approves on the spot with their own number and PIN.
  await app.getByTestId('day-approver').fill(SUPERVISOR.operatorNo)
  await app.getByTestId('day-pin').fill(SUPERVISOR.pin)
  await app.getByTestId('day-approve').click()
  await expect(app.getByTestId('day-view')).toBeVisible()
  await expect(app.getByTestId('day-net')).toHaveText('¥69.50')

  // The supervisor: both shifts, totals, the drawer summed, one line per operator.
  await lockAndSignIn(app, SUPERVISOR)
  await app.keyboard.press('F11')
  await app.getByTestId('shift-tab-day').click()
  const view = app.getByTestId('day-view')
  await expect(view).toBeVisible()
  await expect(app.getByTestId('day-net')).toHaveText('¥69.50')
  await expect(app.getByTestId('day-cash-sales')).toHaveText('¥49.50')
  // One drawer through the day: 100 float + 49.50 cash − 50 to the safe at the handover = 99.50 at B's count (the carried 87.50 counted once).
  await expect(app.getByTestId('day-floats')).toHaveText('¥100.00')
  await expect(app.getByTestId('day-taken-out-before')).toHaveText('-¥50.00')
  await expect(app.getByTestId('day-expected')).toHaveText('¥99.50')
  await expect(app.getByTestId('day-counted')).toHaveText('¥99.50')
  await expect(app.getByTestId('day-over-short')).toHaveText('¥0.00')
  await expect(app.getByTestId('day-left')).toHaveText('¥99.50')
  await expect(app.getByTestId('day-taken-out')).toHaveText('¥50.00')
  await expect(app.getByTestId('day-paytype-WECHAT')).toHaveText('¥20.00')
  const lineA = app.getByTestId('day-operators').locator('tr[data-operator="0003"]')
  const lineB = app.getByTestId('day-operators').locator('tr[data-operator="0004"]')
  await expect(lineA).toContainText(CASHIER_A.name)
  await expect(lineA).toContainText('¥57.50 (2)')
  await expect(lineB).toContainText(CASHIER_B.name)
  await expect(lineB).toContainText('¥12.00 (1)')
  await expect(app.getByTestId('day-shifts').locator('.ant-table-row')).toHaveCount(2)
  await noSideways(app)
  await snapStill(app, 'day-summary-zh-1024')
  await app.getByTestId('day-print').click()
  await expect(app.locator('.ant-message')).toContainText('日结小票已送打印机')
  await expect.poll(() => core.services.printing.jobs().some((j) => j.ref.startsWith('D') && j.kind === 'report')).toBe(true)

  // 1366×768 and English.
  await app.setViewportSize({ width: 1366, height: 768 })
  await noSideways(app)
  await snapStill(app, 'day-summary-zh-1366')
  await app.getByTestId('header-language').click()
  await expect(view).toContainText('Day summary')
  await app.setViewportSize({ width: 1024, height: 768 })
  await noSideways(app)
  await snapStill(app, 'day-summary-en-1024')
})
