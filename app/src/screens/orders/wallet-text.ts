// How an order was paid, in words: the wallet, or 现金 for cash (cash orders
// have no paytype: the list used to show "—" for them).
import type { TFunction } from 'i18next'
import type { OrderView } from '../../../../electron/shared/contract'

export function walletText(t: TFunction, order: Pick<OrderView, 'paytype' | 'method'>): string {
  if (order.paytype) return t(`paytype.${order.paytype}`)
  return order.method === 'cash' ? t('cash.button') : '—'
}
