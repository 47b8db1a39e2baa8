// How an order was paid, in words: the wallet and the way (微信 · 刷脸 /
// WeChat · face — a face-pay order used to read only 微信支付), or 现金 for
// cash (cash orders have no paytype: the list used to show "—" for them).
// And a refund's state in words only: its step (退款成功：¥3.80) repeated the
// amount that has its own column.
import type { TFunction } from 'i18next'
import type { OrderView, RefundView } from '../../../../electron/shared/contract'
import { messageText } from '../../lib/message-text'

export function walletText(t: TFunction, order: Pick<OrderView, 'paytype' | 'method'>): string {
  if (order.method === 'cash') return t('cash.button')
  if (!order.paytype) return '—'
  return `${t(`wallet.short.${order.paytype}`)} · ${t(`wallet.method.${order.method}`)}`
}

/**
 * The 状态 column of an order's refunds: the state's words (成功, 处理中…). Only
 * a refund waiting for a person (待核对) keeps its step after the words, since
 * the step says what to do (复查); the others' steps repeat the amount
 * (退款成功：¥3.80), the failure column or the words themselves.
 */
export function refundStateText(t: TFunction, r: Pick<RefundView, 'state' | 'step'>): string {
  const words = t(`refund.states.${r.state}`)
  return r.state === 'review' ? `${words} · ${messageText(t, r.step)}` : words
}
