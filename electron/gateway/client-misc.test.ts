// QR pre-orders, face auth, merchant activation, which key signs which call,
// and what the log and the audit may contain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GATEWAY_CALLS, keyScopeOf } from './calls'
import { DEMO_MERCHANT } from './sandbox/demo'
import { DELAYS_MS } from './sandbox/scenarios'
import { startPair, tradeNo, wechatCode, type TestPair } from '../test-support/gateway-pair'

let t: TestPair
beforeAll(async () => {
  t = await startPair()
})
afterAll(() => t.sandbox.close())

describe('QR pre-orders (NATIVE), scenario by the amount in fen', () => {
  const query = (outTradeNo: string, paytype: 'WECHAT' | 'ALIPAY' = 'WECHAT') => t.client.orderQuery({ paytype, outTradeNo })

  it('WeChat: created with a code_url; unpaid until the customer pays after the delay', async () => {
    const no = tradeNo('Q')
    const r = await t.client.wechatPreOrder({ outTradeNo: no, totalFee: 1250, body: '扫码点单' })
    expect(r).toMatchObject({ kind: 'created', codeUrl: expect.stringMatching(/^weixin:\/\/wxpay\/bizpayurl\?pr=/) })
    expect(await query(no)).toEqual({ kind: 'unpaid' })
    t.clock.advance(DELAYS_MS.qrPaid)
    expect(await query(no)).toMatchObject({ kind: 'paid', totalFee: 1250 })
  })

  it('Alipay: created; the order lives under ALIPAY', async () => {
    const no = tradeNo('Q')
    expect(await t.client.alipayPreOrder({ outTradeNo: no, totalFee: 1294, body: '扫码点单' })).toMatchObject({
      kind: 'created',
      codeUrl: expect.stringMatching(/^https:\/\/qr\.alipay\.com\//),
    })
    expect(await query(no, 'ALIPAY')).toMatchObject({ kind: 'paid' }) // ends in 94: paid at once
  })

  it('…91 never paid: stays unpaid; cancel closes it', async () => {
    const no = tradeNo('Q')
    await t.client.wechatPreOrder({ outTradeNo: no, totalFee: 1091, body: 'x' })
    t.clock.advance(60_000)
    expect(await query(no)).toEqual({ kind: 'unpaid' })
    expect(await t.client.cancel({ paytype: 'WECHAT', outTradeNo: no, opUserId: 'c1' })).toEqual({ kind: 'cancelled' })
    expect(await query(no)).toEqual({ kind: 'closed' })
  })

  it('…92 refused (final); …93 closes by itself', async () => {
    expect(await t.client.wechatPreOrder({ outTradeNo: tradeNo('Q'), totalFee: 1092, body: 'x' })).toMatchObject({ kind: 'failed', code: '20013' })
    const no = tradeNo('Q')
    await t.client.wechatPreOrder({ outTradeNo: no, totalFee: 1093, body: 'x' })
    t.clock.advance(DELAYS_MS.qrClose)
    expect(await query(no)).toEqual({ kind: 'closed' })
  })
})

describe('face auth', () => {
  it('returns authinfo and expires_in as a number of seconds', async () => {
    const r = await t.client.getFaceAuth({ storeId: DEMO_MERCHANT.storeId, storeName: DEMO_MERCHANT.storeName, deviceId: 'cam1', rawdata: 'eNPJNgR26U88' })
    expect(r).toMatchObject({ kind: 'ok', expiresIn: 3600, storeId: DEMO_MERCHANT.storeId, mchId: DEMO_MERCHANT.mchId, appid: expect.any(String) })
    if (r.kind === 'ok') expect(r.authinfo.length).toBeGreaterThan(10)
  })
})

describe('merchant activation (agent key)', () => {
  it('SMS then GetMchId by mobile + code gives the merchant and its trade code', async () => {
    expect(await t.client.sendMerchantSms({ mobile: DEMO_MERCHANT.mobile })).toEqual({ kind: 'ok', validMinutes: 20 })
    expect(await t.client.getMerchant({ mobile: DEMO_MERCHANT.mobile, valid: '000000' })).toMatchObject({ kind: 'failed', code: '20004' })
    expect(await t.client.getMerchant({ mobile: DEMO_MERCHANT.mobile, valid: DEMO_MERCHANT.smsCode })).toEqual({
      kind: 'ok',
      mchId: DEMO_MERCHANT.mchId,
      mchTradeCode: DEMO_MERCHANT.keys.merchant,
      fullName: DEMO_MERCHANT.fullName,
      shortName: DEMO_MERCHANT.shortName,
      state: 'active',
    })
  })

  it('GetMchId by username + password; wrong password is a final refusal; unknown mobile too', async () => {
    expect(await t.client.getMerchant({ username: DEMO_MERCHANT.username, password: DEMO_MERCHANT.password })).toMatchObject({ kind: 'ok', mchId: DEMO_MERCHANT.mchId })
    expect(await t.client.getMerchant({ username: DEMO_MERCHANT.username, password: 'nope' })).toMatchObject({ kind: 'failed', code: '20004' })
    expect(await t.client.sendMerchantSms({ mobile: '13900000000' })).toMatchObject({ kind: 'failed', code: '20005' })
  })

  it('Mch_Reg creates a pending merchant that GetMchId then finds', async () => {
    const r = await t.client.registerMerchant({ mch_name: '新店有限公司', mobile: '13711112222' })
    expect(r).toMatchObject({ kind: 'ok', mchId: expect.any(String) })
    await t.client.sendMerchantSms({ mobile: '13711112222' })
    const m = await t.client.getMerchant({ mobile: '13711112222', valid: DEMO_MERCHANT.smsCode })
    expect(m).toMatchObject({ kind: 'ok', state: 'pending', fullName: '新店有限公司' })
    if (r.kind === 'ok') expect(m).toMatchObject({ mchId: r.mchId })
  })
})

describe('which key signs which call', () => {
  it('the table: activation calls use the agent key, everything else the merchant key', () => {
    const agent = Object.keys(GATEWAY_CALLS).filter((c) => keyScopeOf(c as keyof typeof GATEWAY_CALLS) === 'agent')
    expect(agent.sort()).toEqual(['GetMchId', 'GetMchSMSValid', 'Mch_Reg'])
  })

  // The sandbox signs its 20002 answer with the real key, which a client holding a wrong key
  // cannot verify: the result is unknown, with the unverified claim in the reason.
  it('a wrong agent key breaks only the activation calls (20002), a wrong merchant key only the trade calls', async () => {
    const refusedUnverified = { kind: 'unknown', reason: expect.stringMatching(/does not verify.*unverified answer says 20002/) }
    const wrongAgent = t.clientWith({ keys: { agent: 'wrong-agent-key', merchant: DEMO_MERCHANT.keys.merchant } })
    expect(await wrongAgent.sendMerchantSms({ mobile: DEMO_MERCHANT.mobile })).toMatchObject(refusedUnverified)
    expect(await wrongAgent.pay({ outTradeNo: tradeNo(), totalFee: 1, body: 'x', authCode: wechatCode() })).toMatchObject({ kind: 'paid' })

    const wrongMerchant = t.clientWith({ keys: { agent: DEMO_MERCHANT.keys.agent, merchant: 'wrong-merchant-key' } })
    expect(await wrongMerchant.pay({ outTradeNo: tradeNo(), totalFee: 1, body: 'x', authCode: wechatCode() })).toMatchObject(refusedUnverified)
    expect(await wrongMerchant.sendMerchantSms({ mobile: DEMO_MERCHANT.mobile })).toMatchObject({ kind: 'ok' })
  })

  it('an unknown merchant or agent is refused (the answer for an unknown merchant is unsigned: unknown)', async () => {
    expect(await t.clientWith({ agentId: '999' }).pay({ outTradeNo: tradeNo(), totalFee: 1, body: 'x', authCode: wechatCode() })).toMatchObject({ kind: 'failed', code: '20012' })
    expect(await t.clientWith({ mchId: 'nobody' }).pay({ outTradeNo: tradeNo(), totalFee: 1, body: 'x', authCode: wechatCode() })).toMatchObject({ kind: 'unknown', reason: 'answer has no signature; unverified answer says 20005 商户不存在' })
  })
})

describe('log and audit hold no secrets and no full codes', () => {
  it('after a round of calls, keys, codes, SMS code and password appear nowhere; masked codes do', async () => {
    t.log.lines.length = 0
    t.audits.length = 0
    const code = wechatCode('0008')
    await t.client.pay({ outTradeNo: tradeNo(), totalFee: 10, body: 'x', authCode: code })
    await t.client.facepay({ outTradeNo: tradeNo(), totalFee: 10, body: 'x', faceCode: 'FACECODE-SECRET-4242', openid: 'oOpenid-123456' })
    await t.client.getMerchant({ mobile: DEMO_MERCHANT.mobile, valid: DEMO_MERCHANT.smsCode })
    await t.client.getMerchant({ username: DEMO_MERCHANT.username, password: DEMO_MERCHANT.password })
    const written = `${t.log.text()}\n${JSON.stringify(t.audits)}`
    for (const secret of [DEMO_MERCHANT.keys.agent, DEMO_MERCHANT.keys.merchant, code, 'FACECODE-SECRET-4242', DEMO_MERCHANT.password, DEMO_MERCHANT.smsCode]) {
      expect(written).not.toContain(secret)
    }
    expect(written).toContain('1345**********0008')
    expect(written).not.toContain('"sign"')
    expect(t.audits).toHaveLength(4)
    expect(t.audits[0]).toMatchObject({ call: 'pay', path: '/UnifiedPay/Gateway', outcome: 'unknown', httpStatus: 200, error: expect.stringMatching(/signature/) })
    expect(t.audits[0]!.response).toMatchObject({ code: '10000' })
    expect(t.audits[2]!.response).toMatchObject({ mch_trade_code: '***' })
  })

  it('one audit entry per HTTP call, with timing; a throwing audit sink does not break the call', async () => {
    const c = t.clientWith({ onAudit: () => { throw new Error('disk full') } })
    expect(await c.pay({ outTradeNo: tradeNo(), totalFee: 10, body: 'x', authCode: wechatCode() })).toMatchObject({ kind: 'paid' })
    t.audits.length = 0
    await t.client.orderQuery({ paytype: 'WECHAT', outTradeNo: tradeNo() })
    expect(t.audits).toHaveLength(1)
    expect(t.audits[0]).toMatchObject({ call: 'orderquery', outcome: 'notFound', error: null })
    expect(t.audits[0]!.durationMs).toBeGreaterThanOrEqual(0)
    expect(t.audits[0]!.request).toMatchObject({ method: 'orderquery', paytype: 'WECHAT', nonce_str: expect.stringMatching(/^[0-9a-f]{32}$/) })
  })
})
