// One HTTP exchange with the gateway: POST a form, read the whole body within
// the timeout, parse the JSON object and verify its signature. Anything short of
// a verified answer comes back as `ok: false` with a reason; the caller turns
// that into "unknown", never into success or failure.
import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { verifyDetailed } from './sign'

/** Why no verified answer came back (the live-mode probe tells a cashier which it was). */
export type ExchangeFault = 'network' | 'http' | 'unparseable' | 'unsigned' | 'badSignature'

/** Biggest gateway answer we read (the spec's answers are a few hundred bytes). */
export const MAX_ANSWER_BYTES = 256 * 1024

/**
 * The sockets of one gateway client: keep-alive, at most `max` connections
 * (further requests queue inside the agent, still under their own timeout), and
 * TLS that always checks the certificate.
 */
export class GatewayAgents {
  readonly http: HttpAgent
  readonly https: HttpsAgent
  constructor(readonly max: number) {
    const common = { keepAlive: true, maxSockets: max, maxTotalSockets: max, maxFreeSockets: max }
    this.http = new HttpAgent(common)
    this.https = new HttpsAgent({ ...common, rejectUnauthorized: true, minVersion: 'TLSv1.2' })
  }
  close(): void {
    this.http.destroy()
    this.https.destroy()
  }
}

/** For callers that bring none (tests, one-off calls). */
const sharedAgents = new GatewayAgents(6)

export interface PostOptions {
  agents?: GatewayAgents
  /** Live mode: only https (loopback http is for tests and a local gateway), and never with certificate checks turned off. */
  live?: boolean
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Why a live request must not be sent at all (null: send it). */
export function refuseLive(url: string): string | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return 'refused before sending: not a URL'
  }
  if (u.protocol !== 'https:' && !LOOPBACK.has(u.hostname)) return 'refused before sending: live mode needs an https gateway URL'
  // Node would then accept any certificate: in live mode that is a failure, not a warning.
  if (u.protocol === 'https:' && process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') return 'refused before sending: certificate checks are off (NODE_TLS_REJECT_UNAUTHORIZED=0)'
  return null
}

export type Exchange =
  | { ok: true; fields: Record<string, string>; httpStatus: number }
  | { ok: false; fault: ExchangeFault; reason: string; httpStatus: number | null; fields: Record<string, string> | null }

export async function postForm(url: string, form: Record<string, string>, timeoutMs: number, key: string, options: PostOptions = {}): Promise<Exchange> {
  const refused = options.live ? refuseLive(url) : null
  if (refused) return { ok: false, fault: 'network', reason: refused, httpStatus: null, fields: null }
  let httpStatus: number | null = null
  let text: string
  try {
    text = await send(new URL(url), new URLSearchParams(form).toString(), options.agents ?? sharedAgents, timeoutMs, (status) => (httpStatus = status))
  } catch (err) {
    return { ok: false, fault: 'network', reason: describeFetchError(err, httpStatus, timeoutMs), httpStatus, fields: null }
  }
  if (httpStatus === null) return { ok: false, fault: 'http', reason: 'no HTTP status', httpStatus, fields: null }
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

/**
 * One POST over the client's agents; resolves with the whole body, rejects on
 * any transport problem, on a body past MAX_ANSWER_BYTES, or at `timeoutMs`
 * (which includes waiting for a free socket). Redirects are not followed.
 */
function send(url: URL, body: string, agents: GatewayAgents, timeoutMs: number, onStatus: (status: number) => void): Promise<string> {
  const https = url.protocol === 'https:'
  const request = https ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: https ? agents.https : agents.http,
        signal: AbortSignal.timeout(timeoutMs),
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        onStatus(res.statusCode ?? 0)
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size <= MAX_ANSWER_BYTES) return void chunks.push(chunk)
          // Say why first: destroying makes the response report an abort too (the first reject wins).
          reject(new Error(`answer too large (over ${MAX_ANSWER_BYTES} bytes)`))
          res.destroy()
        })
        res.on('error', reject)
        res.on('aborted', () => reject(Object.assign(new Error('connection closed while reading the answer'), { code: 'ECONNRESET' })))
        res.on('end', () => (res.complete ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(Object.assign(new Error('answer cut off'), { code: 'ECONNRESET' }))))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
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
    const own = (err as Error & { code?: unknown }).code
    const code = typeof own === 'string' ? own : cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : ''
    const causeMessage = cause instanceof Error ? cause.message : ''
    // Never ignored: a certificate the system does not trust means this is not our gateway.
    if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) return `certificate rejected ${stage}: ${code} ${causeMessage}`.trim()
    return `connection failed ${stage}: ${[code, causeMessage || err.message].filter(Boolean).join(' ')}`
  }
  return `connection failed ${stage}`
}
