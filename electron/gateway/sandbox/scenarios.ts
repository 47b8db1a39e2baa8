// Test "card numbers" of the sandbox: the last 4 characters of a payment code
// (pay) or face code (facepay), and the last two digits of an amount in fen
// (QR pre-orders, refunds), pick what the sandbox does. README.md has the table.
// Every delay is multiplied by the sandbox's timeScale.

export const DELAYS_MS = {
  /** Customer types the password and the order pays. */
  password: 10_000,
  /** A 10001 order that the wallet closes by itself. */
  autoClose: 10_000,
  /** "Slow answer": longer than the client's default 10 s timeout. */
  slowAnswer: 15_000,
  /** A QR order the customer scans and pays. */
  qrPaid: 5_000,
  /** A QR order that closes by itself. */
  qrClose: 10_000,
  /** A PROCESSING refund turns SUCCESS. */
  refundProcessing: 5_000,
  /** Cancel of a still-paying order is refused this soon after pay (spec: wait 15 s). */
  cancelGuard: 15_000,
} as const

/** Cancel works only for orders younger than this (spec 2.2.5); not scaled: it is a gateway rule. */
export const CANCEL_WINDOW_MS = 5 * 60_000

export type PayScenario =
  | 'instant'
  | 'password'
  | 'neverPays'
  | 'insufficientFunds'
  | 'invalidCode'
  | 'closesItself'
  | 'slowAnswer'
  | 'dropAfterCommit'
  | 'badSign'
  | 'noSign'
  | 'html'
  | 'http5xx'
  | 'truncated'
  | 'network30001'
  | 'systemError'
  | 'coupon'
  | 'passwordCoupon'

export const PAY_SCENARIOS: Readonly<Record<string, PayScenario>> = {
  '0001': 'password',
  '0002': 'neverPays',
  '0003': 'insufficientFunds',
  '0004': 'invalidCode',
  '0005': 'closesItself',
  '0006': 'slowAnswer',
  '0007': 'dropAfterCommit',
  '0008': 'badSign',
  '0009': 'noSign',
  '0010': 'html',
  '0011': 'http5xx',
  '0012': 'truncated',
  '0013': 'network30001',
  '0014': 'systemError',
  '0015': 'coupon',
  '0016': 'passwordCoupon',
}

/** The voucher (代金券) the coupon scenarios apply: ¥5, never more than the order. */
export const SANDBOX_COUPON_FEN = 500

/** Any other ending pays at once. */
export function payScenarioOf(code: string): PayScenario {
  return PAY_SCENARIOS[code.slice(-4)] ?? 'instant'
}

export type QrScenario = 'paysLater' | 'neverPays' | 'refused' | 'closesItself' | 'paysAtOnce'
const QR_SCENARIOS: Readonly<Record<number, QrScenario>> = { 91: 'neverPays', 92: 'refused', 93: 'closesItself', 94: 'paysAtOnce' }
export function qrScenarioOf(totalFee: number): QrScenario {
  return QR_SCENARIOS[totalFee % 100] ?? 'paysLater'
}

export type RefundScenario = 'instant' | 'processing' | 'refused'
const REFUND_SCENARIOS: Readonly<Record<number, RefundScenario>> = { 91: 'processing', 92: 'refused' }
export function refundScenarioOf(refundFee: number): RefundScenario {
  return REFUND_SCENARIOS[refundFee % 100] ?? 'instant'
}
