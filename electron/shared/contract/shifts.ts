import { z } from 'zod'
import { Message } from './message'
import { Approval } from './operators'
import { call, Empty, NonNegativeFen, PayMethod, PayType, Pin, ShortText, Timestamp } from './define'

export const ShiftView = z.object({
  id: z.string(),
  cashier: z.string(),
  floatFen: NonNegativeFen,
  openedAt: Timestamp,
  closedAt: Timestamp.nullable(),
  /** Operators (v6): who opened it, who closed it and who approved the close; null before operators. */
  operatorNo: z.string().nullable().optional(),
  closedBy: z.string().nullable().optional(),
  closeApprover: z.string().nullable().optional(),
})
export type ShiftView = z.infer<typeof ShiftView>

const Bucket = z.object({ count: z.int().min(0), amountFen: z.int() })

/** X and Z reports come from one calculation; Z is the one taken at close. */
export const ShiftReport = z.object({
  kind: z.enum(['X', 'Z']),
  shift: ShiftView,
  generatedAt: Timestamp,
  paid: Bucket,
  byPaytype: z.array(z.object({ paytype: PayType, paid: Bucket, refunded: Bucket })),
  byMethod: z.array(z.object({ method: PayMethod, paid: Bucket })),
  refunded: Bucket,
  /** paid − refunded (fen). */
  netFen: z.int(),
  cancelled: z.int().min(0),
  failed: z.int().min(0),
  /** Orders that still need a person (review state, refunds stuck: `refund` true, `reason` the refund's step). */
  attention: z.array(z.object({ outTradeNo: z.string(), refund: z.boolean(), reason: Message })),
  /** Opening float + net, what the drawer plus wallets should hold. */
  expectedFen: z.int(),
  /** The latest reconciliation with the gateway for this shift ("reconciled at …: N orders, M differences"). */
  reconciliation: z.object({ at: Timestamp, orders: z.int().min(0), differences: z.int().min(0) }).nullable().optional(),
})
export type ShiftReport = z.infer<typeof ShiftReport>

export const shiftsCalls = {
  'shifts:current': call(Empty, ShiftView.nullable()),
  'shifts:open': call(z.strictObject({ cashier: ShortText.min(1), floatFen: NonNegativeFen }), ShiftView),
  'shifts:xReport': call(Empty, ShiftReport),
  /** Closes the open shift and returns its Z report. Refused while an order is in flight. */
  'shifts:close': call(z.strictObject({ pin: Pin.optional(), approval: Approval.optional() }), ShiftReport),
  'shifts:report': call(z.strictObject({ shiftId: z.string().max(64) }), ShiftReport),
  'shifts:list': call(z.strictObject({ limit: z.int().min(1).max(200).default(30) }), z.array(ShiftView)),
}

export const shiftsEvents = {
  'shifts:changed': ShiftView.nullable(),
}
