// One HTTP exchange with the gateway: POST a form, read the whole body within
// the timeout, parse the JSON object and verify its signature. Anything short of
// a verified answer comes back as `ok: false` with a reason; the caller turns
// that into "unknown", never into success or failure.
import { verifyDetailed } from './sign'

/** Why no verified answer came back (the live-mode probe tells a cashier which it was). */
export type ExchangeFault = 'network' | 'http' | 'unparseable' | 'unsigned' | 'badSignature'

export type Exchange =
  | { ok: true; fields: Record<string, string>; httpStatus: number }
  | { ok: false; fault: ExchangeFault; reason: string; httpStatus: number | null; fields: Record<string, string> | null }

export async function postForm(url: string, form: Record<string, string>, timeoutMs: number, key: string): Promise<Exchange> {
  let httpStatus: number | null = null
  let text: string
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    })
    httpStatus = response.status
    text = await response.text()
  } catch (err) {
    return { ok: false, fault: 'network', reason: describeFetchError(err, httpStatus, timeoutMs), httpStatus, fields: null }
  }
  if (httpStatus < 200 || httpStatus > 299) {
    return { ok: false, fault: 'http', reason: `HTTP ${httpStatus} from the gateway`, httpStatus, fields: null }
  }
  const fields = parseAnswer(text)
  if (fields === null) {
    return { ok: false, fault: 'unparseable', reason: `unparseable answer (${describeBody(text)})`, httpStatus, fields: null }
  }
  const verdict = verifyDetailed(fields, key)
  // What the unverified answer claims helps an operator (a 20002 usually means our key is wrong); it decides nothing.
  const claim = fields.code ? `; unverified answer says ${fields.code} ${fields.msg ?? ''}`.trimEnd() : ''
  if (verdict === 'missing') return { ok: false, fault: 'unsigned', reason: `answer has no signature${claim}`, httpStatus, fields }
  if (verdict === 'bad') return { ok: false, fault: 'badSignature', reason: `answer signature does not verify (20003)${claim}`, httpStatus, fields }
  return { ok: true, fields, httpStatus }
}

/** A flat JSON object whose values are strings (numbers/booleans tolerated as text); otherwise null. */
export function parseAnswer(text: string): Record<string, string> | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') out[k] = v
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v)
    else if (v === null) out[k] = ''
    else return null
  }
  return out
}

function describeBody(text: string): string {
  const trimmed = text.trimStart()
  if (trimmed === '') return 'empty body'
  if (trimmed.startsWith('<')) return 'HTML or XML body'
  return `not a JSON object, ${text.length} chars`
}

function describeFetchError(err: unknown, httpStatus: number | null, timeoutMs: number): string {
  const stage = httpStatus === null ? 'before an answer' : 'while reading the answer'
  if (err instanceof Error) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timed out after ${timeoutMs} ms ${stage}`
    const cause = (err as Error & { cause?: unknown }).cause
    const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : ''
    const causeMessage = cause instanceof Error ? cause.message : ''
    return `connection failed ${stage}: ${[code, causeMessage || err.message].filter(Boolean).join(' ')}`
  }
  return `connection failed ${stage}`
}
