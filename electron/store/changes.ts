// What a counter ships to the store: its outbox, one change per row written,
// numbered by the counter's outbox sequence: orders, refunds, shifts, gateway
// audit, cash movements, drawer counts, the operator audit, operators and the
// store settings (the last two also flow down: store/pull.ts). Parsed with zod on both ends —
// the outbox is read back from disk, and the store trusts nothing it is sent.
import { z } from 'zod'

const Fen = z.int().min(0).max(Number.MAX_SAFE_INTEGER)
const Ms = z.int().min(0)
const Id = z.string().min(1).max(64)
const OpNo = z.string().regex(/^[0-9]{4}$/)
const Name = z.string().min(1).max(64)
/** An operator's number, or what the journal records when none approved (the shared supervisor PIN). */
const Who = z.string().max(64)

export const StoreOrderRow = z.strictObject({
  outTradeNo: Id,
  method: z.enum(['code', 'face', 'qr', 'cash']),
  paytype: z.string().max(16).nullable(),
  amountFen: Fen.min(1),
  state: z.string().min(1).max(32),
  refundedFen: Fen,
  cashier: z.string().min(1).max(64),
  shiftId: Id.nullable(),
  transactionId: z.string().max(64).nullable(),
  attention: z.string().max(1_000).nullable(),
  createdAt: Ms,
  updatedAt: Ms,
  paidAt: Ms.nullable(),
  /** Who took the order (the operator's number), absent from counters before storesync. */
  operatorNo: Who.nullable().optional(),
})

export const StoreRefundRow = z.strictObject({
  outRefundNo: Id,
  outTradeNo: Id,
  amountFen: Fen.min(1),
  state: z.string().min(1).max(32),
  shiftId: Id.nullable(),
  createdAt: Ms,
  updatedAt: Ms,
  operatorNo: Who.nullable().optional(),
})

export const StoreShiftRow = z.strictObject({
  shiftId: Id,
  cashier: z.string().min(1).max(64),
  floatFen: Fen,
  openedAt: Ms,
  closedAt: Ms.nullable(),
  /** storesync: who opened and closed it, and where its float came from (handover); absent from older counters. */
  operatorNo: Who.nullable().optional(),
  closedBy: Who.nullable().optional(),
  closeApprover: Who.nullable().optional(),
  floatFromShift: Id.nullable().optional(),
  floatCarriedFen: Fen.nullable().optional(),
  floatCountedBy: Who.nullable().optional(),
  floatReason: z.string().max(200).nullable().optional(),
})

export const StoreAuditRow = z.strictObject({
  auditId: z.int().min(1),
  at: Ms,
  call: z.string().min(1).max(64),
  ref: z.string().max(64).nullable(),
  outcome: z.string().min(1).max(32),
})

export const StoreCashRow = z.strictObject({
  movementId: z.int().min(1),
  shiftId: Id,
  kind: z.enum(['sale', 'refund', 'paid_in', 'paid_out', 'no_sale']),
  amountFen: Fen,
  givenFen: Fen.nullable(),
  changeFen: Fen.nullable(),
  ref: z.string().max(64).nullable(),
  reason: z.string().max(200),
  cashier: Name,
  approvedBy: z.string().max(64).nullable(),
  at: Ms,
})

export const StoreDrawerCountRow = z.strictObject({
  shiftId: Id,
  /** The denominations counted, as the journal keeps them (JSON). */
  denominations: z.string().max(2_000),
  countedFen: Fen,
  expectedFen: Fen,
  overShortFen: z.int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  takenOutFen: Fen,
  approvedBy: z.string().max(64).nullable(),
  at: Ms,
})

/** The operator audit: append-only, never a PIN (operators/audit-log.ts keeps pin/hash/key out of `detail`). */
export const StoreOperatorAuditRow = z.strictObject({
  auditId: z.int().min(1),
  at: Ms,
  operatorNo: Who.nullable(),
  action: z.string().min(1).max(64),
  outcome: z.enum(['ok', 'refused']),
  approverNo: Who.nullable(),
  ref: z.string().max(128).nullable(),
  detail: z.string().max(4_000).nullable(),
})

/** An operator as every counter of the store shares it: never its lockout state. `writer`: the counter whose edit it is. */
export const StoreOperatorRow = z.strictObject({
  operatorNo: OpNo,
  name: Name,
  role: z.enum(['cashier', 'supervisor', 'manager']),
  pinHash: z.string().min(1).max(256),
  active: z.boolean(),
  createdAt: Ms,
  updatedAt: Ms,
  writer: Id,
})

export const StoreSettingsRow = z.strictObject({
  storeName: z.string().min(1).max(64),
  receiptHeader: z.string().max(64),
  overShortLimitFen: Fen,
  updatedAt: Ms,
  writer: Id,
})

const Seq = z.int().min(1)
export const StoreChange = z.discriminatedUnion('kind', [
  z.strictObject({ seq: Seq, kind: z.literal('order'), row: StoreOrderRow }),
  z.strictObject({ seq: Seq, kind: z.literal('refund'), row: StoreRefundRow }),
  z.strictObject({ seq: Seq, kind: z.literal('shift'), row: StoreShiftRow }),
  z.strictObject({ seq: Seq, kind: z.literal('audit'), row: StoreAuditRow }),
  z.strictObject({ seq: Seq, kind: z.literal('cash'), row: StoreCashRow }),
  z.strictObject({ seq: Seq, kind: z.literal('count'), row: StoreDrawerCountRow }),
  z.strictObject({ seq: Seq, kind: z.literal('op_audit'), row: StoreOperatorAuditRow }),
  z.strictObject({ seq: Seq, kind: z.literal('operator'), row: StoreOperatorRow }),
  z.strictObject({ seq: Seq, kind: z.literal('store_settings'), row: StoreSettingsRow }),
])
export type StoreChange = z.infer<typeof StoreChange>

/**
 * Changes after `afterSeq` (what the counter believes the store has) up to
 * `throughSeq`. Several changes of one row travel as its latest state once, so
 * `changes` may hold fewer entries than the sequence range.
 */
export const StoreBatch = z
  .strictObject({
    counterId: Id,
    storeId: Id,
    afterSeq: z.int().min(0),
    throughSeq: Seq,
    changes: z.array(StoreChange).max(5_000),
  })
  .refine((b) => b.throughSeq > b.afterSeq && b.changes.every((c) => c.seq > b.afterSeq && c.seq <= b.throughSeq), 'changes must lie in (afterSeq, throughSeq]')
export type StoreBatch = z.infer<typeof StoreBatch>
