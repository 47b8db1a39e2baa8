// Order history, one order's detail, refunds and re-checks.
import { create } from 'zustand'
import type { OrderDetail, OrderQuery, OrderView, RefundView } from '../../../electron/shared/contract'
import type { PosError, Result } from '../../../electron/shared/result'

interface OrdersState {
  query: OrderQuery
  items: OrderView[]
  total: number
  loading: boolean
  error: PosError | null
  detail: OrderDetail | null
  detailError: PosError | null
  search(query?: OrderQuery): Promise<void>
  open(outTradeNo: string): Promise<void>
  close(): void
  recheck(outTradeNo: string): Promise<Result<OrderView>>
  refund(outTradeNo: string, amountFen: number, pin: string, reason?: string): Promise<Result<RefundView>>
}

export const useOrdersStore = create<OrdersState>()((set, get) => ({
  query: { limit: 50 },
  items: [],
  total: 0,
  loading: false,
  error: null,
  detail: null,
  detailError: null,
  async search(query) {
    const q = query ?? get().query
    set({ query: q, loading: true })
    const r = await window.pos.orders.search(q)
    set(r.ok ? { items: r.value.items, total: r.value.total, loading: false, error: null } : { loading: false, error: r.error })
  },
  async open(outTradeNo) {
    const r = await window.pos.orders.get({ outTradeNo })
    set(r.ok ? { detail: r.value, detailError: null } : { detailError: r.error })
  },
  close() {
    set({ detail: null, detailError: null })
  },
  async recheck(outTradeNo) {
    const r = await window.pos.orders.recheck({ outTradeNo })
    if (r.ok) {
      replaceItem(r.value)
      if (get().detail?.order.outTradeNo === outTradeNo) await get().open(outTradeNo)
    }
    return r
  },
  async refund(outTradeNo, amountFen, pin, reason) {
    const r = await window.pos.refunds.create({ outTradeNo, amountFen, pin, ...(reason ? { reason } : {}) })
    if (r.ok) await Promise.all([get().open(outTradeNo), get().search()])
    return r
  },
}))

function replaceItem(order: OrderView) {
  useOrdersStore.setState((s) => ({ items: s.items.map((o) => (o.outTradeNo === order.outTradeNo ? order : o)) }))
}

window.pos.onPaymentUpdate((order) => {
  replaceItem(order)
  const { detail } = useOrdersStore.getState()
  if (detail?.order.outTradeNo === order.outTradeNo) void useOrdersStore.getState().open(order.outTradeNo)
})

window.pos.onRefundsUpdate((refund) => {
  const { detail } = useOrdersStore.getState()
  if (detail?.order.outTradeNo === refund.outTradeNo) void useOrdersStore.getState().open(refund.outTradeNo)
})
