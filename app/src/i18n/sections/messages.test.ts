// Every message code the core can send has words in both languages: walks the
// contract's enum through the real dictionaries (zh-CN.ts / en.ts as the app
// loads them), then words a few messages end to end through messageText.
import i18next, { type TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { MESSAGE_CALLS, MESSAGE_CODES, MESSAGE_OUTCOMES, msg, ScanRejectReason } from '../../../../electron/shared/contract'
import { paymentErrorText } from '../../lib/error-text'
import { messageText } from '../../lib/message-text'
import { en } from '../en'
import { zhCN } from '../zh-CN'

const CJK = /[\u4e00-\u9fff]/
/** Names that are the same in a Chinese sentence. */
const NAMES = new Set(['WeChat', 'Alipay', 'UnionPay', 'SDK', 'QR', 'HID', 'PIN'])

/** What is wrong with a zh-CN string, '' when nothing. */
function zhProblem(text: unknown): string {
  if (typeof text !== 'string') return 'missing'
  if (text.trim() === '') return 'empty'
  const words = text.replace(/\{\{\w+\}\}/g, '')
  if (CJK.test(words)) return ''
  const ascii = words.match(/[A-Za-z]+/g) ?? []
  // Only placeholders and symbols ('{{from}} → {{to}}'): the words come in worded.
  return ascii.every((w) => NAMES.has(w)) ? '' : `ASCII-only: ${text}`
}

function enProblem(text: unknown): string {
  if (typeof text !== 'string') return 'missing'
  if (text.trim() === '') return 'empty'
  return CJK.test(text) ? `Chinese in English: ${text}` : ''
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

function check(section: 'code' | 'outcome' | 'call' | 'scanReject', keys: readonly string[]) {
  const zh = zhCN.messages[section] as Record<string, unknown>
  const english = en.messages[section] as Record<string, unknown>
  const problems: string[] = []
  for (const key of keys) {
    const z = zhProblem(zh[key])
    const e = enProblem(english[key])
    if (z) problems.push(`zh-CN ${section}.${key}: ${z}`)
    if (e) problems.push(`en ${section}.${key}: ${e}`)
    if (!z && !e && placeholders(zh[key] as string).join() !== placeholders(english[key] as string).join()) {
      problems.push(`${section}.${key}: the two languages use different params`)
    }
  }
  return problems
}

describe('message dictionaries', () => {
  it('word every message code of the contract in zh-CN and en', () => {
    expect(check('code', MESSAGE_CODES)).toEqual([])
  })

  it('word every gateway answer and call a message may name', () => {
    expect(check('outcome', MESSAGE_OUTCOMES)).toEqual([])
    expect(check('call', MESSAGE_CALLS)).toEqual([])
  })

  it('word every reason the core gives for refusing a scan', () => {
    expect(check('scanReject', ScanRejectReason.options)).toEqual([])
  })

  it('the checks themselves catch a missing key, an empty string and an English-only zh-CN string', () => {
    expect(zhProblem(undefined)).toBe('missing')
    expect(zhProblem(' ')).toBe('empty')
    expect(zhProblem('orderquery: paid')).toMatch(/ASCII-only/)
    expect(zhProblem('请用 WeChat 扫码')).toBe('')
    expect(zhProblem('WeChat')).toBe('')
    expect(zhProblem('{{from}} → {{to}}')).toBe('')
    expect(enProblem('收款成功')).toMatch(/Chinese/)
  })
})

async function wording(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance()
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng, interpolation: { escapeValue: false } })
  return i18n.t
}

describe('messageText', () => {
  it('words params: money through formatYuan, states, gateway answers and calls in the reader’s language', async () => {
    const zh = await wording('zh-CN')
    const english = await wording('en')
    const cases = [
      [msg('REFUND_SUCCEEDED', { amountFen: 123456 }), '退款成功：¥1,234.56', 'Refunded ¥1,234.56'],
      [msg('GATEWAY_ANSWER', { call: 'orderquery', state: 'paid' }), '网关回答（查询订单）：已支付', 'Gateway answer (Order query): paid'],
      [msg('STATE_CHANGED', { from: 'submitted', to: 'paying' }), '已提交 → 等待顾客支付', 'Submitted → Paying'],
      [msg('WAITING_PASSWORD'), '顾客正在输入密码 / 确认支付，请稍候', 'The customer is entering the password / confirming, please wait'],
      [msg('LEGACY_TEXT', { text: 'orderquery: paid' }), 'orderquery: paid', 'orderquery: paid'],
      [msg('PAY_FAILED', { code: '10006', text: '余额不足' }), '支付失败：余额不足（10006）', 'Payment refused: 余额不足 (10006)'],
    ] as const
    for (const [m, zhText, enText] of cases) {
      expect(messageText(zh, m)).toBe(zhText)
      expect(messageText(english, m)).toBe(enText)
    }
  })

  it('an optional param that is absent reads as nothing, never as {{text}}', async () => {
    const zh = await wording('zh-CN')
    expect(messageText(zh, msg('ACKNOWLEDGED'))).not.toContain('{{')
    expect(messageText(zh, msg('GATEWAY_REFUSED', { code: '20006' }))).toBe('网关：（20006）')
  })
})

describe('a refused scan', () => {
  it('is worded from its reason code, not from the core’s English', async () => {
    const zh = await wording('zh-CN')
    const english = await wording('en')
    const glued = { code: 'INVALID_CODE' as const, message: 'two codes in one read', params: { reason: 'glued' } }
    expect(paymentErrorText(zh, glued)).toBe(`扫码内容无法使用，未收款：${zhCN.messages.scanReject.glued}`)
    expect(paymentErrorText(english, glued)).toContain(en.messages.scanReject.glued)
    expect(paymentErrorText(zh, glued)).not.toContain('two codes')
    expect(paymentErrorText(zh, { code: 'INVALID_CODE', message: 'not a payment code of a known wallet' })).toBe(zhCN.panel.invalidCode)
  })
})
