import { z } from 'zod'
import { Message } from './message'
import { Approval } from './operators'
import { call, Empty, NonNegativeFen, PayMethod, PayType, Pin, ShortText, Timestamp } from './define'
import { DrawerCount } from './cash'

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
  /** Cash expected in the drawer: float + cash sales − cash refunds + paid-in − paid-out (wallet money never counts here). */
  expectedFen: z.int(),
  /** The drawer in detail (absent in Z reports stored before cash existed). */
  cash: z
    .object({
      floatFen: NonNegativeFen,
      sales: Bucket,
      refunds: Bucket,
      paidIn: Bucket,
      paidOut: Bucket,
      noSales: z.int().min(0),
      expectedFen: z.int(),
      /** The count at close (Z only): pieces per denomination, counted, counted − expected (长短款 over/short). */
      count: z.object({ pieces: DrawerCount.shape.pieces, countedFen: z.int().min(0), overShortFen: z.int(), approvedBy: z.string().nullable() }).nullable(),
    })
    .optional(),
  /** The latest reconciliation with the gateway for this shift ("reconciled at …: N orders, M differences"). */
  reconciliation: z.object({ at: Timestamp, orders: z.int().min(0), differences: z.int().min(0) }).nullable().optional(),
})
export type ShiftReport = z.infer<typeof ShiftReport>

export const shiftsCalls = {
  'shifts:current': call(Empty, ShiftView.nullable()),
  'shifts:open': call(z.strictObject({ cashier: ShortText.min(1), floatFen: NonNegativeFen }), ShiftView),
  'shifts:xReport': call(Empty, ShiftReport),
  /** Closes the open shift and returns its Z report. Refused while an order is in flight. */
  /**
   * `count`: the drawer counted by denomination; a difference above the cash settings' limit
   * is refused with CONFIRM_REQUIRED (params overShortFen, limitFen) unless `acceptOverShort`.
   */
  'shifts:close': call(z.strictObject({ pin: Pin.optional(), approval: Approval.optional(), count: DrawerCount.optional(), acceptOverShort: z.boolean().optional() }), ShiftReport),
  'shifts:report': call(z.strictObject({ shiftId: z.string().max(64) }), ShiftReport),
  'shifts:list': call(z.strictObject({ limit: z.int().min(1).max(200).default(30) }), z.array(ShiftView)),
}

export const shiftsEvents = {
  'shifts:changed': ShiftView.nullable(),
}
