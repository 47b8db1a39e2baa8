// The orders the customer display heard of (payment:update), newest first:
// its own small store because the display must not follow only one order (see
// lib/customer-orders.ts), and that window gets only the customer slice.
import { create } from 'zustand'
import type { OrderView } from '../../../electron/shared/contract'
import { heard } from '../lib/customer-orders'

export const useCustomerOrdersStore = create<{ orders: OrderView[] }>()(() => ({ orders: [] }))

window.pos.onPaymentUpdate((order) => useCustomerOrdersStore.setState((s) => ({ orders: heard(s.orders, order) })))

/** The order in flight when the display opens (if any). */
export async function loadCustomerOrders(): Promise<void> {
  const r = await window.pos.payment.current({})
  if (r.ok && r.value) {
    const order = r.value
    useCustomerOrdersStore.setState((s) => ({ orders: heard(s.orders, order) }))
  }
}
