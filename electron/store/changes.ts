// What a counter ships to the store: its outbox, one change per row written,
// numbered by the counter's outbox sequence. Parsed with zod on both ends —
// the outbox is read back from disk, and the store trusts nothing it is sent.
import { z } from 'zod'

const Fen = z.int().min(0).max(Number.MAX_SAFE_INTEGER)
const Ms = z.int().min(0)
const Id = z.string().min(1).max(64)

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
})

export const StoreRefundRow = z.strictObject({
  outRefundNo: Id,
  outTradeNo: Id,
  amountFen: Fen.min(1),
  state: z.string().min(1).max(32),
  shiftId: Id.nullable(),
  createdAt: Ms,
  updatedAt: Ms,
})

export const StoreShiftRow = z.strictObject({
  shiftId: Id,
  cashier: z.string().min(1).max(64),
  floatFen: Fen,
  openedAt: Ms,
  closedAt: Ms.nullable(),
})

export const StoreAuditRow = z.strictObject({
  auditId: z.int().min(1),
  at: Ms,
  call: z.string().min(1).max(64),
  ref: z.string().max(64).nullable(),
  outcome: z.string().min(1).max(32),
})

const Seq = z.int().min(1)
export const StoreChange = z.discriminatedUnion('kind', [
  z.strictObject({ seq: Seq, kind: z.literal('order'), row: StoreOrderRow }),
  z.strictObject({ seq: Seq, kind: z.literal('refund'), row: StoreRefundRow }),
  z.strictObject({ seq: Seq, kind: z.literal('shift'), row: StoreShiftRow }),
  z.strictObject({ seq: Seq, kind: z.literal('audit'), row: StoreAuditRow }),
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
