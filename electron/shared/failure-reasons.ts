// The reasons a refused call can name, per error code: the core sends
// `{ code, params: { reason, …figures } }` and the renderer words it
// (app/src/i18n/sections/errors.ts). A code alone is worded generically; a
// reason says which case of it. The message beside them is the core's own
// wording for logs, never shown as the cashier's words. A reason not listed
// here does not compile (PosFailure's params are typed by this table).
import { ScanRejectReason } from './contract/devices'
import type { ErrorCode } from './result'

export const FAILURE_REASONS = {
  VALIDATION: ['given-below-due', 'confirm-above-max', 'sdk-folder-not-absolute', 'day', 'taken-out-needs-count', 'taken-out-above-counted'],
  NOT_FOUND: ['order', 'store-order-unknown', 'paid-order', 'refund', 'shift', 'operator', 'backup', 'reconcile-run', 'last-sale-receipt', 'cash-movement'],
  CONFLICT: [
    'over-refundable',
    'over-cap',
    'not-refundable',
    'cash-elsewhere',
    'refund-no-reused',
    'gateway-refunded',
    'not-paid',
    'not-paid-cash-order',
    'above-drawer',
    'order-in-flight',
    'shift-open',
    'operators-exist',
    'operator-no-taken',
    'last-manager',
    'self-demote',
    'journal-ok',
  ],
  BUSY: ['switching-journal'],
  INVALID_CODE: ScanRejectReason.options,
  LIVE_CHECK_FAILED: ['unreachable', 'notGateway', 'unsigned', 'badSignature', 'refused', 'unexpected'],
  PIN_INVALID: ['operator', 'supervisor'],
  PIN_REQUIRED: ['supervisor'],
  PIN_NOT_SET: ['first-manager-in-setup', 'first-pin-in-setup'],
  PIN_WEAK: ['length', 'trivial'],
  CONFIRM_REQUIRED: ['over-short', 'plain-secrets', 'float-differs'],
  DEVICE: [
    'no-face-camera',
    'face-unavailable',
    'face-sdk-path-not-absolute',
    'face-sdk-not-a-library',
    'face-sdk-file-missing',
    'face-sdk-outside-folders',
    'face-sdk-hash-mismatch',
    'not-vendor-camera',
  ],
  NOT_CONFIGURED: ['gateway', 'no-operators', 'not-in-build', 'no-simulated-scanner', 'cannot-approve-devices', 'cannot-set-sdk-folders'],
  SECRETS_UNREADABLE: ['not-json', 'read-error', 'unexpected-content', 'cannot-decrypt'],
  STORE_UNREACHABLE: ['not-configured', 'connect-failed', 'query-failed'],
} as const satisfies Partial<Record<ErrorCode, readonly string[]>>

type Table = typeof FAILURE_REASONS
export type FailureReason = { [C in keyof Table]: Table[C][number] }[keyof Table]

/** Every (code, reason) pair the core may send: the dictionaries' test walks these. */
export function failureReasonPairs(): Array<{ code: ErrorCode; reason: string }> {
  return Object.entries(FAILURE_REASONS).flatMap(([code, reasons]) => (reasons as readonly string[]).map((reason) => ({ code: code as ErrorCode, reason })))
}
