// Which order the customer display shows. It hears every payment:update; it
// keeps the few orders it heard of, newest first, and shows the one the
// cashier's checkout shows (the mirror names it), else the newest. (It used to
// follow only the first order it heard of: from the second sale on it kept
// showing the first one's "支付成功" — over the next sale's QR code.)
import type { OrderView } from '../../../electron/shared/contract'

const KEEP = 8

/** The list after an update: the same order replaced in place (never by an older version), a new one first. */
export function heard(orders: readonly OrderView[], order: OrderView): OrderView[] {
  const old = orders.find((o) => o.outTradeNo === order.outTradeNo)
  if (old) return old.updatedAt > order.updatedAt ? [...orders] : orders.map((o) => (o.outTradeNo === order.outTradeNo ? order : o))
  return [order, ...orders].slice(0, KEEP)
}

/** The order to show: the cashier's (by number) when known here, else the newest heard of. */
export function shownOrder(orders: readonly OrderView[], cashierOrderNo: string | null | undefined): OrderView | null {
  const named = cashierOrderNo ? orders.find((o) => o.outTradeNo === cashierOrderNo) : undefined
  return named ?? orders[0] ?? null
}
