// A refused refund is worded by its reason in both languages (store refunds,
// issue 16), with the amounts as yuan and the counter named; anything else
// falls back to the generic line (null).
import i18next, { type TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en'
import { zhCN } from '../i18n/zh-CN'
import { refundErrorText } from './refund-error-text'

async function tFor(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance()
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng, interpolation: { escapeValue: false } })
  return i18n.t
}

describe('refundErrorText', () => {
  for (const lng of ['zh-CN', 'en'] as const) {
    it(`words every reason in ${lng}`, async () => {
      const t = await tFor(lng)
      expect(refundErrorText(t, { code: 'CONFLICT', message: 'x', params: { reason: 'over-cap', remainingFen: '400' } })).toContain('¥4.00')
      expect(refundErrorText(t, { code: 'CONFLICT', message: 'x', params: { reason: 'over-refundable', remainingFen: '150' } })).toContain('¥1.50')
      expect(refundErrorText(t, { code: 'CONFLICT', message: 'x', params: { reason: 'gateway-refunded', elsewhereFen: '1000' } })).toContain('¥10.00')
      expect(refundErrorText(t, { code: 'CONFLICT', message: 'x', params: { reason: 'cash-elsewhere', counterId: 'POSA' } })).toContain('POSA')
      for (const reason of ['not-refundable', 'refund-no-reused']) expect(refundErrorText(t, { code: 'CONFLICT', message: 'x', params: { reason } })).not.toMatch(/storeRefund|\{\{/)
      expect(refundErrorText(t, { code: 'NOT_FOUND', message: 'x', params: { reason: 'store-order-unknown' } })).not.toMatch(/storeRefund/)
      expect(refundErrorText(t, { code: 'STORE_UNREACHABLE', message: 'x', params: { reason: 'ECONNREFUSED' } })).not.toMatch(/storeRefund/)
      expect(refundErrorText(t, { code: 'CONFLICT', message: 'x' })).toBeNull()
      expect(refundErrorText(t, { code: 'PIN_INVALID', message: 'x' })).toBeNull()
    })
  }
})
