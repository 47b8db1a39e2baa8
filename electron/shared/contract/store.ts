import { z } from 'zod'
import { Message } from './message'
import { Approval } from './operators'
import { AmountFen, call, Empty, NonNegativeFen, Pin, ShortText, Timestamp } from './define'

/** How this counter's outbox reaches the store database (PostgreSQL). */
export const ReplicationStatus = z.object({
  /** A store database is set up for this counter. */
  configured: z.boolean(),
  state: z.enum(['off', 'idle', 'shipping', 'failing']),
  /** Changes written here and not yet acknowledged by the store. */
  backlog: z.int().min(0),
  /** Age of the oldest change still waiting (0 when nothing waits). */
  lagMs: z.int().min(0),
  lastError: z.enum(['STORE_UNREACHABLE', 'STORE_GAP', 'STORE_REJECTED']).nullable(),
  lastShippedAt: Timestamp.nullable(),
  /** host:port/database of the store, never the credentials. */
  storeAddress: z.string().nullable(),
})
export type ReplicationStatus = z.infer<typeof ReplicationStatus>

const StoreUrl = z
  .string()
  .max(512)
  .regex(/^postgres(ql)?:\/\/[^\s]+$/, 'a postgres:// URL')

/** An order of any counter, as the store database has it. */
export const StoreOrderView = z.object({
  outTradeNo: z.string(),
  counterId: z.string(),
  method: z.string(),
  paytype: z.string().nullable(),
  amountFen: AmountFen,
  refundedFen: NonNegativeFen,
  /** What may still be refunded, by any counter (0 unless paid): the store's cap, reservations included. */
  refundableFen: NonNegativeFen,
  state: z.string(),
  cashier: z.string(),
  attention: Message.nullable(),
  createdAt: Timestamp,
  paidAt: Timestamp.nullable(),
})
export type StoreOrderView = z.infer<typeof StoreOrderView>

export const StoreTotals = z.object({ salesCount: z.int().min(0), salesFen: NonNegativeFen, refundsCount: z.int().min(0), refundsFen: NonNegativeFen, netFen: z.int() })
export type StoreTotals = z.infer<typeof StoreTotals>

export const StoreDashboard = z.object({
  /** Today (Beijing time) so far, over every counter. */
  total: StoreTotals,
  counters: z.array(
    z.object({
      counterId: z.string(),
      today: StoreTotals,
      /** When its last batch reached the store, and the newest change it carried. */
      lastBatchAt: Timestamp.nullable(),
      lastChangeAt: Timestamp.nullable(),
      attention: z.int().min(0),
    }),
  ),
  at: Timestamp,
})
export type StoreDashboard = z.infer<typeof StoreDashboard>

export const StoreReportView = z.object({
  from: Timestamp,
  to: Timestamp,
  total: StoreTotals,
  byCounter: z.array(StoreTotals.extend({ counterId: z.string() })),
  byCashier: z.array(StoreTotals.extend({ cashier: z.string() })),
  byPaytype: z.array(StoreTotals.extend({ paytype: z.string() })),
  /** Per operator (number and name; '' = orders from counters before operators were replicated). */
  byOperator: z.array(StoreTotals.extend({ operatorNo: z.string(), name: z.string().nullable() })),
  /** The drawer per counter: expected = floats + cash sales − cash refunds + paid-in − paid-out; counted and over/short from the counts at close. */
  drawers: z.array(
    z.object({
      counterId: z.string(),
      floatFen: NonNegativeFen,
      cashSalesFen: NonNegativeFen,
      cashRefundsFen: NonNegativeFen,
      paidInFen: NonNegativeFen,
      paidOutFen: NonNegativeFen,
      noSaleCount: z.int().min(0),
      expectedFen: z.int(),
      counts: z.int().min(0),
      countedFen: NonNegativeFen,
      overShortFen: z.int(),
      takenOutFen: NonNegativeFen,
    }),
  ),
})
export type StoreReportView = z.infer<typeof StoreReportView>

/** The store-wide settings every counter uses (set by a manager at any counter, pulled by the others); `source: 'local'` = none set yet, the counter's own. */
export const StoreSettingsView = z.object({
  storeName: z.string(),
  receiptHeader: z.string(),
  overShortLimitFen: NonNegativeFen,
  source: z.enum(['store', 'local']),
  updatedAt: Timestamp.nullable(),
  /** The counter whose change this is (null: this counter, or local settings). */
  fromCounter: z.string().nullable(),
})
export type StoreSettingsView = z.infer<typeof StoreSettingsView>

export const storeCalls = {
  /** The store settings in use here (the last pulled or set; the local ones when none). */
  'store:settings': call(Empty, StoreSettingsView),
  /** A manager (PIN or approval, audited: field names, never values) sets them for every counter of the store; works offline, ships when the store answers. */
  'store:setSettings': call(
    z.strictObject({ storeName: ShortText.trim().min(1), receiptHeader: ShortText.trim(), overShortLimitFen: NonNegativeFen, pin: Pin.optional(), approval: Approval.optional() }),
    StoreSettingsView,
  ),
  'store:status': call(Empty, ReplicationStatus),
  /** Connects (PIN), migrates the store schema, keeps the URL in the secret store and starts shipping (the counter's past rows first). */
  'store:configure': call(z.strictObject({ url: StoreUrl, tls: z.boolean().optional(), pin: Pin.optional(), approval: Approval.optional() }), ReplicationStatus),
  /** Stops shipping and forgets the URL (PIN); the counter sells on, alone. */
  'store:disconnect': call(z.strictObject({ pin: Pin.optional(), approval: Approval.optional() }), ReplicationStatus),
  /** Orders of every counter (STORE_UNREACHABLE when the store database cannot answer: the counter then shows its own only). */
  'store:orders': call(
    z.strictObject({ text: ShortText.optional(), amountFen: AmountFen.optional(), limit: z.int().min(1).max(200).default(50) }),
    z.object({ rows: z.array(StoreOrderView) }),
  ),
  /** Today's totals per counter, replication freshness, orders needing a person. */
  'store:dashboard': call(Empty, StoreDashboard),
  /** Store report (日结 over all counters) for [from, to); supervisor and above (`storeReport`, like the counter's day summary). */
  'store:report': call(z.strictObject({ from: Timestamp, to: Timestamp, pin: Pin.optional(), approval: Approval.optional() }), StoreReportView),
}

export const storeEvents = {
  'store:status': ReplicationStatus,
}
