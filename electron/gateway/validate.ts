// Field rules from the spec, checked before anything is sent. A bad field
// throws GatewayValidationError naming the field; no network call is made.
// Messages never echo a payment code or a secret.
import { PayType as PayTypeSchema } from '../shared/contract/define'
import type { PayType } from '../shared/contract/define'
import { payTypeOfAuthCode } from './paytype'

export class GatewayValidationError extends Error {
  readonly field: string
  constructor(field: string, message: string) {
    super(`${field}: ${message}`)
    this.name = 'GatewayValidationError'
    this.field = field
  }
}

const fail = (field: string, message: string): never => {
  throw new GatewayValidationError(field, message)
}

// Control characters would corrupt the signing string or the receipt.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/ // eslint-disable-line no-control-regex

export function text(field: string, value: unknown, opts: { min?: number; maxBytes: number }): string {
  if (typeof value !== 'string') return fail(field, 'required text is missing')
  const min = opts.min ?? 1
  if (value.length < min) return fail(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
  if (Buffer.byteLength(value, 'utf8') > opts.maxBytes) return fail(field, `must be at most ${opts.maxBytes} bytes (UTF-8)`)
  if (CONTROL_CHARS.test(value)) return fail(field, 'must not contain control characters')
  if (value.trim() !== value) return fail(field, 'must not start or end with spaces')
  return value
}

export function optionalText(field: string, value: unknown, maxBytes: number): string | undefined {
  if (value === undefined) return undefined
  return text(field, value, { maxBytes })
}

export function pattern(field: string, value: unknown, re: RegExp, rule: string): string {
  if (typeof value !== 'string' || !re.test(value)) return fail(field, rule)
  return value as string
}

export const outTradeNo = (value: unknown, field = 'out_trade_no'): string =>
  pattern(field, value, /^[A-Za-z0-9_]{5,32}$/, '5–32 characters of A–Z, a–z, 0–9 or _')

export const outRefundNo = (value: unknown): string =>
  pattern('out_refund_no', value, /^[A-Za-z0-9_-]{1,32}$/, '1–32 characters of A–Z, a–z, 0–9, _ or -')

/** Integer fen, > 0, a safe integer; sent as its decimal string. */
export function fen(field: string, value: unknown): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return fail(field, 'must be an integer number of fen')
  if (value <= 0) return fail(field, 'must be more than 0 fen')
  return String(value)
}

export function payType(value: unknown): PayType {
  const parsed = PayTypeSchema.safeParse(value)
  if (!parsed.success) return fail('paytype', `must be one of ${PayTypeSchema.options.join(', ')}`)
  return parsed.data
}

/** A payment code we accept (by wallet prefix); the message never contains the code. */
export function authCode(value: unknown): string {
  if (typeof value !== 'string' || payTypeOfAuthCode(value) === null) {
    return fail('auth_code', 'not a payment code of a supported wallet (check the prefix and length)')
  }
  return value as string
}

export const body = (value: unknown): string => text('body', value, { maxBytes: 128 })
export const opUserId = (value: unknown): string => text('op_user_id', value, { maxBytes: 32 })
export const mobile = (value: unknown): string => pattern('mobile', value, /^1\d{10}$/, '11 digits starting with 1')

export function refundFee(refund: unknown, total: unknown): string {
  const refundText = fen('refund_fee', refund)
  fen('total_fee', total)
  if ((refund as number) > (total as number)) fail('refund_fee', 'must not exceed total_fee')
  return refundText
}

export function timestamp14(field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined
  return pattern(field, value, /^\d{14}$/, 'yyyyMMddHHmmss (14 digits)')
}

export function httpUrl(field: string, value: unknown): string {
  if (typeof value !== 'string') return fail(field, 'must be an http(s) URL')
  let url: URL
  try {
    url = new URL(value as string)
  } catch {
    return fail(field, 'must be an http(s) URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(field, 'must be an http(s) URL')
  return value as string
}
