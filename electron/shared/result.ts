// Results cross every process boundary as values, never as thrown errors
// (one shape for IPC and the browser harness).
export const ERROR_CODES = [
  'VALIDATION', // the payload does not match the contract
  'UNKNOWN_CALL', // no such call in the contract
  'FORBIDDEN', // sender not trusted
  'NOT_FOUND',
  'CONFLICT', // e.g. refund above what is refundable
  'BUSY', // an order is already in flight at this counter
  'INVALID_CODE', // not a payment code we accept
  'PIN_INVALID',
  'PIN_LOCKED',
  'NO_SHIFT',
  'GATEWAY', // the gateway answered with a final error
  'DEVICE',
  'NOT_CONFIGURED',
  'JOURNAL', // the journal is not taking writes: no sale until it does
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface PosError {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: PosError }

/** Services throw this for expected, user-facing failures; transports turn it into a Result. */
export class PosFailure extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'PosFailure'
    this.code = code
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: ErrorCode, message: string): { ok: false; error: PosError } {
  return { ok: false, error: { code, message } }
}

/** Unexpected errors are reported as INTERNAL without leaking their text (it may hold secrets). */
export async function wrapResult<T>(fn: () => Promise<T> | T, onUnexpected?: (e: unknown) => void): Promise<Result<T>> {
  try {
    return ok(await fn())
  } catch (e) {
    if (e instanceof PosFailure) return fail(e.code, e.message)
    onUnexpected?.(e)
    return fail('INTERNAL', '内部错误，请重试或联系技术支持 (internal error)')
  }
}
