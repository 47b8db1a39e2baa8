// The spec's MD5 signature (§1.2): drop empty values and `sign`, sort by key in
// ASCII order (case sensitive), join k=v with raw values, append &key=KEY, MD5,
// upper-case hex. Answers are verified over every field they carry, known or not.
import { createHash, timingSafeEqual } from 'node:crypto'

export type SignableValue = string | number | boolean | null | undefined

/** The exact string that gets hashed, without the key (for tests and debugging; never log it with the key). */
export function signingString(params: Record<string, SignableValue>): string {
  const keys = Object.keys(params)
    .filter((k) => k !== 'sign')
    .filter((k) => {
      const v = params[k]
      return v !== undefined && v !== null && String(v) !== ''
    })
  // Plain sort compares UTF-16 code units: for ASCII keys that is ASCII order ('Z' < '_' < 'a').
  keys.sort()
  return keys.map((k) => `${k}=${String(params[k])}`).join('&')
}

export function sign(params: Record<string, SignableValue>, key: string): string {
  const base = signingString(params)
  const text = base === '' ? `key=${key}` : `${base}&key=${key}`
  return createHash('md5').update(text, 'utf8').digest('hex').toUpperCase()
}

export type VerifyResult = 'ok' | 'missing' | 'bad'

/** Checks `sign` over all the other fields, including ones this code does not know. */
export function verifyDetailed(fields: Record<string, SignableValue>, key: string): VerifyResult {
  const given = fields.sign
  if (given === undefined || given === null || String(given) === '') return 'missing'
  const expected = Buffer.from(sign(fields, key), 'utf8')
  const actual = Buffer.from(String(given).toUpperCase(), 'utf8')
  if (expected.length !== actual.length) return 'bad'
  return timingSafeEqual(expected, actual) ? 'ok' : 'bad'
}

export function verify(fields: Record<string, SignableValue>, key: string): boolean {
  return verifyDetailed(fields, key) === 'ok'
}
