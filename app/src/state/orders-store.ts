// Order history, one order's detail, refunds and re-checks.
import { create } from 'zustand'
import type { OrderDetail, OrderQuery, OrderView, RefundView, Approval } from '../../../electron/shared/contract'
import type { PosError, Result } from '../../../electron/shared/result'
import { isFinal } from '../lib/format'

interface OrdersState {
  query: OrderQuery
  items: OrderView[]
  total: number
  /** The core stopped counting at `total` (there are more). */
  totalCapped: boolean
  loading: boolean
  error: PosError | null
  detail: OrderDetail | null
  detailError: PosError | null
  /** Orders whose recheck was asked for → their updatedAt then; cleared by the first final update after it. */
  rechecking: Record<string, number>
  /** What the last finished recheck found (the detail drawer says it). */
  lastRecheck: { outTradeNo: string; state: OrderView['state']; at: number } | null
  search(query?: OrderQuery): Promise<void>
  open(outTradeNo: string): Promise<void>
  close(): void
  recheck(outTradeNo: string): Promise<Result<OrderView>>
  /** `pin`: the bare PIN, or an approval (another operator's number + PIN). */
  refund(outTradeNo: string, amountFen: number, pin: string | { pin: string } | { approval: Approval }, reason?: string): Promise<Result<RefundView>>
  /** A supervisor marks a flagged order as checked (PIN), with an optional note. */
  acknowledge(outTradeNo: string, proof: { pin: string } | { approval: Approval }, note?: string): Promise<Result<OrderView>>
}

export const useOrdersStore = create<OrdersState>()((set, get) => ({
  query: { limit: 50 },
  items: [],
  total: 0,
  totalCapped: false,
  loading: false,
  error: null,
  detail: null,
  detailError: null,
  rechecking: {},
  lastRecheck: null,
  async search(query) {
    const q = query ?? get().query
    set({ query: q, loading: true })
    const r = await window.pos.orders.search(q)
    set(r.ok ? { items: r.value.items, total: r.value.total, totalCapped: r.value.totalCapped, loading: false, error: null } : { loading: false, error: r.error })
  },
  async open(outTradeNo) {
    const r = await window.pos.orders.get({ outTradeNo })
    set(r.ok ? { detail: r.value, detailError: null } : { detailError: r.error })
  },
  close() {
    set({ detail: null, detailError: null })
  },
  async recheck(outTradeNo) {
    // The core answers at once and settles in the background: the button spins until the order's next final update.
    const known = get().items.find((o) => o.outTradeNo === outTradeNo) ?? get().detail?.order
    set((s) => ({ rechecking: { ...s.rechecking, [outTradeNo]: known?.updatedAt ?? 0 } }))
    const r = await window.pos.orders.recheck({ outTradeNo })
    // Without an update (nothing to redo, e.g. a paid order flagged for a look) stop spinning anyway.
    setTimeout(() => set((s) => ({ rechecking: without(s.rechecking, outTradeNo) })), r.ok ? 15_000 : 0)
    if (r.ok) {
      replaceItem(r.value)
      if (get().detail?.order.outTradeNo === outTradeNo) await get().open(outTradeNo)
    }
    return r
  },
  async refund(outTradeNo, amountFen, pin, reason) {
    const proof = typeof pin === 'string' ? { pin } : pin
    const r = await window.pos.refunds.create({ outTradeNo, amountFen, ...proof, ...(reason ? { reason } : {}) })
    if (r.ok) await Promise.all([get().open(outTradeNo), get().search()])
    return r
  },
  async acknowledge(outTradeNo, proof, note) {
    const r = await window.pos.orders.acknowledge({ outTradeNo, ...proof, ...(note ? { note } : {}) })
    if (r.ok) await Promise.all([get().open(outTradeNo), get().search()])
    return r
  },
}))

function without(map: Record<string, number>, key: string): Record<string, number> {
  const { [key]: _gone, ...rest } = map
  return rest
}

function replaceItem(order: OrderView) {
  useOrdersStore.setState((s) => ({ items: s.items.map((o) => (o.outTradeNo === order.outTradeNo ? order : o)) }))
}

window.pos.onPaymentUpdate((order) => {
  replaceItem(order)
  const since = useOrdersStore.getState().rechecking[order.outTradeNo]
  // The engine first re-announces the order as it was, then a review order loses its flag
  // (still review, no attention), then the answer lands: only that last one ends the recheck.
  const settled = order.updatedAt > (since ?? Infinity) && isFinal(order.state) && !(order.state === 'review' && order.attention === null)
  if (settled) {
    useOrdersStore.setState((s) => ({
      rechecking: without(s.rechecking, order.outTradeNo),
      lastRecheck: { outTradeNo: order.outTradeNo, state: order.state, at: Date.now() },
    }))
  }
  const { detail } = useOrdersStore.getState()
  if (detail?.order.outTradeNo === order.outTradeNo) void useOrdersStore.getState().open(order.outTradeNo)
})

window.pos.onRefundsUpdate((refund) => {
  const { detail } = useOrdersStore.getState()
  if (detail?.order.outTradeNo === refund.outTradeNo) void useOrdersStore.getState().open(refund.outTradeNo)
})
