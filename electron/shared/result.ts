// Results cross every process boundary as values, never as thrown errors
// (one shape for IPC and the browser harness).
import type { FailureReason } from './failure-reasons'

export const ERROR_CODES = [
  'VALIDATION', // the payload does not match the contract
  'UNKNOWN_CALL', // no such call in the contract
  'FORBIDDEN', // sender not trusted
  'NOT_FOUND',
  'CONFLICT', // e.g. refund above what is refundable
  'BUSY', // an order is already in flight at this counter
  'INVALID_CODE', // not a payment code we accept
  'AMOUNT_LIMIT', // above the per-sale maximum set in Settings
  'PIN_INVALID',
  'PIN_LOCKED',
  'PIN_REQUIRED', // no PIN typed: asked again, not counted as an attempt
  'PIN_NOT_SET', // no supervisor PIN exists yet: set one first (settings in demo, setup in live)
  'PIN_WEAK', // a new PIN that breaks the rule (6–12 digits, not trivial)
  'CONFIRM_REQUIRED', // needs an explicit supervisor confirmation flag (e.g. live mode without encrypted secrets)
  'NO_SHIFT',
  'GATEWAY', // the gateway answered with a final error
  'DEVICE',
  'NOT_CONFIGURED', // params.missing: the live-mode fields still missing, comma-separated
  'INSECURE_URL', // a live gateway URL that is not https (http only on loopback)
  'LIVE_CHECK_FAILED', // the signed probe before going live did not prove the gateway (params.reason)
  'MERCHANT_INACTIVE', // the merchant's mch_state is not 20 (启用): no sales (params.state)
  'JOURNAL_PROBLEM', // the books are unknown (start-up check failed): no sales, no money calls
  'SECRETS_UNREADABLE', // the secrets file cannot be read: nothing that needs a key or the PIN goes ahead
  'JOURNAL', // the journal is not taking writes: no sale until it does
  'STORE_UNREACHABLE', // the store database (PostgreSQL) could not be reached or refused the login
  'COUNTER_LOCKED', // operators exist and nobody is signed in (or the counter was locked): sign in first
  'ROLE_REQUIRED', // params.role: the least role the action needs, params.action: which action (electron/operators/permissions.ts)
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface PosError {
  code: ErrorCode
  message: string
  /** Typed details the renderer translates (the message is the core's own wording, for logs and fallbacks). */
  params?: Record<string, string>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: PosError }

/** Services throw this for expected, user-facing failures; transports turn it into a Result. */
/** Figures for the renderer's words; `reason` picks the case of the code (electron/shared/failure-reasons.ts). */
export type FailureParams = Readonly<Record<string, string>> & { readonly reason?: FailureReason }

export class PosFailure extends Error {
  readonly code: ErrorCode
  readonly params: Record<string, string> | undefined
  constructor(code: ErrorCode, message: string, params?: FailureParams) {
    super(message)
    this.name = 'PosFailure'
    this.code = code
    this.params = params
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: ErrorCode, message: string, params?: FailureParams): { ok: false; error: PosError } {
  return { ok: false, error: params ? { code, message, params } : { code, message } }
}
