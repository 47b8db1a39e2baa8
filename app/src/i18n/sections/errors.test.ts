// Every refusal the core can send is worded in both languages: each error code
// on its own, and each (code, reason) the core names (failure-reasons.ts),
// through errorText and the real dictionaries, never the core's own sentence.
import i18next, { type TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { failureReasonPairs } from '../../../../electron/shared/failure-reasons'
import { ERROR_CODES, PosFailure, type PosError } from '../../../../electron/shared/result'
import { errorText } from '../../lib/error-text'
import { en } from '../en'
import { zhCN } from '../zh-CN'

const CJK = /[\u4e00-\u9fff]/
const SENTENCE = '核心自己的句子 core sentence'

async function wording(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance()
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng, interpolation: { escapeValue: false } })
  return i18n.t
}

function problems(t: TFunction, lng: string, error: PosError): string[] {
  const text = errorText(t, error)
  const out: string[] = []
  const name = `${lng} ${error.code}${error.params?.['reason'] ? `.${error.params['reason']}` : ''}`
  if (text.includes(SENTENCE) || text.trim() === '') out.push(`${name}: not worded (${text})`)
  if (lng === 'zh-CN' && !CJK.test(text)) out.push(`${name}: no Chinese in "${text}"`)
  if (lng === 'en' && CJK.test(text)) out.push(`${name}: Chinese in "${text}"`)
  return out
}

describe('refusals in words', () => {
  it('word every error code in zh-CN and en', async () => {
    const found: string[] = []
    for (const [lng, t] of [['zh-CN', await wording('zh-CN')], ['en', await wording('en')]] as const) {
      for (const code of ERROR_CODES) found.push(...problems(t, lng, { code, message: SENTENCE }))
    }
    expect(found).toEqual([])
  })

  it('word every reason the core names, each differently from its code alone', async () => {
    const found: string[] = []
    for (const [lng, t] of [['zh-CN', await wording('zh-CN')], ['en', await wording('en')]] as const) {
      for (const { code, reason } of failureReasonPairs()) {
        const error = { code, message: SENTENCE, params: { reason } }
        found.push(...problems(t, lng, error))
        // A go-live check with no reason reads as 'unexpected' (live-text.ts): the same words by design.
        const bare = errorText(t, { code, message: SENTENCE })
        if (errorText(t, error) === bare && !(code === 'LIVE_CHECK_FAILED' && reason === 'unexpected')) found.push(`${lng} ${code}.${reason}: worded as the bare code`)
      }
    }
    expect(found).toEqual([])
  })

  it('use the same placeholders in both languages', () => {
    const holes = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join()
    const walk = (zh: unknown, english: unknown, path: string): string[] =>
      typeof zh === 'string'
        ? holes(zh) === holes(String(english)) ? [] : [`${path}: ${holes(zh)} vs ${holes(String(english))}`]
        : Object.entries(zh as Record<string, unknown>).flatMap(([k, v]) => walk(v, (english as Record<string, unknown>)[k], `${path}.${k}`))
    expect(walk(zhCN.errors, en.errors, 'errors')).toEqual([])
  })

  it('words figures: fen as ¥ text, a role by its name; the core sentence never shows', async () => {
    const zh = await wording('zh-CN')
    const english = await wording('en')
    const over = new PosFailure('VALIDATION', '实收少于应收', { reason: 'given-below-due', givenFen: '150', amountFen: '120050' })
    const asError = { code: over.code, message: over.message, params: over.params ?? {} }
    expect(errorText(zh, asError)).toBe('实收 ¥1.50 少于应收 ¥1,200.50')
    expect(errorText(english, asError)).toBe('Given ¥1.50 is less than the amount due ¥1,200.50')
    const role = { code: 'ROLE_REQUIRED' as const, message: SENTENCE, params: { role: 'supervisor', action: 'refund' } }
    expect(errorText(zh, role)).toBe('需要主管权限')
    expect(errorText(english, role)).toBe('Needs the Supervisor role')
  })

  it('an unknown reason falls back to the code’s words, not to the core sentence', async () => {
    const zh = await wording('zh-CN')
    expect(errorText(zh, { code: 'NOT_FOUND', message: SENTENCE, params: { reason: 'from-a-newer-core' } })).toBe(zhCN.errors.code.NOT_FOUND)
  })

  it('the check catches an unworded reason', async () => {
    const zh = await wording('zh-CN')
    const t = ((key: string, opts?: { defaultValue?: string }) => (key.startsWith('errors.reason.') ? opts?.defaultValue : zh(key, opts as never))) as TFunction
    expect(errorText(t, { code: 'CONFLICT', message: SENTENCE, params: { reason: 'last-manager' } })).toBe(errorText(t, { code: 'CONFLICT', message: SENTENCE }))
  })
})
