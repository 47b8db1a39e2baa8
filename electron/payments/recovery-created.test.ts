// Recovery never voids what the gateway may know: an order or refund left in
// `created` (e.g. a journal rolled back past its `submitted` mark) is asked
// about first, and voided only when the gateway says "does not exist" twice.
// Real journal, real sandbox over loopback.
import { afterEach, describe, expect, it } from 'vitest'
import { msg, type OrderView, type RefundView } from '../shared/contract'
import { newOutRefundNo } from './ids'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'

let core: TestCore | null = null
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.services.refunds.idle()
  await core?.dispose()
  core = null
})

function createdRow(c: TestCore, outTradeNo: string, amountFen: number) {
  return c.services.journal.orders.insert({
    out_trade_no: outTradeNo,
    method: 'code',
    paytype: 'WECHAT',
    amount_fen: amountFen,
    body: 'test',
    step: msg('ORDER_CREATING'),
    auth_code_masked: null,
    cashier: 'c',
    shift_id: c.services.shifts.ensureOpen('c').id,
    created_at: Date.now(),
  })
}

const queries = (c: TestCore, ref: string) => c.services.journal.audit.forRef(ref).filter((a) => a.call === 'orderquery')

describe('recovery of orders and refunds still in `created`', () => {
  it('an order the sandbox knows is settled from its answer; one it does not know is voided after two "not found"', async () => {
    core = await startTestCore()
    const c = core
    const known = 'T1KNOWN0000000000001'
    const unknown = 'T1UNKNOWN000000000002'
    // The pay request left (the sandbox has it, paid), but the journal only knows `created`.
    const paid = await c.services.gateway().pay({ outTradeNo: known, totalFee: 880, body: 'test', authCode: CODES.instant })
    expect(paid.kind).toBe('paid')
    createdRow(c, known, 880)
    createdRow(c, unknown, 990)

    expect(c.services.engine.recover()).toBe(2)
    const a = await c.settle(known)
    const b = await c.settle(unknown)
    expect(a).toMatchObject({ state: 'paid', amountFen: 880 })
    expect(a.transactionId).toBe(paid.kind === 'paid' ? paid.transactionId : null)
    expect(b).toMatchObject({ state: 'failed', failure: { code: 'NOT_SUBMITTED' } })
    expect(queries(c, unknown).map((q) => q.outcome)).toEqual(['notFound', 'notFound'])
    expect(queries(c, known).length).toBeGreaterThan(0)
  })

  it('a refund the sandbox knows is followed to success; one it does not know is voided, never sent', async () => {
    core = await startTestCore()
    const c = core
    c.services.settings.setPin('808182')
    const r = await c.dispatch('payment:payByCode', { amountFen: 2000, authCode: CODES.instant })
    const order = await c.settle((r as { value: OrderView }).value.outTradeNo)
    expect(order.state).toBe('paid')
    const no = order.outTradeNo
    const knownRefund = newOutRefundNo(no, 901)
    const unknownRefund = newOutRefundNo(no, 902)
    const sent = await c.services.gateway().refund({ paytype: 'WECHAT', outTradeNo: no, outRefundNo: knownRefund, totalFee: 2000, refundFee: 500, opUserId: 'c' })
    expect(sent.kind).toBe('success')
    const now = Date.now()
    for (const [ref, fen] of [[knownRefund, 500], [unknownRefund, 300]] as const) {
      c.services.journal.refunds.insert({ out_refund_no: ref, out_trade_no: no, amount_fen: fen, step: msg('REFUND_SUBMITTING'), reason: '', shift_id: null, created_at: now })
    }
    const views: RefundView[] = []
    c.bus.on('refunds:update', (v) => views.push(v))
    expect(c.services.refunds.recover()).toBe(2)
    await c.services.refunds.idle()
    expect(c.services.journal.refunds.get(knownRefund)).toMatchObject({ state: 'success' })
    expect(c.services.journal.refunds.get(unknownRefund)).toMatchObject({ state: 'failed', failure_code: 'NOT_SUBMITTED' })
    // The voided one was asked about, never sent.
    const calls = c.services.journal.audit.forRef(unknownRefund).map((a) => a.call)
    expect(calls).not.toContain('refund')
    expect(calls.filter((x) => x === 'refundquery')).toHaveLength(2)
    expect(c.services.journal.orders.get(no)?.refunded_fen).toBe(500)
  })
})
