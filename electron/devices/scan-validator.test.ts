import { describe, expect, it } from 'vitest'
import { ScanEvent, ScanRejected } from '../shared/contract'
import { isTwoPaymentCodes, ScanValidator } from './scan-validator'

const v = new ScanValidator(() => 1_700_000_000_000)
const check = (text: string) => v.checkText('serial', text)

describe('ScanValidator', () => {
  it('gives payment codes their paytype', () => {
    const r = check('134567890123456789')
    expect(r).toEqual({ ok: true, scan: { source: 'serial', code: '134567890123456789', paytype: 'WECHAT', at: 1_700_000_000_000 } })
    expect(check('281234567890123456')).toMatchObject({ ok: true, scan: { paytype: 'ALIPAY' } })
    expect(check('6212345678901234567')).toMatchObject({ ok: true, scan: { paytype: 'UNIONPAY' } })
  })

  it('emits a product barcode (EAN-13 starting 69) as a scan that is not a payment code', () => {
    const r = check('6901234567892')
    expect(r).toMatchObject({ ok: true, scan: { code: '6901234567892', paytype: null } })
    if (r.ok) expect(ScanEvent.safeParse(r.scan).success).toBe(true)
  })

  it.each([
    ['134567\u000789', 'control-chars'],
    ['1345\u007f', 'control-chars'],
    ['1345\u0085', 'control-chars'],
    ['1345\r6789', 'glued'],
    ['1345\n6789', 'glued'],
    ['1345\t6789', 'glued'],
    ['134567890123456789134567890123456789', 'glued'],
    ['281234567890123456134567890123456789', 'glued'],
    ['1'.repeat(129), 'too-long'],
    ['12\u200b34', 'not-text'],
    ['12\ufffd34', 'not-text'],
    ['12\ud800', 'not-text'],
    ['', 'incomplete'],
  ])('rejects %j as %s, inside the contract, without the full code in the message', (text, reason) => {
    const r = check(text)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.rejected.reason).toBe(reason)
    expect(ScanRejected.safeParse(r.rejected).success).toBe(true)
    if (text.length >= 16) expect(r.rejected.message).not.toContain(text)
  })

  it('accepts exactly 128 characters and printable Chinese text', () => {
    expect(check('A'.repeat(128)).ok).toBe(true)
    expect(check('商品 条码-01').ok).toBe(true)
  })

  it('passes decoder rejections through with their reason', () => {
    expect(v.check('hid', { kind: 'reject', reason: 'incomplete', message: 'x' })).toMatchObject({ ok: false, rejected: { source: 'hid', reason: 'incomplete' } })
  })

  it('knows a single long Alipay code from two glued codes', () => {
    expect(isTwoPaymentCodes('281234567890123456789012')).toBe(false)
    expect(isTwoPaymentCodes('2812345678901234' + '2812345678901234')).toBe(true)
    expect(isTwoPaymentCodes('6901234567892' + '6901234567892')).toBe(false)
  })
})
