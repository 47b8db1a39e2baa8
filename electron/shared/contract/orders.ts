import { z } from 'zod'
import { Approval } from './operators'
import { AmountFen, call, NonNegativeFen, OutTradeNo, PayMethod, PayType, Pin, Text, Timestamp } from './define'
import { Message } from './message'
import { OrderState, OrderView } from './payment'

export const RefundState = z.enum(['created', 'submitted', 'processing', 'success', 'failed', 'review'])
export type RefundState = z.infer<typeof RefundState>

export const RefundView = z.object({
  outRefundNo: z.string(),
  outTradeNo: OutTradeNo,
  amountFen: AmountFen,
  state: RefundState,
  step: Message,
  refundId: z.string().nullable(),
  failure: z.object({ code: z.string(), message: Message }).nullable(),
  /** What the supervisor typed as the reason for the refund ('' when nothing): a person's words, not the core's. */
  reason: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type RefundView = z.infer<typeof RefundView>

export const TimelineEntry = z.object({
  at: Timestamp,
  /** 'state' for a transition, 'gateway' for an audited call. */
  kind: z.enum(['state', 'gateway', 'note']),
  /** What happened (STATE_CHANGED, GATEWAY_CALL…). */
  text: Message,
  /** Why: the engine's note on a transition, or the transport error of a call (TECHNICAL). */
  detail: Message.optional(),
})
export type TimelineEntry = z.infer<typeof TimelineEntry>

export const OrderDetail = z.object({
  order: OrderView,
  refunds: z.array(RefundView),
  timeline: z.array(TimelineEntry),
  /** What this counter's journal allows (another counter's order: the store's cap decides at refund time). */
  refundableFen: NonNegativeFen,
  /** Another counter's order, recorded here because it was refunded here: the counter that took it. */
  takenAt: z.string().optional(),
})
export type OrderDetail = z.infer<typeof OrderDetail>

export const OrderQuery = z.strictObject({
  /** Matches out_trade_no, transaction id (prefix) or exact amount text like "12.30". */
  text: z.string().max(64).optional(),
  state: OrderState.optional(),
  paytype: PayType.optional(),
  method: PayMethod.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  needsAttention: z.boolean().optional(),
  limit: z.int().min(1).max(500).default(50),
  offset: z.int().min(0).max(10_000_000).default(0),
})
export type OrderQuery = z.input<typeof OrderQuery>

export const ordersCalls = {
  /** `total` counts matches up to 10,000; `totalCapped` says there are more. */
  'orders:search': call(OrderQuery, z.object({ items: z.array(OrderView), total: z.int().min(0), totalCapped: z.boolean() })),
  'orders:get': call(z.strictObject({ outTradeNo: OutTradeNo }), OrderDetail),
  /** Re-run the settle logic for an order flagged for attention (query, then settle). */
  'orders:recheck': call(z.strictObject({ outTradeNo: OutTradeNo }), OrderView),
  /** A person checked a flagged order (e.g. paid, then refunded at the gateway): clears the flag, needs the PIN. */
  'orders:acknowledge': call(z.strictObject({ outTradeNo: OutTradeNo, pin: Pin.optional(), approval: Approval.optional(), note: Text.optional() }), OrderView),
  /**
   * Refund (full or partial). Needs the supervisor PIN (or an approval); the engine checks it. An order of another counter (one this journal lacks, with a store database
   * set up) is refunded through the store: STORE_UNREACHABLE when it cannot answer (nothing changed),
   * CONFLICT `params.reason` 'over-cap' + `params.remainingFen` when all counters together would pass what
   * was paid (nothing sent); other reasons: over-refundable, not-refundable, cash-elsewhere, gateway-refunded.
   */
  'refunds:create': call(
    z.strictObject({ outTradeNo: OutTradeNo, amountFen: AmountFen, pin: Pin.optional(), approval: Approval.optional(), reason: Text.optional() }),
    RefundView,
  ),
  /** Follow up a PROCESSING/NOTSURE refund now (same out_refund_no). */
  'refunds:recheck': call(z.strictObject({ outRefundNo: z.string().min(1).max(32) }), RefundView),
}

export const ordersEvents = {
  'refunds:update': RefundView,
}
