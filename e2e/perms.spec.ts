// The permission table at the counter, at 1024×768: a cashier closes a balanced
// shift alone; a count above the over/short limit waits for a supervisor's
// number + PIN in the confirmation; a cashier cannot print (or view) another
// cashier's Z until a supervisor approves; a settings change by a cashier is
// approved by the manager's number + PIN, recorded in the audit. Screenshots looked at.
import { call, E2E_MANAGER, expect, test } from './fixtures'
import { CASHIER_A, CASHIER_B, SUPERVISOR, cashSale, countDrawer, lockAndSignIn } from './operators-kit'
import { snapStill } from './still'


test('closing by the count: a cashier alone when balanced, a supervisor above the limit; another cashier’s Z needs a supervisor', async ({ app, core }) => {
  test.setTimeout(240_000) // several sign-ins (each PIN check is a deliberate scrypt) on a loaded machine
  await app.setViewportSize({ width: 1024, height: 768 })
  for (const o of [SUPERVISOR, CASHIER_A, CASHIER_B]) expect((await call(core, 'operators:create', o)).ok).toBe(true)

  // Cashier A: float 100, a cash sale of 20, counts 120 — balanced, closes with no approval typed.
  await lockAndSignIn(app, CASHIER_A)
  await app.keyboard.press('F11')
  await app.getByTestId('shift-float').fill('100')
  await app.getByTestId('shift-open').click()
  await expect(app.getByTestId('shift-current')).toContainText(CASHIER_A.name)
  await cashSale(app, '20', '20')
  await app.keyboard.press('F11')
  await expect(app.getByTestId('count-expected')).toHaveText('¥120.00')
  await countDrawer(app, { '10000': 1, '2000': 1 })
  await expect(app.getByTestId('count-diff')).toHaveText('¥0.00')
  await app.getByTestId('count-close').click()
  await expect(app.getByTestId('report')).toHaveAttribute('data-kind', 'Z')
  const shiftA = core.services.shifts.list(1)[0]!
  expect(shiftA).toMatchObject({ operatorNo: CASHIER_A.operatorNo, closedBy: CASHIER_A.operatorNo, closeApprover: null })

  // Cashier B opens with the carried 120, sells 10 and counts 110: 20.00 short, above the 10.00 limit.
  await lockAndSignIn(app, CASHIER_B)
  await app.keyboard.press('F11')
  await expect(app.getByTestId('shift-float')).toHaveValue('120.00')
  await app.getByTestId('shift-open').click()
  await expect(app.getByTestId('shift-current')).toContainText(CASHIER_B.name)
  await cashSale(app, '10', '10')
  await app.keyboard.press('F11')
  // Paid-in/out and no-sale take a supervisor's number beside the PIN too.
  await expect(app.getByTestId('cash-approver')).toBeVisible()
  await app.getByTestId('cash-card').evaluate((e) => e.scrollIntoView({ block: 'start' }))
  await snapStill(app, 'perms-cash-card-1024')
  await expect(app.getByTestId('count-expected')).toHaveText('¥130.00')
  await countDrawer(app, { '10000': 1, '1000': 1 })
  await expect(app.getByTestId('count-diff')).toHaveText('-¥20.00')
  await app.getByTestId('count-close').click()
  await expect(app.getByTestId('count-confirm-text')).toContainText('-¥20.00')
  await expect(app.getByTestId('count-confirm-approver')).toBeVisible()
  // The cashier alone cannot: the confirmation stays open and says a supervisor is needed.
  await app.getByTestId('count-confirm').click()
  await expect(app.getByTestId('count-confirm-error')).toContainText('需要主管权限')
  expect(core.services.shifts.current()?.operatorNo).toBe(CASHIER_B.operatorNo) // still open
  // Another cashier's number + PIN is not a supervisor's.
  await app.getByTestId('count-confirm-approver').fill(CASHIER_A.operatorNo)
  await app.getByTestId('count-confirm-pin').fill(CASHIER_A.pin)
  await app.getByTestId('count-confirm').click()
  await expect(app.getByTestId('count-confirm-error')).toContainText('需要主管权限')
  await app.getByTestId('count-confirm-approver').fill(SUPERVISOR.operatorNo)
  await app.getByTestId('count-confirm-pin').fill(SUPERVISOR.pin)
  await snapStill(app, 'perms-close-approval-1024')
  await app.getByTestId('count-confirm').click()
  await expect(app.getByTestId('report')).toHaveAttribute('data-kind', 'Z')
  const shiftB = core.services.shifts.list(1)[0]!
  expect(shiftB).toMatchObject({ operatorNo: CASHIER_B.operatorNo, closedBy: CASHIER_B.operatorNo, closeApprover: SUPERVISOR.operatorNo })

  // B may reprint their own Z; A's Z is another cashier's: the reprint asks for a supervisor and prints nothing.
  const reportJobs = () => core.services.printing.jobs().filter((j) => j.kind === 'report').length
  const before = reportJobs()
  const rowA = app.getByTestId('past-shifts').locator('tr', { hasText: CASHIER_A.name })
  await rowA.getByTestId('past-reprint').click()
  await expect(app.getByTestId('past-approver')).toBeVisible()
  expect(reportJobs()).toBe(before)
  await snapStill(app, 'perms-other-z-1024')
  await app.getByTestId('past-approver').fill(CASHIER_A.operatorNo)
  await app.getByTestId('past-approve-pin').fill(CASHIER_A.pin)
  await app.getByTestId('past-approve-ok').click()
  await expect(app.getByTestId('past-approve-error')).toContainText('需要主管权限')
  expect(reportJobs()).toBe(before)
  await app.getByTestId('past-approver').fill(SUPERVISOR.operatorNo)
  await app.getByTestId('past-approve-pin').fill(SUPERVISOR.pin)
  await app.getByTestId('past-approve-ok').click()
  await expect(app.getByTestId('past-approver')).toBeHidden()
  expect(reportJobs()).toBe(before + 1)
  const audit = await call(core, 'operators:audit', { approval: { operatorNo: E2E_MANAGER.operatorNo, pin: E2E_MANAGER.pin } })
  expect(audit.ok && audit.value.find((a) => a.action === 'otherShiftReports' && a.outcome === 'ok')).toMatchObject({ operatorNo: CASHIER_B.operatorNo, approverNo: SUPERVISOR.operatorNo, ref: shiftA.id })
})

test("a settings change at a cashier's counter is approved by the manager's number + PIN (a supervisor's is refused)", async ({ app, core }) => {
  test.setTimeout(180_000)
  await app.setViewportSize({ width: 1024, height: 768 })
  for (const o of [SUPERVISOR, CASHIER_A]) expect((await call(core, 'operators:create', o)).ok).toBe(true)
  await lockAndSignIn(app, CASHIER_A)
  await app.keyboard.press('F12')
  await expect(app.getByTestId('settings-approver')).toBeVisible()
  await app.getByTestId('settings-maxSale').fill('3000')
  // The cashier's own PIN: not a manager.
  await app.getByTestId('settings-pin').fill(CASHIER_A.pin)
  await app.getByTestId('save-limits').click()
  await expect(app.getByTestId('limits-error')).toContainText('需要店长权限')
  // A supervisor's number + PIN: still not a manager.
  await app.getByTestId('settings-approver').fill(SUPERVISOR.operatorNo)
  await app.getByTestId('settings-pin').fill(SUPERVISOR.pin)
  await app.getByTestId('save-limits').click()
  await expect(app.getByTestId('limits-error')).toContainText('需要店长权限')
  // The manager's number + PIN: saved, and the audit names the cashier and the approving manager.
  await app.getByTestId('settings-approver').fill(E2E_MANAGER.operatorNo)
  await app.getByTestId('settings-pin').fill(E2E_MANAGER.pin)
  await app.getByTestId('settings-pin-bar').scrollIntoViewIfNeeded()
  await snapStill(app, 'perms-settings-approver-1024')
  await app.getByTestId('save-limits').click()
  await expect(app.getByTestId('limits-error')).toHaveCount(0)
  await expect(app.locator('.ant-message')).toContainText('收款限额已保存')
  const view = await call(core, 'settings:get', {})
  expect(view.ok && view.value.maxSaleFen).toBe(300_000)
  const audit = await call(core, 'operators:audit', { approval: { operatorNo: E2E_MANAGER.operatorNo, pin: E2E_MANAGER.pin } })
  const rows = audit.ok ? audit.value.filter((a) => a.action === 'settings') : []
  expect(rows.find((a) => a.outcome === 'ok')).toMatchObject({ operatorNo: CASHIER_A.operatorNo, approverNo: E2E_MANAGER.operatorNo })
  expect(rows.filter((a) => a.outcome === 'refused').length).toBeGreaterThanOrEqual(2)
  // Both languages: the approver field is worded in English too.
  await app.getByTestId('header-language').click()
  await expect(app.getByTestId('settings-pin-bar')).toContainText("Manager's no. (approval)")
  await app.getByTestId('settings-pin-bar').evaluate((e) => e.scrollIntoView({ block: 'start' }))
  await snapStill(app, 'perms-settings-approver-en-1024')
})
