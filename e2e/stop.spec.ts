// Stop answers at once: one state (停止中) with the countdown to the earliest
// cancel; the cashier starts the next sale while the stopped order is cancelled
// in the background (orders list), and a toast says when it ended.
import { scaledPolicy } from '../electron/payments/policy'
import { call, CODES, expect, snap, test, typeAmount } from './fixtures'
import { wedgeScan } from './scanner'

// The earliest cancel is 20 s after the pay call here: long enough to see the
// countdown and start a second sale meanwhile even on a heavily loaded machine.
test.use({ coreOptions: { paymentPolicy: { ...scaledPolicy(0.1), minCancelAfterMs: 20_000 }, sandbox: { timeScale: 0.2 }, gatewayTimeoutMs: 30_000 } })

test('Stop while the customer enters the password: 停止中 at once; the next sale goes on; a toast when the stopped order ends', async ({ app, core }) => {
  test.setTimeout(90_000)
  await typeAmount(app, '20')
  await wedgeScan(app, CODES.wechatNeverPays)
  await expect(app.getByTestId('panel-title')).toHaveText(/顾客正在输入密码/)
  const first = await call(core, 'payment:current', {})
  if (!first.ok || !first.value) throw new Error('no order in flight')
  const stopped = first.value.outTradeNo

  await app.keyboard.press('Escape')
  const panel = app.getByTestId('payment-panel')
  await expect(panel).toHaveAttribute('data-state', 'cancelling')
  await expect(app.getByTestId('panel-title')).toHaveText(/停止中/)
  await expect(app.getByTestId('countdown')).toContainText('秒后撤销')
  await expect(app.getByTestId('stopping-why')).toContainText('15 秒')
  // one state: nothing says the customer is still paying, nothing says "stopped: cancelled" yet
  await expect(panel).not.toContainText('顾客正在输入密码')
  await expect(panel).not.toContainText('已撤销')
  await expect(app.getByTestId('stop')).toBeDisabled()
  await expect(app.getByTestId('new-sale')).toBeEnabled()
  await snap(app, 'checkout-stopping')

  // The next sale while the first one is still being cancelled (its state when the second order appears).
  let firstWhenSecondStarted: string | undefined
  core.bus.on('payment:update', (o) => {
    if (o.outTradeNo !== stopped && firstWhenSecondStarted === undefined) firstWhenSecondStarted = core.services.journal.orders.get(stopped)?.state
  })
  await app.getByTestId('new-sale').click()
  await expect(app.getByTestId('amount')).toHaveText('¥0.00')
  await typeAmount(app, '3.30')
  await wedgeScan(app, CODES.wechatInstant)
  await expect(panel).toHaveAttribute('data-state', 'paid')
  await expect(app.getByTestId('panel-amount')).toHaveText('¥3.30')
  expect(firstWhenSecondStarted).toBe('cancelling')

  // Tracked in the orders list meanwhile.
  await app.getByTestId('nav-orders').click()
  await expect(app.getByText(stopped)).toBeVisible()

  // The stopped order ends in the background: a toast says so.
  await expect(app.getByText(`已停止的订单 ${stopped} 已撤销，未扣款`)).toBeVisible({ timeout: 45_000 })
  expect(core.services.journal.orders.get(stopped)?.state).toBe('cancelled')
  // the gateway never saw the cancel sooner than 20 s (the rule here) after the pay call
  const audit = core.services.journal.db.prepare('SELECT call, at FROM audit WHERE ref = ? ORDER BY id').all(stopped) as { call: string; at: number }[]
  const payAt = audit.find((a) => a.call === 'pay')!.at
  const cancelAt = audit.find((a) => a.call === 'cancel')!.at
  expect(cancelAt - payAt).toBeGreaterThanOrEqual(20_000)
  await snap(app, 'orders-after-background-cancel')
})
