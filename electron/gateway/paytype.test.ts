import { describe, expect, it } from 'vitest'
import { maskCode, payTypeOfAuthCode } from './paytype'

const digits = (prefix: string, length: number) => prefix + '3'.repeat(length - prefix.length)

describe('payTypeOfAuthCode: every prefix rule in DOMAIN.md', () => {
  it('WECHAT: 18 digits starting 10–15', () => {
    for (const p of ['10', '11', '12', '13', '14', '15']) expect(payTypeOfAuthCode(digits(p, 18))).toBe('WECHAT')
    expect(payTypeOfAuthCode(digits('13', 17))).toBeNull()
    expect(payTypeOfAuthCode(digits('13', 19))).toBeNull()
    expect(payTypeOfAuthCode(digits('16', 18))).toBeNull()
    expect(payTypeOfAuthCode(digits('09', 18))).toBeNull()
  })

  it('ALIPAY: 16–24 digits starting 25–30', () => {
    for (const p of ['25', '26', '27', '28', '29', '30']) {
      for (const len of [16, 18, 20, 24]) expect(payTypeOfAuthCode(digits(p, len))).toBe('ALIPAY')
    }
    expect(payTypeOfAuthCode(digits('28', 15))).toBeNull()
    expect(payTypeOfAuthCode(digits('28', 25))).toBeNull()
    expect(payTypeOfAuthCode(digits('24', 18))).toBeNull()
    expect(payTypeOfAuthCode(digits('31', 18))).toBeNull()
  })

  it('UNIONPAY: 19 digits starting 62 (the ambiguous JD 62+17 codes read as UNIONPAY)', () => {
    expect(payTypeOfAuthCode(digits('62', 19))).toBe('UNIONPAY')
    expect(payTypeOfAuthCode(digits('62', 18))).toBeNull()
    expect(payTypeOfAuthCode(digits('62', 20))).toBeNull()
  })

  it('JDPAY: 18 digits starting 18', () => {
    expect(payTypeOfAuthCode(digits('18', 18))).toBe('JDPAY')
    expect(payTypeOfAuthCode(digits('18', 19))).toBeNull()
  })

  it('BESTPAY: 18 digits starting 51', () => {
    expect(payTypeOfAuthCode(digits('51', 18))).toBe('BESTPAY')
    expect(payTypeOfAuthCode(digits('51', 17))).toBeNull()
  })

  it('QQ: 18 digits starting 91', () => {
    expect(payTypeOfAuthCode(digits('91', 18))).toBe('QQ')
    expect(payTypeOfAuthCode(digits('91', 16))).toBeNull()
  })

  it('rejects anything else: letters, spaces, empty, unknown prefixes, non-strings', () => {
    for (const code of ['', ' 134567890123456789', '13456789012345678a', '134567890123456789\n', '991234567890123456', '0000']) {
      expect(payTypeOfAuthCode(code)).toBeNull()
    }
    expect(payTypeOfAuthCode(1345678901 as unknown as string)).toBeNull()
  })
})

describe('maskCode', () => {
  it('keeps the first 4 and last 4 characters only', () => {
    expect(maskCode('134567890123456789')).toBe('1345**********6789')
    expect(maskCode('123456789')).toBe('1234*6789')
  })
  it('hides short values completely', () => {
    expect(maskCode('12345678')).toBe('********')
    expect(maskCode('')).toBe('')
  })
})
