import { afterEach, describe, expect, it } from 'vitest'
import type { OrderDetail, OrderView, RefundView } from '../shared/contract'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'

let core: TestCore
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.services.refunds.idle()
  await core?.dispose()
})

async function paidOrder(c: TestCore, amountFen = 1000): Promise<OrderView> {
  const r = await c.dispatch('payment:payByCode', { amountFen, authCode: CODES.instant })
  if (!r.ok) throw new Error(r.error.message)
  return c.settle((r.value as OrderView).outTradeNo)
}

async function refund(c: TestCore, outTradeNo: string, amountFen: number, pin = '808182') {
  return c.dispatch('refunds:create', { outTradeNo, amountFen, pin })
}

async function settleRefund(c: TestCore, outRefundNo: string): Promise<RefundView> {
  for (let i = 0; i < 300; i++) {
    const r = c.services.journal.refunds.get(outRefundNo)!
    if (['success', 'failed', 'review'].includes(r.state)) return (await import('./view')).refundView(r)
    await new Promise((res) => setTimeout(res, 20))
  }
  throw new Error('refund did not settle')
}

describe('refunds', () => {
  it('partial then full: distinct out_refund_no, sum never above paid, journal and gateway agree', async () => {
    core = await startTestCore()
    core.services.settings.setPin('808182')
    const o = await paidOrder(core, 1000)
    const a = await refund(core, o.outTradeNo, 300)
    expect(a.ok).toBe(true)
    const b = await refund(core, o.outTradeNo, 700)
    expect(b.ok).toBe(true)
    const ra = (a as { value: RefundView }).value
    const rb = (b as { value: RefundView }).value
    expect(ra.outRefundNo).not.toBe(rb.outRefundNo)
    expect([ra.state, rb.state]).toEqual(['success', 'success'])
    const over = await refund(core, o.outTradeNo, 1)
    expect(over.ok).toBe(false)
    if (!over.ok) expect(over.error.code).toBe('CONFLICT')
    const sandboxOrder = core.services.sandbox!.state.findOrder(o.outTradeNo)!
    expect(core.services.sandbox!.state.refundedFee(sandboxOrder)).toBe(1000)
    const detail = await core.dispatch('orders:get', { outTradeNo: o.outTradeNo })
    expect(detail.ok && (detail.value as { order: OrderView }).order.refundedFen).toBe(1000)
  })

  it('needs the supervisor PIN: wrong PIN refused, then locked after 5 tries — enforced by the engine', async () => {
    core = await startTestCore()
    core.services.settings.setPin('808182')
    const o = await paidOrder(core)
    for (let i = 0; i < 4; i++) {
      const r = await refund(core, o.outTradeNo, 100, '0000')
      expect(!r.ok && r.error.code).toBe('PIN_INVALID')
    }
    const fifth = await refund(core, o.outTradeNo, 100, '0000')
    expect(!fifth.ok && fifth.error.code).toBe('PIN_LOCKED')
    const right = await refund(core, o.outTradeNo, 100, '808182')
    expect(!right.ok && right.error.code).toBe('PIN_LOCKED')
    expect(core.services.journal.refunds.forOrder(o.outTradeNo)).toHaveLength(0)
  })

  it('a refund whose answer is lost is retried with the same out_refund_no and refunds once', async () => {
    core = await startTestCore()
    core.services.settings.setPin('808182')
    const o = await paidOrder(core, 1000)
    core.services.sandbox!.control.failNext('refund', 'reset-after-commit')
    const r = await refund(core, o.outTradeNo, 400)
    expect(r.ok).toBe(true)
    const v = (r as { value: RefundView }).value
    const done = await settleRefund(core, v.outRefundNo)
    expect(done.state).toBe('success')
    const sandboxOrder = core.services.sandbox!.state.findOrder(o.outTradeNo)!
    expect(core.services.sandbox!.state.refundsOf(sandboxOrder)).toHaveLength(1)
    expect(core.services.sandbox!.state.refundedFee(sandboxOrder)).toBe(400)
  })

  it('a refund the gateway never received is re-sent with the same number (reset before commit)', async () => {
    core = await startTestCore()
    core.services.settings.setPin('808182')
    const o = await paidOrder(core, 1000)
    core.services.sandbox!.control.failNext('refund', 'reset-before')
    const r = await refund(core, o.outTradeNo, 250)
    const v = (r as { value: RefundView }).value
    const done = await settleRefund(core, v.outRefundNo)
    expect(done.state).toBe('success')
    const sandboxOrder = core.services.sandbox!.state.findOrder(o.outTradeNo)!
    expect(core.services.sandbox!.state.refundsOf(sandboxOrder).map((x) => x.outRefundNo)).toEqual([v.outRefundNo])
  })

  it('PROCESSING is followed up with refundquery until SUCCESS', async () => {
    core = await startTestCore()
    core.services.settings.setPin('808182')
    const o = await paidOrder(core, 1000)
    const r = await refund(core, o.outTradeNo, 191) // amount ending 91: the sandbox answers PROCESSING first
    const v = (r as { value: RefundView }).value
    expect(['processing', 'submitted']).toContain(v.state)
    expect((await settleRefund(core, v.outRefundNo)).state).toBe('success')
    expect(core.services.journal.audit.all().some((a) => a.call === 'refundquery')).toBe(true)
  })

  it('a refund refused by the gateway is final and frees the amount', async () => {
    core = await startTestCore()
    core.services.settings.setPin('808182')
    const o = await paidOrder(core, 1000)
    const r = await refund(core, o.outTradeNo, 192) // ending 92: refused
    expect(r.ok && (r.value as RefundView).state).toBe('failed')
    expect(core.services.refunds.refundableFen(o.outTradeNo)).toBe(1000)
  })

  it('bad input changes nothing: unknown order, unpaid order, zero amount', async () => {
    core = await startTestCore()
    core.services.settings.setPin('808182')
    const missing = await refund(core, 'NOPE_12345', 100)
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND')
    const zero = await core.dispatch('refunds:create', { outTradeNo: 'NOPE_12345', amountFen: 0, pin: '808182' })
    expect(!zero.ok && zero.error.code).toBe('VALIDATION')
    const unpaid = await core.dispatch('payment:payByCode', { amountFen: 100, authCode: CODES.insufficient })
    const failed = await core.settle((unpaid as { value: OrderView }).value.outTradeNo)
    const r = await refund(core, failed.outTradeNo, 100)
    expect(!r.ok && r.error.code).toBe('CONFLICT')
  })
})

describe('refunds of Alipay orders', () => {
  it('refund an Alipay order partially then fully (Alipay is queried by refund number only)', async () => {
    core = await startTestCore()
    core.services.settings.setPin('808182')
    const r = await core.dispatch('payment:payByCode', { amountFen: 900, authCode: CODES.alipayInstant })
    const o = await core.settle((r as { value: OrderView }).value.outTradeNo)
    expect(o.paytype).toBe('ALIPAY')
    expect((await refund(core, o.outTradeNo, 400)).ok).toBe(true)
    const rest = await refund(core, o.outTradeNo, 500)
    expect(rest.ok && (rest.value as RefundView).state).toBe('success')
    const over = await refund(core, o.outTradeNo, 1)
    expect(!over.ok && over.error.code).toBe('CONFLICT')
    expect(core.services.sandbox!.state.refundedFee(core.services.sandbox!.state.findOrder(o.outTradeNo)!)).toBe(900)
  })

  it('the order timeline names states and calls by code (the renderer words them)', async () => {
    core = await startTestCore()
    const r = await core.dispatch('payment:payByCode', { amountFen: 900, authCode: CODES.password })
    const o = await core.settle((r as { value: OrderView }).value.outTradeNo)
    const d = await core.dispatch('orders:get', { outTradeNo: o.outTradeNo })
    const texts = (d as { value: OrderDetail }).value.timeline.map((t) => t.text)
    expect(texts).toContainEqual({ code: 'STATE_CHANGED', params: { from: 'submitted', to: 'paying' } })
    expect(texts).toContainEqual({ code: 'GATEWAY_CALL', params: { call: 'orderquery', outcome: 'paid' } })
  })
})
