// Which wallet a payment code belongs to, from its published prefix and length
// rules (../shared/DOMAIN.md). Decided before any network call: `pay` takes no
// paytype, but query/cancel/refund need one, so it is kept with the order.
import type { PayType } from '../shared/contract/define'

interface PrefixRule {
  paytype: PayType
  test: (code: string) => boolean
}

// Order matters only for the ambiguous JD "62 + 17 digits" codes: a 19-digit code
// starting 62 is read as UNIONPAY (the common case at a counter).
const RULES: readonly PrefixRule[] = [
  { paytype: 'WECHAT', test: (c) => /^1[0-5]\d{16}$/.test(c) },
  { paytype: 'ALIPAY', test: (c) => /^(2[5-9]|30)\d{14,22}$/.test(c) },
  { paytype: 'UNIONPAY', test: (c) => /^62\d{17}$/.test(c) },
  { paytype: 'JDPAY', test: (c) => /^18\d{16}$/.test(c) },
  { paytype: 'BESTPAY', test: (c) => /^51\d{16}$/.test(c) },
  { paytype: 'QQ', test: (c) => /^91\d{16}$/.test(c) },
]

/** The wallet for a payment code, or null when it is not one we accept. */
export function payTypeOfAuthCode(code: string): PayType | null {
  if (typeof code !== 'string') return null
  for (const rule of RULES) if (rule.test(code)) return rule.paytype
  return null
}

/** First 4 and last 4 characters only: payment codes never appear whole in logs. */
export function maskCode(code: string): string {
  if (code.length <= 8) return '*'.repeat(code.length)
  return `${code.slice(0, 4)}${'*'.repeat(code.length - 8)}${code.slice(-4)}`
}
