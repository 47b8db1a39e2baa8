// The cancel rules against the sandbox over loopback: the 15 s earliest cancel
// counted from the pay call's end, refusals (20011) retried until the 5-minute
// window closes, Stop that frees the counter at once, and a review order that a
// recheck finds still open inside the window being cancelled.
import { afterEach, describe, expect, it } from 'vitest'
import type { OrderView } from '../shared/contract'
import { DEFAULT_BODY } from './engine'
import { earliestCancelAt, scaledPolicy } from './policy'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'

let core: TestCore
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.dispose()
})

async function pay(c: TestCore, authCode: string, amountFen = 1234): Promise<OrderView> {
  const r = await c.dispatch('payment:payByCode', { amountFen, authCode })
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as OrderView
}

function calls(c: TestCore, outTradeNo: string): { call: string; outcome: string; at: number }[] {
  return c.services.journal.db.prepare('SELECT call, outcome, at FROM audit WHERE ref = ? ORDER BY id').all(outTradeNo) as { call: string; outcome: string; at: number }[]
}

describe('earliestCancelAt', () => {
  const policy = { ...scaledPolicy(1), minCancelAfterMs: 15_000, cancelMarginMs: 1_000, payCallMaxMs: 10_000 }
  it('counts 15 s (+ margin) from the end of the pay call, which is after the gateway received it', () => {
    expect(earliestCancelAt(policy, 1_000, 4_000)).toBe(4_000 + 16_000)
  })
  it('without a known end (crash mid-call): from the send plus the longest a pay call may take', () => {
    expect(earliestCancelAt(policy, 1_000, null)).toBe(1_000 + 10_000 + 16_000)
  })
})

describe('Stop and the cancel rules', () => {
  it('Stop answers at once with one state (cancelling + countdown) and frees the counter for the next sale', async () => {
    core = await startTestCore({ paymentPolicy: { ...scaledPolicy(0.01), minCancelAfterMs: 400 } })
    const first = await pay(core, CODES.neverPays)
    const r = await core.dispatch('payment:stop', { outTradeNo: first.outTradeNo })
    expect(r.ok).toBe(true)
    const stopped = (r as { value: OrderView }).value
    expect(stopped.state).toBe('cancelling')
    expect(stopped.step.code).toBe('WAITING_TO_CANCEL')
    expect(stopped.deadlineAt).toBeGreaterThan(Date.now())
    // The next sale starts while the first one is still being cancelled.
    const second = await pay(core, CODES.instant, 500)
    expect((await core.settle(second.outTradeNo)).state).toBe('paid')
    expect(core.services.journal.orders.get(first.outTradeNo)!.state).toBe('cancelling')
    const done = await core.settle(first.outTradeNo)
    expect(done.state).toBe('cancelled')
    // never a cancel sooner than the rule after the pay call ended
    const rows = calls(core, first.outTradeNo)
    const payAt = rows.find((x) => x.call === 'pay')!.at
    const cancelAt = rows.find((x) => x.call === 'cancel')!.at
    expect(cancelAt - payAt).toBeGreaterThanOrEqual(400)
  })

  it('a stopped order keeps "cancelling" through queries: no line says the customer is still paying', async () => {
    core = await startTestCore({ paymentPolicy: { ...scaledPolicy(0.01), minCancelAfterMs: 300 } })
    const o = await pay(core, CODES.neverPays)
    await new Promise((res) => setTimeout(res, 60)) // the order is "paying" (awaiting the customer)
    const seen: OrderView[] = []
    core.bus.on('payment:update', (v) => v.outTradeNo === o.outTradeNo && seen.push(v))
    core.services.engine.stop(o.outTradeNo)
    await core.settle(o.outTradeNo)
    const beforeFinal = seen.filter((v) => v.state !== 'cancelled')
    expect(beforeFinal.length).toBeGreaterThan(0)
    expect(beforeFinal.every((v) => v.state === 'cancelling' && !v.awaitingCustomer)).toBe(true)
    expect(calls(core, o.outTradeNo).filter((x) => x.call === 'orderquery').length).toBeGreaterThan(1)
  })

  it('cancels refused with 20011 are retried with backoff and queries between, until one succeeds', async () => {
    core = await startTestCore()
    core.services.sandbox!.control.failNext('cancel', '20011', { count: 3 })
    const o = await pay(core, CODES.neverPays)
    core.services.engine.stop(o.outTradeNo)
    const done = await core.settle(o.outTradeNo)
    expect(done.state).toBe('cancelled')
    expect(core.services.sandbox!.state.findOrder(o.outTradeNo)!.status).toBe('closed')
    const seq = calls(core, o.outTradeNo).map((x) => x.call)
    const cancels = seq.filter((x) => x === 'cancel').length
    expect(cancels).toBe(4)
    // between two cancels there is always a query
    const firstCancel = seq.indexOf('cancel')
    for (let i = firstCancel; i < seq.length - 1; i++) if (seq[i] === 'cancel') expect(seq[i + 1]).toBe('orderquery')
    const timeline = core.services.journal.orders.events(o.outTradeNo).map((e) => e.note)
    expect(timeline.some((n) => n?.code === 'CANCEL_RETRY' && n.params?.['state'] === 'failed' && String(n.params['text']).startsWith('20011'))).toBe(true)
  })

  it('refusals that last the whole 5-minute window end in review, not before', async () => {
    core = await startTestCore({ paymentPolicy: { ...scaledPolicy(0.01), cancelWindowMs: 700 } })
    core.services.sandbox!.control.failNext('cancel', '20011', { count: 1000 })
    const o = await pay(core, CODES.neverPays)
    core.services.engine.stop(o.outTradeNo)
    const done = await core.settle(o.outTradeNo)
    expect(done.state).toBe('review')
    const rows = calls(core, o.outTradeNo)
    const cancels = rows.filter((x) => x.call === 'cancel')
    expect(cancels.length).toBeGreaterThan(2)
    const submitted = core.services.journal.orders.get(o.outTradeNo)!.submitted_at!
    // the order went to review only once the window had closed
    const reviewAt = core.services.journal.orders.events(o.outTradeNo).find((e) => e.to_state === 'review')!.at
    expect(reviewAt - submitted).toBeGreaterThanOrEqual(700)
  })

  it('a review order that a recheck finds still open inside the window is cancelled', async () => {
    core = await startTestCore({ reviewSweepMs: 0, paymentPolicy: { ...scaledPolicy(0.01), cancelWindowMs: 600 } })
    const control = core.services.sandbox!.control
    control.failNext('cancel', '20011', { count: 1000 })
    const o = await pay(core, CODES.neverPays)
    core.services.engine.stop(o.outTradeNo)
    expect((await core.settle(o.outTradeNo)).state).toBe('review')
    // The engine's window has closed, the gateway's (5 real minutes) has not: a person asks again.
    control.clearFaults()
    core.services.journal.db.prepare('UPDATE orders SET submitted_at = ? WHERE out_trade_no = ?').run(Date.now(), o.outTradeNo)
    const r = await core.dispatch('orders:recheck', { outTradeNo: o.outTradeNo })
    expect(r.ok).toBe(true)
    await core.services.engine.idle()
    const after = core.services.journal.orders.get(o.outTradeNo)!
    expect(after.state).toBe('cancelled')
    expect(after.attention).toBeNull()
    expect(control).toBeTruthy()
    expect(core.services.sandbox!.state.findOrder(o.outTradeNo)!.status).toBe('closed')
  })
})

describe('per-sale maximum and the shift cashier', () => {
  it('a sale above the maximum is refused with AMOUNT_LIMIT before any order exists', async () => {
    core = await startTestCore()
    const max = core.services.settings.view().maxSaleFen
    const r = await core.dispatch('payment:payByCode', { amountFen: max + 1, authCode: CODES.instant })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('AMOUNT_LIMIT')
    expect(core.services.journal.db.prepare('SELECT count(*) n FROM orders').get()).toEqual({ n: 0 })
    expect(core.services.sandbox!.state.requests.length).toBe(0)
    expect((await core.settle((await pay(core, CODES.instant, max)).outTradeNo)).state).toBe('paid')
  })

  it('the maximum changes only with the supervisor PIN', async () => {
    core = await startTestCore()
    const noPin = await core.dispatch('settings:update', { patch: { maxSaleFen: 100 } })
    expect(noPin.ok).toBe(false)
    expect((await core.dispatch('settings:setPin', { next: '246813' })).ok).toBe(true)
    const wrong = await core.dispatch('settings:update', { patch: { maxSaleFen: 100 }, pin: '111111' })
    expect(wrong.ok).toBe(false)
    const right = await core.dispatch('settings:update', { patch: { maxSaleFen: 1000, confirmAboveFen: 500 }, pin: '246813' })
    expect(right.ok).toBe(true)
    const r = await core.dispatch('payment:payByCode', { amountFen: 1001, authCode: CODES.instant })
    expect(!r.ok && r.error.code).toBe('AMOUNT_LIMIT')
    const bad = await core.dispatch('settings:update', { patch: { confirmAboveFen: 2000 }, pin: '246813' })
    expect(!bad.ok && bad.error.code).toBe('VALIDATION')
  })

  it("an order's cashier is the open shift's cashier, not the default name in Settings", async () => {
    core = await startTestCore()
    expect((await core.dispatch('shifts:open', { cashier: '王芳', floatFen: 0 })).ok).toBe(true)
    const o = await pay(core, CODES.instant)
    expect(o.cashier).toBe('王芳')
  })

  it('an order without a typed description says what was sold in general terms, not the store name', async () => {
    core = await startTestCore()
    const o = await core.settle((await pay(core, CODES.instant)).outTradeNo)
    expect(o.body).toBe(DEFAULT_BODY)
    expect(o.body).not.toBe(core.services.settings.view().storeName)
    expect(core.services.sandbox!.state.findOrder(o.outTradeNo)!.body).toBe(DEFAULT_BODY)
  })
})
