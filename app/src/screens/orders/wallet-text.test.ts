// The orders list's 支付方式 and the refund records' 状态 through the real
// dictionaries (zh-CN.ts / en.ts as the app loads them).
import i18next, { type TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { msg } from '../../../../electron/shared/contract'
import { en } from '../../i18n/en'
import { zhCN } from '../../i18n/zh-CN'
import { refundStateText, walletText } from './wallet-text'

async function tFor(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance()
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng, interpolation: { escapeValue: false } })
  return i18n.t
}

describe('walletText', () => {
  it('names the wallet and the way it was paid; cash is 现金; a wallet order without a paytype is —', async () => {
    const zh = await tFor('zh-CN')
    const e = await tFor('en')
    expect(walletText(zh, { paytype: 'WECHAT', method: 'face' })).toBe('微信 · 刷脸')
    expect(walletText(e, { paytype: 'WECHAT', method: 'face' })).toBe('WeChat · face')
    expect(walletText(zh, { paytype: 'ALIPAY', method: 'code' })).toBe('支付宝 · 付款码')
    expect(walletText(e, { paytype: 'UNIONPAY', method: 'qr' })).toBe('UnionPay · QR')
    expect(walletText(zh, { paytype: null, method: 'cash' })).toBe('现金')
    expect(walletText(zh, { paytype: null, method: 'code' })).toBe('—')
  })
})

describe('refundStateText', () => {
  it('says the state in words, never the amount again; a refund waiting for a person keeps what to do', async () => {
    const zh = await tFor('zh-CN')
    const e = await tFor('en')
    const done = { state: 'success' as const, step: msg('REFUND_SUCCEEDED', { amountFen: 380 }) }
    expect(refundStateText(zh, done)).toBe('成功')
    expect(refundStateText(e, done)).not.toContain('3.80')
    expect(refundStateText(zh, { state: 'processing', step: msg('REFUND_PROCESSING') })).toBe('处理中')
    expect(refundStateText(zh, { state: 'review', step: msg('REFUND_SUBMIT_UNKNOWN') })).toMatch(/^待核对 · .*复查/)
  })
})
