// pay / facepay / orderquery / cancel against the sandbox over real loopback
// HTTP, one test per scenario in sandbox/README.md. The sandbox clock is fake
// (clock.advance), so "pays after 10 s" costs no real time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELAYS_MS } from './sandbox/scenarios'
import { startPair, tradeNo, wechatCode, type TestPair } from '../test-support/gateway-pair'

let t: TestPair
beforeAll(async () => {
  t = await startPair({ client: { timeoutMs: 1000 }, sandbox: { timeScale: 0.2 } })
})
afterAll(() => t.sandbox.close())

const scaled = (ms: number) => ms * 0.2 // slow answer: 3 s against a 1 s client timeout
const pay = (suffix: string, outTradeNo = tradeNo(), totalFee = 1234) =>
  t.client.pay({ outTradeNo, totalFee, body: '测试商品-可乐', authCode: wechatCode(suffix) })
const query = (outTradeNo: string, paytype: 'WECHAT' | 'ALIPAY' = 'WECHAT') => t.client.orderQuery({ paytype, outTradeNo })

describe('pay scenarios', () => {
  it('any other suffix: paid at once, with the amount and our out_trade_no', async () => {
    const no = tradeNo()
    const r = await pay('4242', no, 1234)
    expect(r).toMatchObject({ kind: 'paid', outTradeNo: no, totalFee: 1234 })
    if (r.kind !== 'paid') throw new Error('unreachable')
    expect(r.transactionId).toMatch(/^\d+$/)
    expect(r.timeEnd).toBe('20250115100000') // 02:00 UTC = 10:00 Beijing
    expect(await query(no)).toMatchObject({ kind: 'paid', transactionId: r.transactionId, totalFee: 1234 })
  })

  it('Alipay codes pay too, and the order is kept under ALIPAY', async () => {
    const no = tradeNo()
    expect(await t.client.pay({ outTradeNo: no, totalFee: 50, body: 'x', authCode: '281234567890123456' })).toMatchObject({ kind: 'paid' })
    expect(await query(no, 'ALIPAY')).toMatchObject({ kind: 'paid' })
    expect(await query(no, 'WECHAT')).toEqual({ kind: 'notFound' })
  })

  it('0001 password: paying, then paid once the delay has passed', async () => {
    const no = tradeNo()
    expect(await pay('0001', no)).toMatchObject({ kind: 'paying', code: '10001' })
    expect(await query(no)).toEqual({ kind: 'paying' })
    t.clock.advance(scaled(DELAYS_MS.password))
    expect(await query(no)).toMatchObject({ kind: 'paid', outTradeNo: no })
  })

  it('0002 never pays: stays paying; cancel is refused for 15 s, then closes it', async () => {
    const no = tradeNo()
    expect(await pay('0002', no)).toMatchObject({ kind: 'paying' })
    t.clock.advance(60_000)
    expect(await query(no)).toEqual({ kind: 'paying' })
    const fresh = tradeNo()
    await pay('0002', fresh)
    expect(await t.client.cancel({ paytype: 'WECHAT', outTradeNo: fresh, opUserId: 'cashier1' })).toEqual({ kind: 'paying' })
    expect(await t.client.cancel({ paytype: 'WECHAT', outTradeNo: no, opUserId: 'cashier1' })).toEqual({ kind: 'cancelled' })
    expect(await query(no)).toEqual({ kind: 'closed' })
    // Cancelling again is harmless.
    expect(await t.client.cancel({ paytype: 'WECHAT', outTradeNo: no, opUserId: 'cashier1' })).toEqual({ kind: 'cancelled' })
  })

  it('0003 insufficient funds: final failure, query says failed', async () => {
    const no = tradeNo()
    expect(await pay('0003', no)).toEqual({ kind: 'failed', code: '10006', message: '余额不足' })
    expect(await query(no)).toMatchObject({ kind: 'failed', code: '10006' })
  })

  it('0004 expired code: final failure (20004), no order created', async () => {
    const no = tradeNo()
    expect(await pay('0004', no)).toMatchObject({ kind: 'failed', code: '20004' })
    expect(await query(no)).toEqual({ kind: 'notFound' })
  })

  it('0005 paying, then the order closes by itself', async () => {
    const no = tradeNo()
    expect(await pay('0005', no)).toMatchObject({ kind: 'paying' })
    t.clock.advance(scaled(DELAYS_MS.autoClose))
    expect(await query(no)).toEqual({ kind: 'closed' })
  })

  it('0006 slow answer: the client times out (unknown), but the order was taken and paid', async () => {
    const no = tradeNo()
    const r = await pay('0006', no)
    expect(r.kind).toBe('unknown')
    if (r.kind === 'unknown') expect(r.reason).toMatch(/timed out/)
    expect(await query(no)).toMatchObject({ kind: 'paid' })
  })

  it('0007 connection dropped after the order was taken: unknown, then query finds it paid', async () => {
    const no = tradeNo()
    expect(await pay('0007', no)).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/connection failed/) })
    expect(await query(no)).toMatchObject({ kind: 'paid' })
  })

  it.each([
    ['0008', /signature does not verify/],
    ['0009', /no signature/],
    ['0010', /HTML/],
    ['0012', /unparseable/],
  ])('%s garbled answer (%s): unknown, never paid or failed; the order is paid', async (suffix, reason) => {
    const no = tradeNo()
    const r = await pay(suffix, no)
    expect(r).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(reason) })
    expect(await query(no)).toMatchObject({ kind: 'paid' })
  })

  it('0011 HTTP 502: unknown; the order was not taken', async () => {
    const no = tradeNo()
    expect(await pay('0011', no)).toMatchObject({ kind: 'unknown', reason: 'HTTP 502 from the gateway' })
    expect(await query(no)).toEqual({ kind: 'notFound' })
  })

  it('0013 answer 30001: unknown; the order is paying and pays later', async () => {
    const no = tradeNo()
    expect(await pay('0013', no)).toMatchObject({ kind: 'unknown', code: '30001' })
    expect(await query(no)).toEqual({ kind: 'paying' })
    t.clock.advance(scaled(DELAYS_MS.password))
    expect(await query(no)).toMatchObject({ kind: 'paid' })
  })

  it('0014 answer 20006 system error: unknown; no order', async () => {
    const no = tradeNo()
    expect(await pay('0014', no)).toMatchObject({ kind: 'unknown', code: '20006' })
    expect(await query(no)).toEqual({ kind: 'notFound' })
  })

  it('refuses a second pay with the same out_trade_no and keeps the first order', async () => {
    const no = tradeNo()
    await pay('4242', no, 100)
    expect(await pay('4242', no, 999)).toMatchObject({ kind: 'failed', code: '20004', message: '订单号重复' })
    expect(await query(no)).toMatchObject({ kind: 'paid', totalFee: 100 })
  })
})

describe('facepay: same scenarios keyed by face_code', () => {
  const face = (suffix: string, outTradeNo = tradeNo()) =>
    t.client.facepay({ outTradeNo, totalFee: 880, body: '刷脸支付', faceCode: `face-${suffix}`, openid: 'oUser123' })

  it('instant success and password-then-paid', async () => {
    expect(await face('4242')).toMatchObject({ kind: 'paid', totalFee: 880 })
    const no = tradeNo()
    expect(await face('0001', no)).toMatchObject({ kind: 'paying' })
    t.clock.advance(scaled(DELAYS_MS.password))
    expect(await query(no)).toMatchObject({ kind: 'paid' })
  })

  it('insufficient funds, dropped connection and bad signature', async () => {
    expect(await face('0003')).toMatchObject({ kind: 'failed', code: '10006' })
    const no = tradeNo()
    expect(await face('0007', no)).toMatchObject({ kind: 'unknown' })
    expect(await query(no)).toMatchObject({ kind: 'paid' })
    expect(await face('0008')).toMatchObject({ kind: 'unknown' })
  })
})

describe('cancel', () => {
  const cancel = (outTradeNo: string) => t.client.cancel({ paytype: 'WECHAT', outTradeNo, opUserId: '收银员1' })

  it('reverses a paid order under 5 minutes old', async () => {
    const no = tradeNo()
    await pay('4242', no)
    t.clock.advance(4 * 60_000)
    expect(await cancel(no)).toEqual({ kind: 'cancelled' })
    expect(await query(no)).toEqual({ kind: 'reversed' })
  })

  it('refuses (final) a paid order 5 minutes old or more', async () => {
    const no = tradeNo()
    await pay('4242', no)
    t.clock.advance(5 * 60_000)
    expect(await cancel(no)).toMatchObject({ kind: 'failed', code: '20011' })
    expect(await query(no)).toMatchObject({ kind: 'paid' })
  })

  it('closes a failed order; an order that does not exist is a final refusal', async () => {
    const no = tradeNo()
    await pay('0003', no)
    expect(await cancel(no)).toEqual({ kind: 'cancelled' })
    expect(await query(no)).toEqual({ kind: 'closed' })
    expect(await cancel(tradeNo())).toMatchObject({ kind: 'failed', code: '20007' })
  })

  it('a signed 30001 or 20006 answer means "retry"', async () => {
    const no = tradeNo()
    await pay('0002', no)
    t.sandbox.control.failNext('cancel', '30001')
    expect(await cancel(no)).toMatchObject({ kind: 'retry' })
  })
})
