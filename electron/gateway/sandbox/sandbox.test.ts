// The sandbox as a server, spoken to with hand-built form posts (no client):
// request signatures, answer shape, control switch, Chinese text, shutdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sign, verify } from '../sign'
import { DEMO_MERCHANT } from './demo'
import { startSandboxGateway, type SandboxGateway } from './server'

let sb: SandboxGateway
beforeAll(async () => {
  sb = await startSandboxGateway({
    agentId: DEMO_MERCHANT.agentId,
    mchId: DEMO_MERCHANT.mchId,
    keys: DEMO_MERCHANT.keys,
    merchantProfile: { mobile: DEMO_MERCHANT.mobile },
  })
})
afterAll(() => sb.close())

const KEY = DEMO_MERCHANT.keys.merchant
let n = 0
function form(extra: Record<string, string>, key: string | null = KEY): Record<string, string> {
  n += 1
  const fields = { agent_id: DEMO_MERCHANT.agentId, mch_id: DEMO_MERCHANT.mchId, nonce_str: `n${n}`, ...extra }
  return key === null ? fields : { ...fields, sign: sign(fields, key) }
}
async function post(path: string, fields: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${sb.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

describe('request signatures', () => {
  it('a bad or missing request sign is refused with 20002, in a signed answer', async () => {
    const pay = { method: 'pay', out_trade_no: 'S_10001', total_fee: '1', body: 'x', auth_code: '134567890123454242' }
    const bad = await post('/UnifiedPay/Gateway', { ...form(pay), total_fee: '2' })
    expect(bad.json).toMatchObject({ state: 'FAIL', code: '20002' })
    expect(verify(bad.json as Record<string, string>, KEY)).toBe(true)
    expect((await post('/UnifiedPay/Gateway', form(pay, null))).json).toMatchObject({ code: '20002' })
    expect((await post('/UnifiedPay/Gateway', form(pay, DEMO_MERCHANT.keys.agent))).json).toMatchObject({ code: '20002' })
    expect(sb.state.findOrder('S_10001')).toBeUndefined()
  })

  it('activation calls are checked against the agent key', async () => {
    const sms = { mobile: DEMO_MERCHANT.mobile }
    const { mch_id: _m, ...withAgentKey } = form(sms, null)
    const signed = { ...withAgentKey, sign: sign(withAgentKey, DEMO_MERCHANT.keys.agent) }
    const ok = await post('/Mch/GetMchSMSValid', signed)
    expect(ok.json).toMatchObject({ state: 'SUCCESS', code: '20' })
    expect(verify(ok.json as Record<string, string>, DEMO_MERCHANT.keys.agent)).toBe(true)
    const wrong = { ...withAgentKey, sign: sign(withAgentKey, KEY) }
    expect((await post('/Mch/GetMchSMSValid', wrong)).json).toMatchObject({ code: '20002' })
  })
})

describe('answers', () => {
  it('are shaped like the spec example: all values strings, signed over every field; Chinese body kept', async () => {
    const body = '超赢支付-测试 image形象店'
    const r = await post('/UnifiedPay/Gateway', form({ method: 'pay', out_trade_no: 'S_10002', total_fee: '388', body, auth_code: '134567890123454242' }))
    expect(r.status).toBe(200)
    for (const name of ['state', 'code', 'msg', 'trade_state', 'mch_id', 'transaction_id', 'out_trade_no', 'total_fee', 'time_end', 'nonce_str', 'sign']) {
      expect(typeof r.json[name], name).toBe('string')
    }
    expect(Object.values(r.json).every((v) => typeof v === 'string')).toBe(true)
    expect(r.json).toMatchObject({ state: 'SUCCESS', code: '10000', trade_state: 'SUCCESS', total_fee: '388' })
    expect(verify(r.json as Record<string, string>, KEY)).toBe(true)
    expect(sb.state.findOrder('S_10002')).toMatchObject({ body, status: 'paid', codeMasked: '1345**********4242' })
  })

  it('refuse missing fields (20004) and unknown merchants (unsigned 20005)', async () => {
    const noProduct = await post('/Open/WECHAT_PreOrder', form({ trade_type: 'NATIVE', out_trade_no: 'S_10003', total_fee: '1', body: 'x' }))
    expect(noProduct.json).toMatchObject({ code: '20004' })
    const stranger = await post('/UnifiedPay/Gateway', { ...form({ method: 'orderquery', paytype: 'WECHAT', out_trade_no: 'S_10003' }), mch_id: 'nobody' })
    expect(stranger.json).toMatchObject({ code: '20005' })
    expect(stranger.json.sign).toBeUndefined()
  })

  it('unknown paths are 404, GET is 405, and the control API is off unless enabled', async () => {
    expect((await fetch(`${sb.url}/UnifiedPay/Nothing`, { method: 'POST' })).status).toBe(404)
    expect((await fetch(`${sb.url}/UnifiedPay/Gateway`)).status).toBe(405)
    expect((await fetch(`${sb.url}/__control/state`)).status).toBe(404)
    expect((await fetch(`${sb.url}/__control/reset`, { method: 'POST' })).status).toBe(404)
  })
})

describe('lifecycle', () => {
  it('close() ends held (timeout-fault) requests and frees the port promptly', async () => {
    const other = await startSandboxGateway({ agentId: 'a1', mchId: 'm1', keys: { agent: 'ka', merchant: 'km' }, enableControl: true })
    other.control.failNext('orderquery', 'timeout')
    const fields = { method: 'orderquery', agent_id: 'a1', mch_id: 'm1', paytype: 'WECHAT', out_trade_no: 'S_10004' }
    const pending = fetch(`${other.url}/UnifiedPay/Gateway`, { method: 'POST', body: new URLSearchParams({ ...fields, sign: sign(fields, 'km') }) }).then(
      () => 'answered',
      () => 'dropped',
    )
    await new Promise((r) => setTimeout(r, 50))
    const started = Date.now()
    await other.close()
    expect(Date.now() - started).toBeLessThan(1000)
    expect(await pending).toBe('dropped')
  })
})
