// Why a refund was refused, in the cashier's language, when the core names a
// reason (store refunds, issue 16: the cross-counter cap, an unreachable store,
// another counter's cash order…). null: no specific words, use the generic line.
import type { TFunction } from 'i18next'
import type { PosError } from '../../../electron/shared/result'
import { formatYuan } from '../../../electron/shared/money'

const REASONS = new Set(['over-refundable', 'over-cap', 'not-refundable', 'cash-elsewhere', 'refund-no-reused', 'gateway-refunded', 'store-order-unknown'])

export function refundErrorText(t: TFunction, error: PosError): string | null {
  if (error.code === 'STORE_UNREACHABLE') return t('storeRefund.storeUnreachable')
  const p = error.params ?? {}
  const reason = p['reason']
  if ((error.code !== 'CONFLICT' && error.code !== 'NOT_FOUND') || !reason || !REASONS.has(reason)) return null
  const fen = (k: string) => formatYuan(Number.isSafeInteger(Number(p[k])) ? Number(p[k]) : 0)
  return t(`storeRefund.reason.${reason}`, { remaining: fen('remainingFen'), elsewhere: fen('elsewhereFen'), counterId: p['counterId'] ?? '' })
}
