// An order that needs a person: the pay answer is lost (the gateway took the
// money), every query fails (502) and every cancel is refused (30001) until the
// 3 s cancel window has passed, so the engine flags it `review`. Orders shows it
// first, highlighted, with the reason and the recheck action; once the gateway
// answers again, the recheck settles it as paid.
import { scaledPolicy } from '../electron/payments/policy'
import { call, expect, fastCore, payByTypedCode, test, typeAmount } from './fixtures'
import { snapElement, snapStill } from './still'

// Ends in 0007: the sandbox takes the order, pays it, then drops the connection.
const LOST_ANSWER = '134567890123450007'

test.use({
  coreOptions: { ...fastCore(), paymentPolicy: { ...scaledPolicy(0.1), cancelWindowMs: 3_000 }, sandbox: { timeScale: 0.2, enableControl: true } },
})

test('an order needing attention is highlighted with its reason, and a recheck settles it', async ({ app, core }) => {
  const control = core.services.sandbox?.control
  if (!control) throw new Error('the demo sandbox did not start')
  control.failNext('cancel', '30001', { count: 50 })
  control.failNext('orderquery', '5xx', { count: 50 })

  await typeAmount(app, '8.80')
  await payByTypedCode(app, LOST_ANSWER)
  const panel = app.getByTestId('payment-panel')
  await expect(panel).toHaveAttribute('data-state', 'review', { timeout: 15_000 })
  // The advice matches the failure: the gateway could not be reached (not "insufficient funds").
  await expect(app.getByTestId('advice')).toContainText('支付网关暂时连不上')
  await expect(app.getByTestId('advice')).toContainText('先不要重复收款')
  await expect(panel).toContainText('暂时无法确认顾客是否已付款')
  // The header counts it at once (not at the next 15 s health refresh).
  await expect(app.getByTestId('header-attention')).toContainText('1 笔订单待处理')
  await snapStill(app, 'attention-checkout')

  // The panel leads straight to the order: reason, latest step, advice and the recheck action.
  await app.getByTestId('panel-open-order').click()
  const detail = app.getByTestId('order-detail')
  await expect(detail.getByTestId('attention')).toContainText('撤销期限')
  await expect(detail.getByTestId('attention')).toContainText('不要重复收款')
  await expect(detail.getByTestId('order-state')).toHaveText('需人工核对')
  await expect(detail.getByTestId('timeline')).toContainText('撤销')
  await snapStill(app, 'attention-detail')
  // Forty failed queries read as one line with a count.
  await expect(detail.getByTestId('timeline')).toContainText(/×\d+/)
  await snapElement(detail.getByTestId('timeline'), 'attention-timeline')

  // In the list it comes first, highlighted, with the reason and the action.
  await app.keyboard.press('Escape')
  await expect(detail).toBeHidden()
  const row = app.locator('.ant-table-row').filter({ hasText: '¥8.80' })
  await expect(row).toHaveClass(/row-attention/)
  await expect(row).toContainText('需人工核对')
  await expect(row).toContainText('撤销期限')
  await expect(row.getByTestId('row-recheck')).toBeVisible()
  await snapStill(app, 'attention-orders')
  await row.click()

  // The gateway answers again: the recheck queries and finds the money arrived.
  control.clearFaults()
  await detail.getByTestId('recheck').click()
  await expect(detail.getByTestId('order-state')).toHaveText('已收款')
  await expect(detail.getByTestId('attention')).toBeHidden()
  await expect(app.getByTestId('refundable')).toHaveText('¥8.80')
  await expect(app.getByTestId('header-attention')).toBeHidden()
  await expect(app.locator('.ant-message')).toContainText('重新查询完成：已收款')
  await snapStill(app, 'attention-settled')
  await snapElement(detail.getByTestId('timeline'), 'attention-settled-timeline')

  const outTradeNo = (await row.locator('code').textContent()) ?? ''
  const settled = await call(core, 'orders:get', { outTradeNo })
  expect(settled.ok && settled.value.order.state).toBe('paid')
  expect(settled.ok && settled.value.order.attention).toBeNull()
  await app.keyboard.press('Escape')
  await expect(row).not.toHaveClass(/row-attention/)
})
