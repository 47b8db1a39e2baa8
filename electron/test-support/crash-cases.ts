// The crash matrix: where a cashier process is SIGKILLed during a payment or a
// refund. Shared by crash.test.ts and the reliability report (bench/reliability.ts).
import type { CrashCase } from './crash-kit'
import { CODES } from './payments-kit'

export const CRASH_CASES: CrashCase[] = [
  // scan-code payment, instant success (a code or QR order and a refund are
  // written already `submitted`, in one transaction: there is no `created` step to kill at)
  { action: 'code', crashAt: 'state:submitted', authCode: CODES.instant },
  { action: 'code', crashAt: 'call:pay', authCode: CODES.instant },
  // customer enters a password
  { action: 'code', crashAt: 'state:paying', authCode: CODES.password },
  { action: 'code', crashAt: 'call:orderquery', authCode: CODES.password },
  // customer never pays: deadline, last query, cancel
  { action: 'code', crashAt: 'state:paying', authCode: CODES.neverPays },
  { action: 'code', crashAt: 'state:cancelling', authCode: CODES.neverPays },
  { action: 'code', crashAt: 'call:cancel', authCode: CODES.neverPays },
  // the connection dropped after the gateway took the order
  { action: 'code', crashAt: 'call:pay', authCode: CODES.dropAfterCommit },
  { action: 'code', crashAt: 'state:querying', authCode: CODES.dropAfterCommit },
  // the cashier pressed Stop
  { action: 'stop', crashAt: 'state:cancelling', authCode: CODES.neverPays },
  { action: 'stop', crashAt: 'call:cancel', authCode: CODES.neverPays },
  // face payment
  { action: 'face', crashAt: 'state:created' },
  { action: 'face', crashAt: 'state:submitted' },
  { action: 'face', crashAt: 'call:facepay', authCode: CODES.password },
  // QR pre-order
  { action: 'qr', crashAt: 'state:submitted' },
  { action: 'qr', crashAt: 'call:WECHAT_PreOrder' },
  { action: 'qr', crashAt: 'call:orderquery' },
  // refunds (amount ending 91 → PROCESSING first)
  { action: 'refund', crashAt: 'refund:submitted' },
  { action: 'refund', crashAt: 'call:refund' },
  { action: 'refund', crashAt: 'call:refund', amountFen: 1292 },
  { action: 'refund', crashAt: 'refund:processing', amountFen: 1292 },
  { action: 'refund', crashAt: 'call:refundquery', amountFen: 1292 },
]
