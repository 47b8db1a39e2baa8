// Answer bodies shaped like the spec's examples: every value a string.
// nonce_str and sign are added when the answer is sent.
import type { SandboxMerchant, Reply } from './types'
import type { SandboxStore } from './store'

export interface HandlerContext {
  store: SandboxStore
  /** The merchant named by mch_id (merchant-key calls); null for agent-key calls. */
  merchant: SandboxMerchant | null
  /** Multiplies every scenario delay. */
  scale: number
  smsCode: string
}

export function success(extra: Record<string, string | undefined> = {}, tradeState = 'SUCCESS'): Reply {
  return { fields: clean({ state: 'SUCCESS', code: '10000', msg: 'SUCCESS', trade_state: tradeState, ...extra }) }
}

/** A business status (10001–10006) the gateway delivered fine. */
export function status(code: string, msg: string, tradeState: string, extra: Record<string, string | undefined> = {}): Reply {
  return { fields: clean({ state: 'SUCCESS', code, msg, trade_state: tradeState, ...extra }) }
}

/** A refusal (2000x): the request did nothing. */
export function refuse(code: string, msg: string): Reply {
  return { fields: { state: 'FAIL', code, msg } }
}

export function clean(fields: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v
  return out
}

/** Required-field and format checks the real gateway does (20004 on failure). */
export function missing(fields: Record<string, string>, names: readonly string[]): Reply | null {
  for (const name of names) if (!fields[name]) return refuse('20004', `缺少参数 ${name}`)
  return null
}

export function fenOf(value: string | undefined): number | null {
  if (value === undefined || !/^[1-9]\d{0,14}$/.test(value)) return null
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : null
}

export const OUT_TRADE_NO = /^[A-Za-z0-9_]{5,32}$/
