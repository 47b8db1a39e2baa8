// What may be written down about an exchange: payment codes to first 4 / last 4,
// secrets and credentials replaced, `sign` dropped (it is derived from the key).
import { maskCode } from './paytype'

const CODES = new Set(['auth_code', 'face_code', 'mobile', 'openid', 'sub_openid', 'authinfo', 'rawdata'])
const SECRETS = new Set(['key', 'password', 'valid', 'mch_trade_code'])

export function maskFields(fields: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, value] of Object.entries(fields)) {
    if (value === undefined || k === 'sign') continue
    if (SECRETS.has(k)) out[k] = '***'
    else if (CODES.has(k)) out[k] = maskCode(value)
    else out[k] = value
  }
  return out
}
