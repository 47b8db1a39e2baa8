import { z } from 'zod'
import { call, OutTradeNo, Timestamp } from './define'
import { OrderState } from './payment'

/**
 * End-of-day reconciliation (对账): every order of a period checked against the
 * gateway. Differences are codes (the UI translates them):
 * - paid-not-recorded: the gateway has the money, the journal said not paid (corrected to paid, flagged)
 * - recorded-not-paid: the journal says paid, the gateway does not (flagged)
 * - amount / transaction-id: paid on both sides but total_fee / transaction_id differ (flagged)
 * - open-at-gateway: the counter ended the order, the gateway still has it open (flagged)
 * - no-answer: the gateway gave no verified answer (asked again next time)
 * - review: already flagged for a person; open: still in flight at the counter
 */
export const ReconcileDifference = z.enum(['paid-not-recorded', 'recorded-not-paid', 'amount', 'transaction-id', 'open-at-gateway', 'no-answer', 'review', 'open'])
export type ReconcileDifference = z.infer<typeof ReconcileDifference>

export const ReconcileItem = z.object({
  outTradeNo: OutTradeNo,
  journalState: OrderState,
  amountFen: z.int(),
  /** The gateway's answer kind (paid, closed, notFound, unknown, …). */
  gateway: z.string(),
  /** 'audit': its last verified final answer on record; 'query': asked during this run. */
  source: z.enum(['audit', 'query']),
  difference: ReconcileDifference,
  detail: z.string(),
})
export type ReconcileItem = z.infer<typeof ReconcileItem>

export const ReconcileRun = z.object({
  id: z.string(),
  fromAt: Timestamp,
  toAt: Timestamp,
  shiftId: z.string().nullable(),
  startedAt: Timestamp,
  finishedAt: Timestamp.nullable(),
  orders: z.int().min(0),
  checked: z.int().min(0),
  differences: z.int().min(0),
  /** Only the orders with a difference (at most 500). */
  items: z.array(ReconcileItem),
})
export type ReconcileRun = z.infer<typeof ReconcileRun>

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day: YYYY-MM-DD (Beijing time)')

export const reconcileCalls = {
  /** Reconcile a shift (default: the last closed one) or a calendar day; resolves when done. */
  'reconcile:run': call(z.strictObject({ shiftId: z.string().max(64).optional(), day: Day.optional() }), ReconcileRun),
  /** The latest run for a shift or day (null when none yet). */
  'reconcile:latest': call(z.strictObject({ shiftId: z.string().max(64).optional(), day: Day.optional() }), ReconcileRun.nullable()),
}

export const reconcileEvents = {
  /** Progress of a run (after every few orders, and when it finishes). */
  'reconcile:progress': ReconcileRun,
}
