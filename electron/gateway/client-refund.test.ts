// refund / refundquery against the sandbox: partial, idempotent per
// out_refund_no, never above what was paid; PROCESSING then SUCCESS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELAYS_MS } from './sandbox/scenarios'
import { startPair, tradeNo, wechatCode, type TestPair } from '../test-support/gateway-pair'

let t: TestPair
beforeAll(async () => {
  t = await startPair()
})
afterAll(() => t.sandbox.close())

async function paidOrder(totalFee: number): Promise<string> {
  const no = tradeNo()
  const r = await t.client.pay({ outTradeNo: no, totalFee, body: '退款测试', authCode: wechatCode('4242') })
  expect(r.kind).toBe('paid')
  return no
}
const refund = (outTradeNo: string, outRefundNo: string, refundFee: number, totalFee = 1000) =>
  t.client.refund({ paytype: 'WECHAT', outTradeNo, outRefundNo, totalFee, refundFee, opUserId: 'c1' })

describe('refund', () => {
  it('partial refunds add up; above the remainder is refused; the order turns to refund', async () => {
    const no = await paidOrder(1000)
    expect(await refund(no, 'R-a', 300)).toMatchObject({ kind: 'success', refundFee: 300 })
    expect(await refund(no, 'R-b', 600)).toMatchObject({ kind: 'success', refundFee: 600 })
    expect(await refund(no, 'R-c', 101)).toMatchObject({ kind: 'failed', code: '20008' })
    expect(await refund(no, 'R-c', 100)).toMatchObject({ kind: 'success' })
    expect(await t.client.orderQuery({ paytype: 'WECHAT', outTradeNo: no })).toEqual({ kind: 'refund' })
    const q = await t.client.refundQuery({ paytype: 'WECHAT', outTradeNo: no })
    expect(q).toMatchObject({ kind: 'ok', refundFeeSummary: 1000 })
    if (q.kind !== 'ok') throw new Error('unreachable')
    expect(q.refunds.map((r) => [r.outRefundNo, r.refundFee, r.status])).toEqual([
      ['R-a', 300, 'SUCCESS'],
      ['R-b', 600, 'SUCCESS'],
      ['R-c', 100, 'SUCCESS'],
    ])
    expect(q.refunds[0]!.refundTime).toMatch(/^\d{14}$/)
  })

  it('is idempotent per out_refund_no: the same refund again returns the same refund id, refunded once', async () => {
    const no = await paidOrder(1000)
    const first = await refund(no, 'R-same', 400)
    const again = await refund(no, 'R-same', 400)
    expect(first.kind).toBe('success')
    expect(again).toEqual(first)
    expect(t.sandbox.state.refundedFee(t.sandbox.state.findOrder(no)!)).toBe(400)
    // Reusing the number for another amount is refused.
    expect(await refund(no, 'R-same', 500)).toMatchObject({ kind: 'failed', code: '20008' })
  })

  it('refuses a total_fee that is not the order amount, and an order that is not paid', async () => {
    const no = await paidOrder(1000)
    expect(await refund(no, 'R-x', 100, 999)).toMatchObject({ kind: 'failed', code: '20004' })
    const unpaid = tradeNo()
    await t.client.pay({ outTradeNo: unpaid, totalFee: 1000, body: 'x', authCode: wechatCode('0002') })
    expect(await refund(unpaid, 'R-y', 100)).toMatchObject({ kind: 'failed', code: '20008' })
    expect(await refund(tradeNo(), 'R-z', 100)).toMatchObject({ kind: 'failed', code: '20007' })
  })

  it('refund fee ending in 91: PROCESSING, then SUCCESS after the delay', async () => {
    const no = await paidOrder(1000)
    expect(await refund(no, 'R-slow', 191)).toEqual({ kind: 'processing' })
    const before = await t.client.refundQuery({ paytype: 'WECHAT', outRefundNo: 'R-slow' })
    expect(before).toMatchObject({ kind: 'ok', refunds: [{ outRefundNo: 'R-slow', status: 'PROCESSING', refundTime: '' }] })
    t.clock.advance(DELAYS_MS.refundProcessing)
    const after = await t.client.refundQuery({ paytype: 'WECHAT', outRefundNo: 'R-slow' })
    expect(after).toMatchObject({ kind: 'ok', refunds: [{ outRefundNo: 'R-slow', status: 'SUCCESS', refundFee: 191 }] })
    // And the retry of the same refund now reports success.
    expect(await refund(no, 'R-slow', 191)).toMatchObject({ kind: 'success', refundFee: 191 })
  })

  it('refund fee ending in 92: refused (final), nothing refunded', async () => {
    const no = await paidOrder(1000)
    expect(await refund(no, 'R-no', 192)).toMatchObject({ kind: 'failed', code: '20008' })
    expect(await t.client.refundQuery({ paytype: 'WECHAT', outTradeNo: no })).toEqual({ kind: 'notFound' })
  })

  it('the control API settles a PROCESSING refund at once', async () => {
    const no = await paidOrder(1000)
    await refund(no, 'R-ctl', 291)
    t.sandbox.control.settleRefundNow('R-ctl')
    expect(await t.client.refundQuery({ paytype: 'WECHAT', outRefundNo: 'R-ctl' })).toMatchObject({ refunds: [{ status: 'SUCCESS' }] })
  })
})
