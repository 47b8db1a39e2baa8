// Bad input: a typed GatewayValidationError naming the field, thrown before any
// network call. The sandbox's request log proves nothing reached it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGatewayClient } from './client'
import { DEMO_MERCHANT } from './sandbox/demo'
import { startPair, tradeNo, wechatCode, type TestPair } from '../test-support/gateway-pair'
import type { GatewayClient } from './types'
import { GatewayValidationError } from './validate'

let t: TestPair
beforeAll(async () => {
  t = await startPair()
})
afterAll(() => t.sandbox.close())

async function rejects(run: (c: GatewayClient) => Promise<unknown>, field: string): Promise<GatewayValidationError> {
  const before = t.sandbox.state.requests.length
  const auditsBefore = t.audits.length
  const err = await run(t.client).then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(GatewayValidationError)
  expect((err as GatewayValidationError).field).toBe(field)
  expect(t.sandbox.state.requests.length).toBe(before)
  expect(t.audits.length).toBe(auditsBefore)
  return err as GatewayValidationError
}

const goodPay = { outTradeNo: 'T_12345', totalFee: 100, body: '可乐', authCode: wechatCode() }
const goodRefund = { paytype: 'WECHAT' as const, outTradeNo: 'T_12345', outRefundNo: 'R-1', totalFee: 100, refundFee: 50, opUserId: 'c1' }

describe('pay / facepay fields', () => {
  it.each([
    ['out_trade_no', { outTradeNo: 'T123' }], // 4 chars
    ['out_trade_no', { outTradeNo: 'T'.repeat(33) }],
    ['out_trade_no', { outTradeNo: 'T-12345' }],
    ['out_trade_no', { outTradeNo: '订单12345' }],
    ['total_fee', { totalFee: 0 }],
    ['total_fee', { totalFee: -5 }],
    ['total_fee', { totalFee: 1.5 }],
    ['total_fee', { totalFee: Number.MAX_SAFE_INTEGER + 2 }],
    ['total_fee', { totalFee: '100' }],
    ['body', { body: '' }],
    ['body', { body: '超'.repeat(43) }], // 129 bytes of UTF-8
    ['body', { body: 'a\nb' }],
    ['body', { body: undefined }],
    ['auth_code', { authCode: '999999999999999999' }],
    ['auth_code', { authCode: '' }],
    ['attach', { attach: 'x'.repeat(128) }],
  ])('%s: %j', async (field, patch) => {
    await rejects((c) => c.pay({ ...goodPay, ...patch } as never), field)
  })

  it('never echoes the payment code in the error', async () => {
    const code = '991234567890123456'
    const err = await rejects((c) => c.pay({ ...goodPay, authCode: code }), 'auth_code')
    expect(err.message).not.toContain(code)
  })

  it('facepay needs face_code and openid', async () => {
    const face = { outTradeNo: 'T_12345', totalFee: 100, body: 'x', faceCode: 'fc-1', openid: 'o1' }
    await rejects((c) => c.facepay({ ...face, faceCode: '' }), 'face_code')
    await rejects((c) => c.facepay({ ...face, openid: 'has space' }), 'openid')
  })
})

describe('query, cancel, refund fields', () => {
  it('paytype must be one of the listed ones', async () => {
    await rejects((c) => c.orderQuery({ paytype: 'PAYPAL' as never, outTradeNo: 'T_12345' }), 'paytype')
    await rejects((c) => c.cancel({ paytype: 'wechat' as never, outTradeNo: 'T_12345', opUserId: 'c1' }), 'paytype')
  })

  it('cancel needs op_user_id', async () => {
    await rejects((c) => c.cancel({ paytype: 'WECHAT', outTradeNo: 'T_12345', opUserId: '' }), 'op_user_id')
  })

  it.each([
    ['refund_fee', { refundFee: 101 }],
    ['refund_fee', { refundFee: 0 }],
    ['refund_fee', { refundFee: 2.5 }],
    ['total_fee', { totalFee: -1 }],
    ['out_refund_no', { outRefundNo: '' }],
    ['out_refund_no', { outRefundNo: 'R'.repeat(33) }],
    ['out_refund_no', { outRefundNo: 'R 1' }],
    ['op_user_id', { opUserId: undefined }],
    ['out_trade_no', { outTradeNo: 'bad!' }],
  ])('refund %s: %j', async (field, patch) => {
    await rejects((c) => c.refund({ ...goodRefund, ...patch } as never), field)
  })

  it('refundQuery needs one identifier, and Alipay needs out_refund_no or refund_id', async () => {
    await rejects((c) => c.refundQuery({ paytype: 'WECHAT' }), 'out_trade_no')
    await rejects((c) => c.refundQuery({ paytype: 'ALIPAY', outTradeNo: 'T_12345' }), 'out_refund_no')
  })
})

describe('pre-order, face auth and activation fields', () => {
  it('pre-orders validate amount, number and notify_url', async () => {
    await rejects((c) => c.wechatPreOrder({ outTradeNo: 'Q_12345', totalFee: 0, body: 'x' }), 'total_fee')
    await rejects((c) => c.alipayPreOrder({ outTradeNo: 'Q', totalFee: 1, body: 'x' }), 'out_trade_no')
    await rejects((c) => c.wechatPreOrder({ outTradeNo: 'Q_12345', totalFee: 1, body: 'x', notifyUrl: 'ftp://x' }), 'notify_url')
    await rejects((c) => c.wechatPreOrder({ outTradeNo: 'Q_12345', totalFee: 1, body: 'x', timeExpire: '2025-01-01' }), 'time_expire')
  })

  it('face auth needs every field', async () => {
    const ok = { storeId: 's', storeName: '店', deviceId: 'd', rawdata: 'r' }
    for (const [name, field] of [['storeId', 'store_id'], ['storeName', 'store_name'], ['deviceId', 'device_id'], ['rawdata', 'rawdata']] as const) {
      await rejects((c) => c.getFaceAuth({ ...ok, [name]: '' }), field)
    }
  })

  it('activation: mobile, SMS code, credentials, register fields', async () => {
    await rejects((c) => c.sendMerchantSms({ mobile: '2380000000' }), 'mobile')
    await rejects((c) => c.getMerchant({ mobile: DEMO_MERCHANT.mobile, valid: '12' }), 'valid')
    await rejects((c) => c.getMerchant({ username: 'demo', password: '' }), 'password')
    await rejects((c) => c.getMerchant({} as never), 'mobile')
    await rejects((c) => c.registerMerchant({}), 'fields')
    await rejects((c) => c.registerMerchant({ sign: 'x' }), 'sign')
    await rejects((c) => c.registerMerchant({ 'bad name': 'x' }), 'bad name')
  })
})

describe('client options', () => {
  const base = { baseUrl: 'http://127.0.0.1:1', agentId: 'a', mchId: 'm', keys: { agent: 'ka', merchant: 'km' } }
  it.each([
    ['baseUrl', { baseUrl: 'not a url' }],
    ['baseUrl', { baseUrl: 'file:///etc/passwd' }],
    ['agentId', { agentId: '' }],
    ['mchId', { mchId: undefined }],
    ['keys.agent', { keys: { agent: '', merchant: 'km' } }],
    ['keys.merchant', { keys: { agent: 'ka', merchant: '' } }],
    ['timeoutMs', { timeoutMs: 0 }],
  ])('%s', (field, patch) => {
    let err: unknown = null
    try {
      createGatewayClient({ ...base, ...patch } as never)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(GatewayValidationError)
    expect((err as GatewayValidationError).field).toBe(field)
  })

  it('a valid request after all those still goes through', async () => {
    expect(await t.client.pay({ ...goodPay, outTradeNo: tradeNo() })).toMatchObject({ kind: 'paid' })
  })
})
