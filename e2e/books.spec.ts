// The books (issue 11): a journal that stops taking writes while the customer
// enters the password, and the 对账 screen after a Z close.
import { injectWriteFailure } from '../electron/test-support/journal-write-faults'
import { msg } from '../electron/shared/contract'
import { call, CODES, expect, payByTypedCode, snap, test, typeAmount } from './fixtures'

test('the journal refuses writes while the customer pays: 已收款，账本写入失败, sales refused, then recorded', async ({ app, core }) => {
  await typeAmount(app, '15.00')
  await payByTypedCode(app, CODES.wechatPassword)
  await expect(app.getByTestId('panel-title')).toHaveText(/顾客正在输入密码/)
  const fault = injectWriteFailure(core.services.journal.db)
  await expect(app.getByTestId('panel-title')).toContainText('已收款，账本写入失败', { timeout: 10_000 })
  await expect(app.getByTestId('paid-unrecorded')).toContainText('不要重复收款')
  await expect(app.locator('.ant-notification')).toContainText('账本写入失败')
  await snap(app, 'checkout-paid-unrecorded')
  // A new sale is refused with a clear reason while the books are unknown.
  await app.getByTestId('new-sale').click()
  await typeAmount(app, '2.00')
  await payByTypedCode(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-error')).toContainText('账本无法写入')
  fault.heal()
  await expect.poll(async () => call(core, 'app:health', {})).toMatchObject({ ok: true, value: { journal: 'ok' } })
  const paid = await call(core, 'orders:search', { state: 'paid' })
  expect(paid.ok && paid.value.items.map((o) => o.amountFen)).toEqual([1500])
})

test('对账 after a Z close: the Z report says reconciled, the list shows the difference', async ({ app, core }) => {
  core.services.settings.setPin('246813')
  expect((await call(core, 'shifts:open', { cashier: '李四', floatFen: 0 })).ok).toBe(true)
  const sale = await call(core, 'payment:payByCode', { amountFen: 880, authCode: CODES.wechatInstant })
  expect(sale.ok).toBe(true)
  // An order the journal voided although the gateway has it paid (e.g. a rolled-back journal).
  const no = 'E2EVOIDEDPAID00000001'
  await core.services.gateway().pay({ outTradeNo: no, totalFee: 1300, body: 't', authCode: CODES.wechatInstant })
  const j = core.services.journal
  j.orders.insert({ out_trade_no: no, method: 'code', paytype: 'WECHAT', amount_fen: 1300, body: 't', step: msg('ORDER_CREATING'), auth_code_masked: null, cashier: '李四', shift_id: core.services.shifts.currentId(), created_at: Date.now() })
  j.orders.transition(no, 'failed', { failure_code: 'NOT_SUBMITTED' }, msg('TECHNICAL', { text: 'local void (test)' }), Date.now())
  await expect.poll(async () => call(core, 'payment:current', {})).toMatchObject({ ok: true, value: null })

  await app.keyboard.press('F11')
  await app.getByTestId('shift-pin').fill('246813')
  await app.getByTestId('shift-close').click()
  await app.locator('.ant-popconfirm').getByRole('button', { name: '是' }).click()
  await expect(app.getByTestId('report')).toHaveAttribute('data-kind', 'Z')
  await expect(app.getByTestId('report-reconciled')).toContainText('2 笔订单，1 处差异', { timeout: 10_000 })

  // The run the Z close started lists the difference.
  await expect(app.getByTestId('reconcile-summary')).toContainText('2 笔订单，1 处差异')
  await expect(app.getByTestId('reconcile-item')).toHaveAttribute('data-difference', 'paid-not-recorded')
  await expect(app.getByTestId('reconcile-item')).toContainText(no)
  await snap(app, 'shift-reconcile')
  expect(j.orders.get(no)).toMatchObject({ state: 'paid', attention: { code: 'RECONCILE_PAID_NOT_RECORDED' } })
  // It was booked paid and flagged: run again on demand, the books and the gateway now agree.
  await app.getByTestId('reconcile-run').click()
  await expect(app.getByTestId('reconcile-summary')).toContainText('0 处差异')
  await app.setViewportSize({ width: 1024, height: 768 })
  await snap(app, 'shift-reconcile-1024')
})
