import { z } from 'zod'
import { Message } from './message'
import { Approval } from './operators'
import { call, Empty, NonNegativeFen, PayMethod, PayType, Pin, ShortText, Timestamp } from './define'
import { DrawerCount } from './cash'
import { PrintJobView } from './printing'

/** Where a shift's float came from (handover): the shift it was carried from, the amount carried, who counted it, the reason for a different float. */
export const FloatSource = z.object({
  fromShiftId: z.string(),
  carriedFen: NonNegativeFen,
  countedBy: z.string().nullable(),
  reason: z.string().nullable(),
})
export type FloatSource = z.infer<typeof FloatSource>

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
  /** Handover: where the float came from (null: typed, nothing carried). */
  floatSource: FloatSource.nullable().optional(),
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
      count: z
        .object({
          pieces: DrawerCount.shape.pieces,
          countedFen: z.int().min(0),
          overShortFen: z.int(),
          approvedBy: z.string().nullable(),
          /** Handover: declared taken out (to the safe) at close, and what stays in the drawer for the next shift. */
          takenOutFen: NonNegativeFen.optional(),
          leftFen: NonNegativeFen.optional(),
        })
        .nullable(),
    })
    .optional(),
  /** The latest reconciliation with the gateway for this shift ("reconciled at …: N orders, M differences"). */
  reconciliation: z.object({ at: Timestamp, orders: z.int().min(0), differences: z.int().min(0) }).nullable().optional(),
})
export type ShiftReport = z.infer<typeof ShiftReport>

/** What the core proposes as the next shift's float: the last closed shift's count minus what was taken out. */
export const HandoverProposal = z.object({
  fromShiftId: z.string(),
  cashier: z.string(),
  closedAt: Timestamp,
  /** The operator who closed (counted) it, and their name when known. */
  countedBy: z.string().nullable(),
  countedByName: z.string().nullable(),
  countedFen: NonNegativeFen,
  takenOutFen: NonNegativeFen,
  floatFen: NonNegativeFen,
})
export type HandoverProposal = z.infer<typeof HandoverProposal>

export const BusinessDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day: YYYY-MM-DD')
const Supervised = { pin: Pin.optional(), approval: Approval.optional() }

/** 日结: a business day's shifts of this counter, summed, with one line per operator. */
export const DaySummary = z.object({
  day: BusinessDay,
  generatedAt: Timestamp,
  shifts: z.array(ShiftView),
  /** Shifts of the day still open (their figures are X figures). */
  openShifts: z.int().min(0),
  paid: Bucket,
  refunded: Bucket,
  netFen: z.int(),
  byPaytype: z.array(z.object({ paytype: PayType, paid: Bucket, refunded: Bucket })),
  byMethod: z.array(z.object({ method: PayMethod, paid: Bucket })),
  /**
   * The day's drawer as one drawer through the day (decided in electron/shifts/day-cash.ts):
   * expectedFen = openingFloatFen + floatAddedFen + netFen − (takenOutFen − takenOutAtEndFen);
   * countedFen / leftFen: the last shift's count and what stayed after its drop (null: not counted);
   * overShortFen: the sum of the shifts' own over/short.
   */
  cash: z.object({
    /** The first shift's float. */
    openingFloatFen: z.int().min(0),
    /** Float added (or, negative, removed) at later handovers: a shift's float − what it carried. */
    floatAddedFen: z.int(),
    sales: Bucket,
    refunds: Bucket,
    paidIn: Bucket,
    paidOut: Bucket,
    /** Cash in and out: sales − refunds + paid-in − paid-out. */
    netFen: z.int(),
    /** Taken to the safe over the day; `takenOutAtEndFen` the part taken at the last shift's close (after its count). */
    takenOutFen: z.int().min(0),
    takenOutAtEndFen: z.int().min(0),
    /** What the drawer should hold at the last count. */
    expectedFen: z.int(),
    countedFen: z.int().min(0).nullable(),
    overShortFen: z.int(),
    leftFen: z.int().nullable(),
    countedShifts: z.int().min(0),
    /** Shifts closed without a count (taken to have left what they expected). */
    uncountedShifts: z.int().min(0),
  }),
  operators: z.array(
    z.object({
      operatorNo: z.string().nullable(),
      name: z.string(),
      sales: Bucket,
      refunds: Bucket,
      /** Over/short of the shifts this operator closed (counted ones). */
      overShortFen: z.int(),
      shiftsClosed: z.int().min(0),
    }),
  ),
})
export type DaySummary = z.infer<typeof DaySummary>

export const DayListEntry = z.object({ day: BusinessDay, shifts: z.int().min(0), openShifts: z.int().min(0) })
export type DayListEntry = z.infer<typeof DayListEntry>

export const shiftsCalls = {
  'shifts:current': call(Empty, ShiftView.nullable()),
  /**
   * `floatReason`: required when the float differs from the carried one (shifts:handover); else
   * CONFIRM_REQUIRED (params reason 'float-differs', carriedFen). Recorded and audited.
   */
  'shifts:open': call(z.strictObject({ cashier: ShortText.min(1), floatFen: NonNegativeFen, floatReason: ShortText.optional() }), ShiftView),
  /** The float the next shift should open with, carried from the last closed shift's count (null: nothing counted to carry). */
  'shifts:handover': call(Empty, HandoverProposal.nullable()),
  'shifts:xReport': call(Empty, ShiftReport),
  /** Closes the open shift and returns its Z report. Refused while an order is in flight. */
  /**
   * `count`: the drawer counted by denomination; a difference above the cash settings' limit
   * is refused with CONFIRM_REQUIRED (params overShortFen, limitFen) unless `acceptOverShort`.
   */
  'shifts:close': call(z.strictObject({ pin: Pin.optional(), approval: Approval.optional(), count: DrawerCount.optional(), acceptOverShort: z.boolean().optional(), takenOutFen: NonNegativeFen.optional() }), ShiftReport),
  'shifts:report': call(z.strictObject({ shiftId: z.string().max(64), ...Supervised }), ShiftReport),
  /** Past business days of this counter (newest first). Supervisor and above. */
  'shifts:days': call(z.strictObject({ limit: z.int().min(1).max(90).default(14), ...Supervised }), z.array(DayListEntry)),
  /** The day summary (日结). Supervisor and above: a cashier is refused with ROLE_REQUIRED unless approved. */
  'shifts:day': call(z.strictObject({ day: BusinessDay, ...Supervised }), DaySummary),
  /** Prints the day summary (a Z-style day receipt); same permission as the summary. */
  'shifts:printDay': call(z.strictObject({ day: BusinessDay, ...Supervised }), PrintJobView),
  'shifts:list': call(z.strictObject({ limit: z.int().min(1).max(200).default(30) }), z.array(ShiftView)),
}

export const shiftsEvents = {
  'shifts:changed': ShiftView.nullable(),
}
