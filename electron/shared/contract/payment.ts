import { z } from 'zod'
import { Message } from './message'
import { AmountFen, call, Empty, NonNegativeFen, OutTradeNo, PayMethod, PayType, ShortText, Text, Timestamp } from './define'

/**
 * The order state machine (see electron/payments/README.md):
 * created → submitted → (paying ↔ querying) → paid | cancelling → cancelled | closed | failed.
 * `review` is final for the counter but flagged: a person must act (e.g. paid after
 * the cancel window while the cashier gave up). Only paid/cancelled/closed/failed/review are final.
 */
export const OrderState = z.enum([
  'created',
  'submitted',
  'paying',
  'querying',
  'cancelling',
  'paid',
  'cancelled',
  'closed',
  'failed',
  'review',
])
export type OrderState = z.infer<typeof OrderState>
export const FINAL_ORDER_STATES: readonly OrderState[] = ['paid', 'cancelled', 'closed', 'failed', 'review']

export const OrderView = z.object({
  outTradeNo: OutTradeNo,
  method: PayMethod,
  /** null only for a QR order before the customer picked a wallet (never for code/face). */
  paytype: PayType.nullable(),
  amountFen: AmountFen,
  body: z.string(),
  state: OrderState,
  /** Where the order is, as a message code the renderer words (e.g. WAITING_PASSWORD). */
  step: Message,
  /** The customer is entering a password / confirming on the phone. */
  awaitingCustomer: z.boolean(),
  /** When the engine stops waiting and cancels (ms since epoch), null when not waiting. */
  deadlineAt: Timestamp.nullable(),
  /** Masked payment code (first 4 / last 4), null for face/QR. */
  authCodeMasked: z.string().nullable(),
  transactionId: z.string().nullable(),
  /** coupon_fee (代金券) from the gateway's paid answer, where it said one: the customer paid amount − coupon. */
  couponFen: z.int().min(1).optional(),
  /** QR orders: the code_url to show on the customer display. */
  codeUrl: z.string().nullable(),
  /** `code`: the gateway's error code or a local one (NOT_RECEIVED, FACE_DEVICE…); `message`: what to say about it. */
  failure: z.object({ code: z.string(), message: Message }).nullable(),
  refundedFen: NonNegativeFen,
  /** Why a person must look at this order, null when nothing to do. */
  attention: Message.nullable(),
  cashier: z.string(),
  shiftId: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  paidAt: Timestamp.nullable(),
  /** The journal could not record this state yet: it is kept in memory and retried (the state itself is real). */
  unrecorded: z.boolean().optional(),
})
export type OrderView = z.infer<typeof OrderView>

const SaleFields = {
  amountFen: AmountFen,
  /** Goods description sent as `body`; defaults to DEFAULT_BODY (a goods description, never the store name). */
  body: Text.optional(),
}

export const paymentCalls = {
  /** The customer's payment code was scanned (scanner, wedge or typed). */
  'payment:payByCode': call(z.strictObject({ ...SaleFields, authCode: z.string().max(128) }), OrderView),
  /** Face payment on the camera (WeChat). Resolves once the order exists; progress comes as events. */
  'payment:payByFace': call(z.strictObject(SaleFields), OrderView),
  /** NATIVE pre-order: a QR on the customer display for the chosen wallet. */
  'payment:payByQr': call(z.strictObject({ ...SaleFields, paytype: z.enum(['WECHAT', 'ALIPAY']) }), OrderView),
  /** Cashier pressed Stop: cancels properly (never just forgets the order). */
  'payment:stop': call(z.strictObject({ outTradeNo: OutTradeNo }), OrderView),
  /** The order in flight at this counter, if any. */
  'payment:current': call(Empty, OrderView.nullable()),
}

export const paymentEvents = {
  /** Every state change or step change of an order. */
  'payment:update': OrderView,
}

export { ShortText }
