import { afterEach, describe, expect, it } from 'vitest'
import { msg, type OrderDetail, type OrderView } from '../shared/contract'
import { scaledPolicy } from './policy'
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

describe('payment engine against the sandbox', () => {
  it('instant success ends paid with the transaction id, matching the sandbox', async () => {
    core = await startTestCore()
    const o = await pay(core, CODES.instant)
    const done = await core.settle(o.outTradeNo)
    expect(done.state).toBe('paid')
    expect(done.transactionId).toBeTruthy()
    expect(done.paytype).toBe('WECHAT')
    expect(core.services.sandbox?.state.findOrder(o.outTradeNo)?.status).toBe('paid')
  })

  it('password then paid: the order waits for the customer, then ends paid', async () => {
    core = await startTestCore()
    const steps: OrderView[] = []
    core.bus.on('payment:update', (v) => steps.push(v))
    const o = await pay(core, CODES.password)
    const done = await core.settle(o.outTradeNo)
    expect(done.state).toBe('paid')
    expect(steps.some((s) => s.awaitingCustomer && s.state === 'paying')).toBe(true)
  })

  it('customer never pays: queried, then cancelled at the deadline; the sandbox order is closed', async () => {
    core = await startTestCore()
    const o = await pay(core, CODES.neverPays)
    const done = await core.settle(o.outTradeNo)
    expect(done.state).toBe('cancelled')
    expect(['closed', 'reversed']).toContain(core.services.sandbox?.state.findOrder(o.outTradeNo)?.status)
  })

  it('insufficient funds is a final failure with the gateway reason', async () => {
    core = await startTestCore()
    const done = await core.settle((await pay(core, CODES.insufficient)).outTradeNo)
    expect(done.state).toBe('failed')
    expect(done.failure?.message).toBeTruthy()
  })

  it.each([
    ['dropAfterCommit'],
    ['badSign'],
    ['noSign'],
    ['html'],
    ['truncated'],
    ['slow'],
    ['http5xx'],
    ['network30001'],
    ['systemError'],
    ['invalid'],
  ] as const)('%s: the order ends final, paid exactly when the sandbox has the money', async (name) => {
    core = await startTestCore()
    const o = await pay(core, CODES[name])
    const done = await core.settle(o.outTradeNo)
    const truth = core.services.sandbox?.state.findOrder(o.outTradeNo)?.status
    expect(done.state === 'paid').toBe(truth === 'paid')
    expect(['paid', 'cancelled', 'closed', 'failed']).toContain(done.state)
  })

  it('a second scan while an order is in flight is refused with BUSY and never sent', async () => {
    core = await startTestCore()
    const first = await pay(core, CODES.neverPays)
    const r = await core.dispatch('payment:payByCode', { amountFen: 100, authCode: CODES.instant })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('BUSY')
    core.services.engine.stop(first.outTradeNo)
    expect((await core.settle(first.outTradeNo)).state).toBe('cancelled')
    const rows = core.services.journal.db.prepare('SELECT count(*) n FROM orders').get() as { n: number }
    expect(rows.n).toBe(1)
    expect(core.services.journal.audit.all().filter((a) => a.call === 'pay')).toHaveLength(1)
  })

  it('an unknown code is rejected at the counter with no network call', async () => {
    core = await startTestCore()
    const r = await core.dispatch('payment:payByCode', { amountFen: 100, authCode: '6901234567892' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('INVALID_CODE')
    expect(core.services.journal.audit.all()).toHaveLength(0)
  })

  it.each([
    [1091, ['cancelled', 'closed']], // never paid → cancelled at the deadline
    [1092, ['failed']], // refused
    [1093, ['closed', 'cancelled']], // closes by itself
    [1094, ['paid']], // paid at once
  ])('QR scenario %i ends %j, agreeing with the sandbox', async (amountFen, states) => {
    core = await startTestCore()
    const r = await core.dispatch('payment:payByQr', { amountFen, paytype: 'WECHAT' })
    const done = await core.settle((r as { value: OrderView }).value.outTradeNo)
    expect(states).toContain(done.state)
    const truth = core.services.sandbox?.state.findOrder(done.outTradeNo)?.status ?? 'absent'
    expect(done.state === 'paid').toBe(truth === 'paid')
    expect(['paying', 'unpaid']).not.toContain(truth)
  })

  it('QR pre-order: code_url shown, then paid when the customer scans', async () => {
    core = await startTestCore()
    const updates: OrderView[] = []
    core.bus.on('payment:update', (v) => updates.push(v))
    const r = await core.dispatch('payment:payByQr', { amountFen: 500, paytype: 'ALIPAY' })
    expect(r.ok).toBe(true)
    const o = (r as { value: OrderView }).value
    const done = await core.settle(o.outTradeNo)
    expect(done.state).toBe('paid')
    expect(updates.some((u) => u.codeUrl)).toBe(true)
  })

  it('the journal keeps every transition and a masked audit of each call', async () => {
    core = await startTestCore()
    const o = await pay(core, CODES.password)
    await core.settle(o.outTradeNo)
    const d = await core.dispatch('orders:get', { outTradeNo: o.outTradeNo })
    expect(d.ok).toBe(true)
    const audit = JSON.stringify(core.services.journal.audit.all())
    expect(audit).not.toContain(CODES.password)
    expect(audit).toContain('orderquery')
  })
})

describe('stop and the cancel rules', () => {
  it('Stop right after the scan: no cancel sooner than the policy allows after the pay call, then cancelled', async () => {
    core = await startTestCore()
    const o = await pay(core, CODES.neverPays)
    core.services.engine.stop(o.outTradeNo)
    const done = await core.settle(o.outTradeNo)
    expect(done.state).toBe('cancelled')
    expect(done.step.code).toBe('CANCELLED_BY_CASHIER')
    const rows = core.services.journal.db.prepare('SELECT call, at FROM audit WHERE ref = ? ORDER BY id').all(o.outTradeNo) as { call: string; at: number }[]
    const payAt = rows.find((r) => r.call === 'pay')!.at
    const cancelAt = rows.find((r) => r.call === 'cancel')!.at
    expect(cancelAt - payAt).toBeGreaterThanOrEqual(150) // 15 s scaled by 0.01
    // a last query right before the cancel
    const beforeCancel = rows[rows.findIndex((r) => r.call === 'cancel') - 1]
    expect(beforeCancel?.call).toBe('orderquery')
  })

  it('Stop while the customer is paying: the paid result wins, nothing is forgotten', async () => {
    core = await startTestCore()
    const o = await pay(core, CODES.password)
    await new Promise((r) => setTimeout(r, 110)) // the customer finishes at 100 ms (scaled)
    core.services.engine.stop(o.outTradeNo)
    const done = await core.settle(o.outTradeNo)
    expect(done.state).toBe('paid')
    expect(core.services.sandbox?.state.findOrder(o.outTradeNo)?.status).toBe('paid')
  })

  it('the order closes by itself at the wallet: closed, not paid', async () => {
    core = await startTestCore()
    const done = await core.settle((await pay(core, CODES.closesItself)).outTradeNo)
    expect(['closed', 'cancelled']).toContain(done.state)
  })

  it('a cancel answered "still paying" goes back to querying and tries again', async () => {
    // The sandbox refuses to cancel a paying order during its 15 s (scaled) guard;
    // a policy that cancels earlier than that meets the refusal.
    core = await startTestCore({ paymentPolicy: { ...scaledPolicy(0.01), minCancelAfterMs: 5 } })
    const o = await pay(core, CODES.neverPays)
    core.services.engine.stop(o.outTradeNo)
    const done = await core.settle(o.outTradeNo)
    expect(done.state).toBe('cancelled')
    const calls = core.services.journal.audit.forRef(o.outTradeNo).map((a) => `${a.call}:${a.outcome}`)
    expect(calls).toContain('cancel:paying')
    const afterRefusal = calls.slice(calls.indexOf('cancel:paying') + 1)
    expect(afterRefusal[0]).toMatch(/^orderquery:/)
    expect(afterRefusal.at(-1)).toBe('cancel:cancelled')
  })
})

describe('face payment (simulated camera, real getfaceauth/facepay against the sandbox)', () => {
  async function face(c: TestCore, amountFen: number): Promise<OrderView> {
    const r = await c.dispatch('payment:payByFace', { amountFen })
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return c.settle((r.value as OrderView).outTradeNo)
  }

  it('success: authinfo from getfaceauth, face code from the camera, facepay paid', async () => {
    core = await startTestCore()
    const done = await face(core, 1200)
    expect(done.state).toBe('paid')
    expect(done.method).toBe('face')
    expect(done.paytype).toBe('WECHAT')
    const calls = core.services.journal.audit.all().map((a) => a.call)
    expect(calls).toContain('getfaceauth')
    expect(calls).toContain('facepay')
  })

  it('authinfo is reused while valid: one getfaceauth for two face payments', async () => {
    core = await startTestCore()
    await face(core, 1200)
    await face(core, 1300)
    expect(core.services.journal.audit.all().filter((a) => a.call === 'getfaceauth')).toHaveLength(1)
  })

  it.each([
    [1211, 'cancelled', 'FACE_CANCELLED'],
    [1222, 'cancelled', 'FACE_SWITCHED_TO_CODE'],
    [1233, 'failed', 'FACE_FAILED'],
  ])('amount %i: the customer cancels / switches to a code / the SDK fails → %s, nothing sent to facepay', async (amount, state, step) => {
    core = await startTestCore()
    const done = await face(core, amount)
    expect(done.state).toBe(state)
    expect(done.step.code).toBe(step)
    expect(core.services.journal.audit.all().filter((a) => a.call === 'facepay')).toHaveLength(0)
  })
})

describe('what the gateway would refuse never leaves an order open', () => {
  it('a long Chinese description is cut to the gateway’s 128 bytes on a character boundary', async () => {
    core = await startTestCore()
    const r = await core.dispatch('payment:payByCode', { amountFen: 100, authCode: CODES.instant, body: '超赢聚合支付测试商品'.repeat(10) })
    const done = await core.settle((r as { value: OrderView }).value.outTradeNo)
    expect(done.state).toBe('paid')
    expect(Buffer.byteLength(done.body)).toBeLessThanOrEqual(128)
    expect(done.body.startsWith('超赢聚合支付')).toBe(true)
  })

  it('live mode without a gateway refuses the sale before creating an order', async () => {
    core = await startTestCore()
    core.services.journal.setSetting('settings', JSON.stringify({ mode: 'live', gatewayUrl: '', agentId: '', mchId: '' }))
    core.services.settings.reload()
    const r = await core.dispatch('payment:payByCode', { amountFen: 100, authCode: CODES.instant })
    expect(!r.ok && r.error.code).toBe('NOT_CONFIGURED')
    expect((core.services.journal.db.prepare('SELECT count(*) n FROM orders').get() as { n: number }).n).toBe(0)
  })
})

describe('order search', () => {
  it('finds by order number prefix and amount text; totals are capped, not counted to the end', async () => {
    core = await startTestCore()
    const o = await core.settle((await pay(core, CODES.instant, 1230)).outTradeNo)
    const byNo = await core.dispatch('orders:search', { text: o.outTradeNo.slice(0, 16) })
    expect(byNo.ok && (byNo.value as { items: OrderView[] }).items[0]?.outTradeNo).toBe(o.outTradeNo)
    const byAmount = await core.dispatch('orders:search', { text: '12.30' })
    expect(byAmount.ok && (byAmount.value as { total: number; totalCapped: boolean })).toMatchObject({ total: 1, totalCapped: false })
    // as a cashier types it: "25" finds ¥25.00, and the format the screens show works too
    const paid25 = await core.settle((await pay(core, CODES.instant, 2500)).outTradeNo)
    for (const text of ['25', '25.0', '¥25.00']) {
      const r = await core.dispatch('orders:search', { text })
      expect(r.ok && (r.value as { items: OrderView[] }).items.map((i) => i.outTradeNo)).toEqual([paid25.outTradeNo])
    }
    const none = await core.dispatch('orders:search', { text: '99.99' })
    expect(none.ok && (none.value as { total: number }).total).toBe(0)
  })
})

describe('flagged orders', () => {
  async function flaggedPaidOrder(c: TestCore): Promise<OrderView> {
    const o = await c.settle((await pay(c, CODES.instant, 800)).outTradeNo)
    // as after a 10002 (paid, then turned to refund) answer
    c.services.journal.orders.transition(o.outTradeNo, 'paid', { attention: msg('ATTENTION_TURNED_TO_REFUND') }, msg('TECHNICAL', { text: 'test: flagged' }), Date.now())
    return o
  }

  it('recheck clears the flag of a paid order when the gateway confirms it paid, and always answers with an update', async () => {
    core = await startTestCore()
    const o = await flaggedPaidOrder(core)
    const updates: OrderView[] = []
    core.bus.on('payment:update', (v) => updates.push(v))
    expect((await core.dispatch('orders:recheck', { outTradeNo: o.outTradeNo })).ok).toBe(true)
    await core.services.engine.idle()
    expect(core.services.journal.orders.get(o.outTradeNo)?.attention).toBeNull()
    expect(updates.at(-1)?.attention).toBeNull()
  })

  it('a supervisor acknowledges a flag with the PIN; the note stays in the timeline', async () => {
    core = await startTestCore()
    core.services.settings.setPin('808182')
    const o = await flaggedPaidOrder(core)
    const wrong = await core.dispatch('orders:acknowledge', { outTradeNo: o.outTradeNo, pin: '0000' })
    expect(!wrong.ok && wrong.error.code).toBe('PIN_INVALID')
    expect(core.services.journal.orders.get(o.outTradeNo)?.attention).not.toBeNull()
    const ok = await core.dispatch('orders:acknowledge', { outTradeNo: o.outTradeNo, pin: '808182', note: '商户后台已核对' })
    expect(ok.ok && (ok.value as OrderView).attention).toBeNull()
    const d = await core.dispatch('orders:get', { outTradeNo: o.outTradeNo })
    const timeline = (d as { value: OrderDetail }).value.timeline
    expect(timeline.some((t) => t.detail?.code === 'ACKNOWLEDGED' && t.detail.params?.['note'] === '商户后台已核对')).toBe(true)
  })

  it('health says the gateway is degraded after a 5xx, and ok again after a verified answer', async () => {
    core = await startTestCore()
    core.services.sandbox!.control.failNext('pay', '5xx')
    const o = await pay(core, CODES.instant)
    await new Promise((r) => setTimeout(r, 30))
    const h1 = await core.dispatch('app:health', {})
    await core.settle(o.outTradeNo)
    expect(h1.ok && (h1.value as { gateway: string }).gateway).toBe('degraded')
    const h2 = await core.dispatch('app:health', {})
    expect(h2.ok && (h2.value as { gateway: string }).gateway).toBe('ok')
  })
})

describe('review sweep', () => {
  it('an order flagged review (gateway unreachable past the cancel window) settles by itself once the gateway answers', async () => {
    core = await startTestCore({ reviewSweepMs: 150, paymentPolicy: { ...scaledPolicy(0.01), cancelWindowMs: 600 } })
    const control = core.services.sandbox!.control
    control.failNext('orderquery', '5xx', { count: 1000 })
    control.failNext('cancel', '30001', { count: 1000 })
    const o = await pay(core, CODES.dropAfterCommit) // the gateway takes the money, the answer is lost
    const flagged = await core.settle(o.outTradeNo)
    expect(flagged.state).toBe('review')
    expect(flagged.attention?.code).toBe('ATTENTION_CANCEL_WINDOW_PASSED')
    control.clearFaults()
    const until = Date.now() + 5_000
    let state = flagged.state
    while (state !== 'paid' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50))
      state = core.services.journal.orders.get(o.outTradeNo)!.state
    }
    expect(state).toBe('paid')
    expect(core.services.journal.orders.get(o.outTradeNo)!.attention).toBeNull()
  })
})
