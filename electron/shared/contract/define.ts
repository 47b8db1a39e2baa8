import { z } from 'zod'

/** One call: a zod schema for what the renderer sends and one for what it gets back. */
export interface CallSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req
  response: Res
}

export function call<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): CallSpec<Req, Res> {
  return { request, response }
}

/** Requests with no arguments still get a strict, empty object so extra fields are refused. */
export const Empty = z.strictObject({})

// Shared field shapes, so every call bounds its strings and amounts the same way.
export const ShortText = z.string().max(64)
export const Text = z.string().max(256)
export const AmountFen = z.int().min(1).max(10_000_000_00)
export const NonNegativeFen = z.int().min(0).max(10_000_000_00)
export const OutTradeNo = z.string().regex(/^[A-Za-z0-9_]{5,32}$/, 'out_trade_no: 5–32 letters, digits or _')
export const Timestamp = z.int().min(0) // ms since epoch
export const PayType = z.enum(['WECHAT', 'ALIPAY', 'UNIONPAY', 'JDPAY', 'QQ', 'BESTPAY'])
export type PayType = z.infer<typeof PayType>
export const PayMethod = z.enum(['code', 'face', 'qr', 'cash'])
export type PayMethod = z.infer<typeof PayMethod>
/** A PIN typed to prove who you are: '' means "not typed" (PIN_REQUIRED, not an attempt); 4–5 digits only verify PINs set before the 6-digit rule. */
export const Pin = z.string().regex(/^(\d{4,12})?$/, 'PIN: digits')
/** A new PIN: digits; the rule (6–12, not trivial) is the core's, one place: settings/pin.ts checkNewPin → PIN_WEAK. */
export const NewPin = z.string().regex(/^\d{1,12}$/, 'PIN: digits')
