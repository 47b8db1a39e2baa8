// The sandbox's memory: merchants, orders, refunds and a log of requests.
// Time-driven changes (pays after N s, closes by itself, refund settles) are
// applied lazily from timestamps whenever an order is read, so the state always
// "reflects time" on the sandbox clock and no timers need cleaning up.
import type { RecordedRequest, SandboxMerchant, SandboxOrder, SandboxRefund } from './types'

const MAX_RECORDED = 5_000

export class SandboxStore {
  readonly merchants = new Map<string, SandboxMerchant>()
  /** Keyed by `${mchId}/${outTradeNo}`. */
  readonly orders = new Map<string, SandboxOrder>()
  /** Keyed by `${mchId}/${outRefundNo}`. */
  readonly refunds = new Map<string, SandboxRefund>()
  readonly requests: RecordedRequest[] = []
  readonly smsCodes = new Map<string, { code: string; expiresAt: number }>()
  private seq = 0

  constructor(
    private readonly initialMerchants: readonly SandboxMerchant[],
    readonly now: () => number,
  ) {
    this.reset()
  }

  reset(): void {
    this.merchants.clear()
    for (const m of this.initialMerchants) this.merchants.set(m.mchId, { ...m })
    this.orders.clear()
    this.refunds.clear()
    this.requests.length = 0
    this.smsCodes.clear()
  }

  /** Gateway-style ids: date + a sequence, unique within this sandbox. */
  nextId(prefix: string): string {
    this.seq += 1
    return `${prefix}${formatTime(this.now()).slice(0, 8)}${String(this.seq).padStart(10, '0')}`
  }

  order(mchId: string, outTradeNo: string): SandboxOrder | undefined {
    const order = this.orders.get(`${mchId}/${outTradeNo}`)
    if (order) this.settle(order)
    return order
  }

  orderByTransactionId(mchId: string, transactionId: string): SandboxOrder | undefined {
    for (const order of this.orders.values()) {
      if (order.mchId === mchId && order.transactionId === transactionId) return this.settle(order)
    }
    return undefined
  }

  /** First match by out_trade_no alone, for the control API and tests. */
  findOrder(outTradeNo: string): SandboxOrder | undefined {
    for (const order of this.orders.values()) if (order.outTradeNo === outTradeNo) return this.settle(order)
    return undefined
  }

  /** Keeps the last MAX_RECORDED requests (a demo sandbox runs all day). */
  record(request: RecordedRequest): void {
    this.requests.push(request)
    if (this.requests.length > MAX_RECORDED) this.requests.splice(0, this.requests.length - MAX_RECORDED)
  }

  addOrder(order: SandboxOrder): void {
    this.orders.set(`${order.mchId}/${order.outTradeNo}`, order)
  }

  /** Applies what the clock says has happened by now. */
  settle(order: SandboxOrder): SandboxOrder {
    if (order.status !== 'paying' && order.status !== 'unpaid') return order
    const now = this.now()
    const paysAt = order.paysAt ?? Infinity
    const closesAt = order.closesAt ?? Infinity
    if (paysAt <= now && paysAt <= closesAt) {
      order.status = 'paid'
      order.paidAt = paysAt
    } else if (closesAt <= now) {
      order.status = 'closed'
    }
    return order
  }

  markPaid(order: SandboxOrder): void {
    order.status = 'paid'
    order.paidAt = this.now()
  }

  refund(mchId: string, outRefundNo: string): SandboxRefund | undefined {
    const refund = this.refunds.get(`${mchId}/${outRefundNo}`)
    if (refund) this.settleRefund(refund)
    return refund
  }

  refundsOf(order: SandboxOrder): SandboxRefund[] {
    const list = [...this.refunds.values()].filter((r) => r.mchId === order.mchId && r.outTradeNo === order.outTradeNo)
    for (const r of list) this.settleRefund(r)
    return list.sort((a, b) => a.createdAt - b.createdAt)
  }

  addRefund(refund: SandboxRefund): void {
    this.refunds.set(`${refund.mchId}/${refund.outRefundNo}`, refund)
  }

  settleRefund(refund: SandboxRefund): SandboxRefund {
    if (refund.status === 'PROCESSING' && refund.settlesAt !== undefined && refund.settlesAt <= this.now()) {
      refund.status = 'SUCCESS'
      refund.refundTime = refund.settlesAt
    }
    return refund
  }

  /** Fen already refunded or on its way back (never above the paid amount). */
  refundedFee(order: SandboxOrder): number {
    return this.refundsOf(order).reduce((sum, r) => sum + r.refundFee, 0)
  }
}

/** yyyyMMddHHmmss in GMT+8 (the spec's time_end). */
export function formatTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14)
}
