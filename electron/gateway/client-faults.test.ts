// Every injected fault, for every kind of call, is classified as "unknown"
// (pay/refund: query it; queries: retry) — never as success or failure.
// Faults are queued through the sandbox control API, over HTTP and in-process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULTS, type TransportFault as Fault } from './sandbox/types'
import { startPair, tradeNo, wechatCode, type TestPair } from '../test-support/gateway-pair'

let t: TestPair
beforeAll(async () => {
  t = await startPair({ sandbox: { enableControl: true } })
})

// Held requests wait for the client timeout, so the timeout fault gets a short one;
// every other call keeps the helper's generous 2 s (the machine is shared and busy).
const clientFor = (fault: Fault) => (fault === 'timeout' ? t.clientWith({ timeoutMs: 250 }) : t.client)
afterAll(() => t.sandbox.close())

const REASON: Record<Fault, RegExp> = {
  timeout: /timed out after 250 ms/,
  'reset-before': /connection failed/,
  'reset-after-commit': /connection failed/,
  '5xx': /HTTP 502/,
  html: /unparseable answer \(HTML/,
  truncated: /unparseable answer/,
  badsign: /signature does not verify \(20003\)/,
  nosign: /no signature/,
  '30001': /30001/,
}

async function controlHttp(path: string, body: unknown): Promise<Response> {
  return fetch(`${t.sandbox.url}/__control/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

describe.each(FAULTS)('fault %s', (fault) => {
  const c = () => clientFor(fault)
  it('pay → unknown; the order exists exactly when the fault commits', async () => {
    const no = tradeNo()
    const res = await controlHttp('fault', { call: 'pay', fault, count: 1 })
    expect(res.status).toBe(200)
    const r = await c().pay({ outTradeNo: no, totalFee: 300, body: '故障测试', authCode: wechatCode('4242') })
    expect(r).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(REASON[fault]) })
    const q = await t.client.orderQuery({ paytype: 'WECHAT', outTradeNo: no })
    const commits = ['timeout', 'reset-after-commit', 'html', 'truncated', 'badsign', 'nosign'].includes(fault)
    expect(q.kind).toBe(commits ? 'paid' : 'notFound')
  })

  it('orderQuery → unknown (retryable); the next query answers', async () => {
    const no = tradeNo()
    await t.client.pay({ outTradeNo: no, totalFee: 300, body: 'x', authCode: wechatCode('4242') })
    t.sandbox.control.failNext('orderquery', fault)
    expect(await c().orderQuery({ paytype: 'WECHAT', outTradeNo: no })).toMatchObject({ kind: 'unknown' })
    expect(await t.client.orderQuery({ paytype: 'WECHAT', outTradeNo: no })).toMatchObject({ kind: 'paid' })
  })

  it('refund → unknown; retrying with the same out_refund_no refunds once', async () => {
    const no = tradeNo()
    await t.client.pay({ outTradeNo: no, totalFee: 300, body: 'x', authCode: wechatCode('4242') })
    t.sandbox.control.failNext('refund', fault)
    const req = { paytype: 'WECHAT' as const, outTradeNo: no, outRefundNo: `R${no}`, totalFee: 300, refundFee: 120, opUserId: 'c1' }
    expect(await c().refund(req)).toMatchObject({ kind: 'unknown' })
    expect(await t.client.refund(req)).toMatchObject({ kind: 'success', refundFee: 120 })
    const rq = await t.client.refundQuery({ paytype: 'WECHAT', outTradeNo: no })
    expect(rq).toMatchObject({ kind: 'ok', refundFeeSummary: 120 })
  })

  it('cancel, refundQuery, preorder and merchant calls → unknown (or retry for a signed 30001 cancel)', async () => {
    const no = tradeNo()
    await t.client.pay({ outTradeNo: no, totalFee: 300, body: 'x', authCode: wechatCode('4242') })
    t.sandbox.control.failNext('cancel', fault)
    expect((await c().cancel({ paytype: 'WECHAT', outTradeNo: no, opUserId: 'c1' })).kind).toBe(fault === '30001' ? 'retry' : 'unknown')
    t.sandbox.control.failNext('refundquery', fault)
    expect((await c().refundQuery({ paytype: 'WECHAT', outTradeNo: no })).kind).toBe('unknown')
    t.sandbox.control.failNext('WECHAT_PreOrder', fault)
    expect((await c().wechatPreOrder({ outTradeNo: tradeNo('Q'), totalFee: 500, body: 'x' })).kind).toBe('unknown')
    t.sandbox.control.failNext('GetMchId', fault)
    expect((await c().getMerchant({ username: 'demo', password: 'demo1234' })).kind).toBe('unknown')
  })
})

describe('fault queue', () => {
  it('applies to the next N calls of that method only, then stops', async () => {
    const no = tradeNo()
    await t.client.pay({ outTradeNo: no, totalFee: 100, body: 'x', authCode: wechatCode('4242') })
    t.sandbox.control.failNext('orderquery', '5xx', { count: 2 })
    expect(await t.client.getFaceAuth({ storeId: 's1', storeName: '门店', deviceId: 'd1', rawdata: 'raw' })).toMatchObject({ kind: 'ok' })
    const q = () => t.client.orderQuery({ paytype: 'WECHAT', outTradeNo: no })
    expect((await q()).kind).toBe('unknown')
    expect((await q()).kind).toBe('unknown')
    expect((await q()).kind).toBe('paid')
  })

  it('commit can be overridden: a reset before the call takes effect leaves no order', async () => {
    const no = tradeNo()
    t.sandbox.control.failNext('pay', 'timeout', { commit: false })
    expect((await clientFor('timeout').pay({ outTradeNo: no, totalFee: 100, body: 'x', authCode: wechatCode('4242') })).kind).toBe('unknown')
    expect(await t.client.orderQuery({ paytype: 'WECHAT', outTradeNo: no })).toEqual({ kind: 'notFound' })
  })

  it('the HTTP control API: pay now, close, state, bad input, reset', async () => {
    const paidLater = tradeNo()
    const closedLater = tradeNo()
    await t.client.pay({ outTradeNo: paidLater, totalFee: 100, body: 'x', authCode: wechatCode('0002') })
    await t.client.pay({ outTradeNo: closedLater, totalFee: 100, body: 'x', authCode: wechatCode('0002') })
    expect((await controlHttp('pay', { outTradeNo: paidLater })).status).toBe(200)
    expect((await controlHttp('close', { outTradeNo: closedLater })).status).toBe(200)
    expect(await t.client.orderQuery({ paytype: 'WECHAT', outTradeNo: paidLater })).toMatchObject({ kind: 'paid' })
    expect(await t.client.orderQuery({ paytype: 'WECHAT', outTradeNo: closedLater })).toEqual({ kind: 'closed' })
    // Paying a closed order is refused, and so are unknown faults.
    expect((await controlHttp('pay', { outTradeNo: closedLater })).status).toBe(400)
    expect((await controlHttp('fault', { call: 'pay', fault: 'meteor' })).status).toBe(400)
    expect((await controlHttp('fault', { call: 'teleport', fault: '5xx' })).status).toBe(400)
    const state = (await (await fetch(`${t.sandbox.url}/__control/state`)).json()) as { orders: { outTradeNo: string; status: string }[] }
    expect(state.orders.find((o) => o.outTradeNo === paidLater)?.status).toBe('paid')
    expect((await controlHttp('reset', {})).status).toBe(200)
    expect(t.sandbox.state.orders.size).toBe(0)
    expect(await t.client.orderQuery({ paytype: 'WECHAT', outTradeNo: paidLater })).toEqual({ kind: 'notFound' })
  })
})
