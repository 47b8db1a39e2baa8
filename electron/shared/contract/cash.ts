// Cash at the counter: a cash tender (final at once, never sent to the
// gateway), paid-in / paid-out and no-sale drawer openings (PIN, audited), the
// drawer's movements for a shift, and the cash settings (over/short limit).
import { z } from 'zod'
import { AmountFen, call, Empty, NonNegativeFen, OutTradeNo, Pin, ShortText, Text, Timestamp } from './define'
import { Approval } from './operators'
import { OrderView } from './payment'

export const CashMovementKind = z.enum(['sale', 'refund', 'paid_in', 'paid_out', 'no_sale'])
export type CashMovementKind = z.infer<typeof CashMovementKind>

export const CashMovementView = z.object({
  id: z.int(),
  shiftId: z.string(),
  kind: CashMovementKind,
  amountFen: NonNegativeFen,
  givenFen: NonNegativeFen.nullable(),
  changeFen: NonNegativeFen.nullable(),
  /** The order or refund number for sales and refunds. */
  ref: z.string().nullable(),
  reason: z.string(),
  cashier: z.string(),
  approvedBy: z.string().nullable(),
  at: Timestamp,
})
export type CashMovementView = z.infer<typeof CashMovementView>

/** What the customer display shows after a cash sale: the change, big. */
export const CashTendered = z.object({ outTradeNo: OutTradeNo, amountFen: AmountFen, givenFen: AmountFen, changeFen: NonNegativeFen, at: Timestamp })
export type CashTendered = z.infer<typeof CashTendered>

/** Notes and coins counted at close, in fen: 100, 50, 20, 10, 5, 1 yuan; 5 and 1 jiao. */
export const DENOMINATIONS_FEN = [10000, 5000, 2000, 1000, 500, 100, 50, 10] as const
export const DrawerCount = z.strictObject({
  /** Pieces per denomination, keyed by the denomination in fen ("10000": 3). */
  pieces: z.partialRecord(z.enum(DENOMINATIONS_FEN.map(String) as [string, ...string[]]), z.int().min(0).max(100_000)),
})
export type DrawerCount = z.infer<typeof DrawerCount>

export const CashSettings = z.object({
  /** A count that differs from the expected cash by more than this needs the supervisor PIN at close (fen). */
  overShortLimitFen: NonNegativeFen,
})
export type CashSettings = z.infer<typeof CashSettings>

export const cashCalls = {
  /** A cash sale: given ≥ amount; recorded paid at once (method cash), change = given − amount; the drawer opens. */
  'cash:sale': call(z.strictObject({ amountFen: AmountFen, givenFen: AmountFen, body: Text.optional() }), z.object({ order: OrderView, tendered: CashTendered })),
  /** Money put into (paid_in, 零钱存入) or taken out of (paid_out, 支出) the drawer: a reason and the supervisor PIN. */
  'cash:move': call(z.strictObject({ kind: z.enum(['paid_in', 'paid_out']), amountFen: AmountFen, reason: ShortText.min(1), pin: Pin.optional(), approval: Approval.optional() }), CashMovementView),
  /** Opens the drawer without a sale (supervisor PIN), audited. */
  'cash:noSale': call(z.strictObject({ reason: ShortText.optional(), pin: Pin.optional(), approval: Approval.optional() }), CashMovementView),
  /** The drawer's movements of a shift (default: the open one), newest first. */
  'cash:movements': call(z.strictObject({ shiftId: z.string().max(64).optional() }), z.array(CashMovementView)),
  'cash:settings': call(Empty, CashSettings),
  'cash:setSettings': call(z.strictObject({ settings: CashSettings, pin: Pin.optional(), approval: Approval.optional() }), CashSettings),
}

export const cashEvents = {
  'cash:tendered': CashTendered,
  /** A movement was recorded (the shift screen refreshes). */
  'cash:moved': CashMovementView,
}
