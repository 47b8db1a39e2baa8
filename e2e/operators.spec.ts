// Operators at the counter: the lock screen, a cashier signs in and sells, the
// counter is locked (key), another cashier signs in (handover) and asks for a
// refund that only a supervisor may approve — by typing their own number and
// PIN — and the manager's audit view shows who did what and who approved it.
import { call, CODES, E2E_MANAGER, expect, payByTypedCode, snap, test, typeAmount } from './fixtures'
import { CASHIER_A, CASHIER_B, SUPERVISOR, signIn } from './operators-kit'


test('sign in, sell, lock, handover, a refund approved by a supervisor, the audit view', async ({ app, core }) => {
  test.setTimeout(180_000) // many screens and sign-ins (each PIN check is a deliberate scrypt): slow on a loaded machine
  await app.setViewportSize({ width: 1366, height: 768 })
  await expect(app.getByTestId('header-operator')).toContainText(E2E_MANAGER.name)

  // The manager adds the staff on the operators screen (one through the form, the rest by core calls).
  await app.getByTestId('nav-operators').click()
  await app.getByTestId('ops-add-no').fill(SUPERVISOR.operatorNo)
  await app.getByTestId('ops-add-name').fill(SUPERVISOR.name)
  await app.getByTestId('ops-add-role').click()
  await app.locator('.ant-select-item-option').filter({ hasText: '主管' }).click()
  await app.getByTestId('ops-add-pin').fill(SUPERVISOR.pin)
  await app.getByTestId('ops-add-submit').click()
  await expect(app.getByTestId('ops-list')).toContainText(SUPERVISOR.name)
  for (const c of [CASHIER_A, CASHIER_B]) expect((await call(core, 'operators:create', c)).ok).toBe(true)

  // Locked with the header's key: the lock screen covers everything; a wrong PIN is said plainly.
  await app.getByTestId('header-lock').click()
  await expect(app.getByTestId('lock-screen')).toBeVisible()
  await app.getByTestId('lock-operator-no').fill(CASHIER_A.operatorNo)
  await app.getByTestId('lock-pin').fill('111111')
  await app.getByTestId('lock-sign-in').click()
  await expect(app.getByTestId('lock-error')).toHaveAttribute('data-code', 'PIN_INVALID')
  await expect(app.getByTestId('lock-error')).toContainText('工号或密码不正确')
  await snap(app, 'ops-lock-screen-zh-1366')
  const refused = await call(core, 'payment:payByCode', { amountFen: 100, authCode: CODES.wechatInstant })
  expect(refused.ok ? 'sold' : refused.error.code).toBe('COUNTER_LOCKED')

  // Cashier A signs in and sells.
  await signIn(app, CASHIER_A)
  await app.getByTestId('nav-checkout').click()
  await typeAmount(app, '12')
  await payByTypedCode(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  await snap(app, 'ops-cashier-sold')

  // F7 locks; cashier B takes over.
  await app.locator('body').click({ position: { x: 5, y: 400 } })
  await app.keyboard.press('F7')
  await signIn(app, CASHIER_B)

  // Cashier B asks for a refund: their own PIN is not enough; the supervisor approves with their own number + PIN.
  await app.keyboard.press('F10')
  const row = app.locator('.ant-table-row').filter({ hasText: '¥12.00' })
  await row.click()
  await app.getByTestId('refund-open').click()
  await app.getByTestId('refund-amount').fill('2.00')
  await app.getByTestId('refund-pin').fill(CASHIER_B.pin)
  await app.getByTestId('refund-submit').click()
  await expect(app.getByTestId('refund-error')).toHaveAttribute('data-code', 'ROLE_REQUIRED')
  await expect(app.getByTestId('refund-error')).toContainText('需要主管权限')
  await app.getByTestId('refund-approver').fill(SUPERVISOR.operatorNo)
  await app.getByTestId('refund-pin').fill(SUPERVISOR.pin)
  await snap(app, 'ops-refund-approval')
  await app.getByTestId('refund-submit').click()
  await expect(app.getByTestId('refundable')).toHaveText('¥10.00')
  const outTradeNo = (await row.locator('code').textContent()) ?? ''
  const rows = core.services.journal.refunds.forOrder(outTradeNo)
  expect(rows.map((r) => [r.operator_no, r.approver_no])).toEqual([[CASHIER_B.operatorNo, SUPERVISOR.operatorNo]])
  expect(core.services.journal.orders.get(outTradeNo)).toMatchObject({ operator_no: CASHIER_A.operatorNo, cashier: CASHIER_A.name })

  // A cashier cannot open the audit; the manager can.
  await app.keyboard.press('Escape') // the order drawer
  await expect(app.getByTestId('order-detail')).toBeHidden()
  await app.getByTestId('nav-operators').click()
  await expect(app.getByTestId('ops-forbidden')).toContainText('仅店长可查看')
  await app.getByTestId('header-lock').click()
  await signIn(app, E2E_MANAGER)
  const audit = app.getByTestId('ops-audit')
  await expect(audit).toContainText('退款')
  const refundRow = audit.locator('.ant-table-row').filter({ hasText: '退款' }).filter({ hasText: '成功' })
  await expect(refundRow).toContainText(CASHIER_B.operatorNo)
  await expect(refundRow).toContainText(SUPERVISOR.operatorNo)
  await snap(app, 'ops-audit-zh-1366')
  const download = app.waitForEvent('download')
  await app.getByTestId('ops-audit-csv').click()
  expect((await download).suggestedFilename()).toMatch(/^operator-audit-.*\.csv$/)

  // The idle auto-lock is a setting: the manager confirms with their own PIN; audited.
  await app.getByTestId('ops-idle-minutes').fill('10')
  await app.getByTestId('ops-idle-pin').fill(E2E_MANAGER.pin)
  await app.getByTestId('ops-idle-save').click()
  await expect.poll(async () => (await call(core, 'operators:status', {})).ok && core.services.settings.idleLockMinutes()).toBe(10)
  await expect(audit).toContainText('修改设置')

  // English lock screen.
  await app.getByTestId('header-lock').click()
  await app.getByTestId('lock-language').click()
  await expect(app.getByTestId('lock-screen')).toContainText('Counter locked')
  await snap(app, 'ops-lock-screen-en-1366')
})

test.describe('without the fixture manager', () => {
  test.use({ signedIn: false })
  test('a counter without operators sells as before; the first manager is set up on the operators screen', async ({ app, core }) => {
    await app.setViewportSize({ width: 1366, height: 768 })
    await expect(app.getByTestId('lock-screen')).toHaveCount(0)
    await typeAmount(app, '3')
    await payByTypedCode(app, CODES.wechatInstant)
    await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
    await app.getByTestId('nav-operators').click()
    await app.getByTestId('ops-first-name').fill('赵店长')
    await app.getByTestId('ops-first-pin').fill('271828')
    await snap(app, 'ops-first-manager')
    await app.getByTestId('ops-first-submit').click()
    await expect(app.getByTestId('header-operator')).toContainText('赵店长')
    await expect(app.getByTestId('ops-list')).toContainText('0001')
    expect((await call(core, 'operators:status', {})).ok).toBe(true)
  })
})
