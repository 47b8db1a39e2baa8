import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sign, signingString, verify, verifyDetailed } from './sign'

// The expected MD5s are computed here over strings written out by hand from the
// spec's rules, not by the code under test.
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex').toUpperCase()

describe('sign', () => {
  it('sorts keys in ASCII order (uppercase before lowercase, _ between), drops empty values and sign', () => {
    const params = {
      method: 'pay',
      total_fee: 1,
      mch_id: '00000001',
      body: '超赢支付 image形象店',
      a_b: '1',
      Zeta: 'z',
      attach: '',
      goods_tag: undefined,
      sign: 'ANYTHING',
    }
    const handWritten = 'Zeta=z&a_b=1&body=超赢支付 image形象店&mch_id=00000001&method=pay&total_fee=1'
    expect(signingString(params)).toBe(handWritten)
    expect(sign(params, 'secret')).toBe(md5(`${handWritten}&key=secret`))
    // Also a constant computed outside Node (printf | md5sum) over the same text.
    expect(sign(params, 'secret')).toBe('8FC1153BD38EE080DB6530EEF8E6C480')
  })

  it('is case sensitive in key order: B sorts before a', () => {
    expect(signingString({ a: '1', B: '2' })).toBe('B=2&a=1')
    expect(sign({ a: '1', B: '2', body: '超赢支付' }, 'k')).toBe('6E621AD9B76F05888CF534B7494284C5')
  })

  it('uses raw values, not URL-encoded ones', () => {
    const params = { body: 'a b&c=d/超', out_trade_no: 'T_1' }
    expect(signingString(params)).toBe('body=a b&c=d/超&out_trade_no=T_1')
    expect(sign(params, 'KEY')).toBe(md5('body=a b&c=d/超&out_trade_no=T_1&key=KEY'))
  })

  it('changes with the key and with any value', () => {
    const base = { mch_id: '1', total_fee: '100' }
    expect(sign(base, 'k1')).not.toBe(sign(base, 'k2'))
    expect(sign(base, 'k1')).not.toBe(sign({ ...base, total_fee: '101' }, 'k1'))
  })
})

describe('verify', () => {
  const key = 'merchant-key'
  const answer: Record<string, string> = {
    state: 'SUCCESS',
    code: '10000',
    msg: 'SUCCESS',
    out_trade_no: 'T10001',
    total_fee: '1',
    // A field this code has never heard of: the spec says answers may grow.
    promotion_detail: '[{"promotion_id":"x"}]',
    empty_one: '',
  }
  const handWritten =
    'code=10000&msg=SUCCESS&out_trade_no=T10001&promotion_detail=[{"promotion_id":"x"}]&state=SUCCESS&total_fee=1'
  const signed = { ...answer, sign: md5(`${handWritten}&key=${key}`) }

  it('accepts a correctly signed answer that carries unknown fields', () => {
    expect(verify(signed, key)).toBe(true)
    expect(verifyDetailed(signed, key)).toBe('ok')
  })

  it('rejects a changed value, an added field, a wrong key and a missing sign', () => {
    expect(verify({ ...signed, total_fee: '2' }, key)).toBe(false)
    expect(verify({ ...signed, extra: 'x' }, key)).toBe(false)
    expect(verify(signed, 'other-key')).toBe(false)
    const { sign: _drop, ...unsigned } = signed
    expect(verifyDetailed(unsigned, key)).toBe('missing')
    expect(verifyDetailed({ ...signed, sign: 'ABC' }, key)).toBe('bad')
  })
})
