// A final order that carries a flag (here: paid, then turned to refund at the
// gateway) is cleared by a supervisor who checked it: wrong PIN refused, the
// right one clears the flag and keeps the note in the timeline.
import { msg } from '../electron/shared/contract'
import { call, CODES, expect, payByTypedCode, test, typeAmount } from './fixtures'
import { snapStill } from './still'

test('a supervisor marks a flagged order as checked with the PIN', async ({ app, core }) => {
  expect((await call(core, 'settings:setPin', { next: '808182' })).ok).toBe(true)
  await typeAmount(app, '6.60')
  await payByTypedCode(app, CODES.wechatInstant)
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
  const found = await call(core, 'orders:search', { state: 'paid' })
  const outTradeNo = (found.ok && found.value.items[0]?.outTradeNo) || ''
  // What a 10002 answer (paid, then turned to refund elsewhere) leaves behind.
  core.services.journal.orders.transition(outTradeNo, 'paid', { attention: msg('ATTENTION_TURNED_TO_REFUND') }, msg('GATEWAY_ANSWER', { call: 'orderquery', state: 'refund' }), Date.now())

  await app.keyboard.press('F10')
  const row = app.locator('.ant-table-row').filter({ hasText: '¥6.60' })
  await row.click()
  const detail = app.getByTestId('order-detail')
  await expect(detail.getByTestId('attention')).toContainText('转入退款')
  await detail.getByTestId('acknowledge').click()
  await app.getByTestId('acknowledge-pin').fill('1234')
  await app.getByTestId('acknowledge-ok').click()
  await expect(app.getByTestId('acknowledge-error')).toContainText('主管密码不正确')
  await app.getByTestId('acknowledge-pin').fill('808182')
  await app.getByTestId('acknowledge-ok').click()
  await expect(detail.getByTestId('attention')).toBeHidden()
  await expect(detail.getByTestId('timeline')).toContainText('主管已核对')
  await snapStill(app, 'order-acknowledged')
  const after = await call(core, 'orders:get', { outTradeNo })
  expect(after.ok && after.value.order.attention).toBeNull()
})
