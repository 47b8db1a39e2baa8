// Request and result shapes of the gateway client. Every result is a union
// discriminated by `kind`; amounts are integer fen.
import type { PayType } from '../shared/contract/define'
import type { Logger } from '../kernel/logger'
import type { GatewayCallName, GatewayKeys } from './calls'
import type { ExchangeFault } from './transport'

export type { PayType }

export interface GatewayClientOptions {
  baseUrl: string
  agentId: string
  mchId: string
  keys: GatewayKeys
  /** Caller's product name (spec `pid`), e.g. "counter". */
  pid?: string
  /** Caller's version (spec `version`). */
  version?: string
  /** Per HTTP call, the whole exchange including the body (and any wait for a free socket). Default 10 000 ms. */
  timeoutMs?: number
  /** Live mode: https only (loopback excepted), certificate checks never off. */
  mode?: 'demo' | 'live'
  /** At most this many requests in flight, so at most this many sockets to the gateway. Default 6. */
  maxSockets?: number
  log?: Logger
  /** Called once per HTTP call, after it ends, with secrets and codes masked. */
  onAudit?: (entry: GatewayAuditEntry) => void
}

export interface GatewayAuditEntry {
  call: GatewayCallName
  path: string
  /** Sent fields, masked: auth_code/face_code first 4 + last 4, no key, no sign. */
  request: Record<string, string>
  /** Answer fields (masked, no sign) when a JSON object came back, verified or not. */
  response: Record<string, string> | null
  /** The `kind` of the result handed to the caller. */
  outcome: string
  httpStatus: number | null
  /** Transport, parse or signature problem; null when a verified answer came back. */
  error: string | null
  startedAt: number
  durationMs: number
}

/** "Nobody can say what happened": query (for pay/refund) or retry (for queries). */
export interface Unknown {
  kind: 'unknown'
  reason: string
  /** The gateway code when a (verified) answer carried one, e.g. "20006". */
  code?: string
  /** Set when no verified answer came back at all (network, HTTP, body, signature). */
  fault?: ExchangeFault
}
export interface Failed {
  kind: 'failed'
  code: string
  message: string
}

// ---- pay / facepay
export interface PayOptionalFields {
  attach?: string
  deviceInfo?: string
  mchCreateIp?: string
  opUserId?: string
  opShopId?: string
  opDeviceId?: string
  goodsTag?: string
}
export interface PayRequest extends PayOptionalFields {
  outTradeNo: string
  totalFee: number
  body: string
  authCode: string
}
export interface FacePayRequest extends PayOptionalFields {
  outTradeNo: string
  totalFee: number
  body: string
  faceCode: string
  openid: string
  subOpenid?: string
}
export interface Paid {
  kind: 'paid'
  transactionId: string
  outTradeNo: string
  totalFee: number
  /** yyyyMMddHHmmss, GMT+8, as the gateway sent it. */
  timeEnd: string
  /** coupon_fee (代金券, fen) when the answer said one: 0 < coupon ≤ total; what the customer paid is total − coupon. */
  couponFee?: number
  raw: Record<string, string>
}
export interface Paying {
  kind: 'paying'
  code: string
  message: string
}
export type PayOutcome = Paid | Paying | Failed | Unknown

// ---- orderquery
export interface OrderQueryRequest {
  paytype: PayType
  outTradeNo: string
}
export type OrderQueryOutcome =
  | Paid
  | { kind: 'paying' }
  | { kind: 'unpaid' }
  | { kind: 'closed' }
  | { kind: 'reversed' }
  | { kind: 'refund' }
  | Failed
  | { kind: 'notFound' }
  | Unknown

// ---- cancel
export interface CancelRequest {
  paytype: PayType
  outTradeNo: string
  opUserId: string
}
export type CancelOutcome =
  | { kind: 'cancelled' }
  | { kind: 'paying' }
  | { kind: 'retry'; message: string }
  | Failed
  | Unknown

// ---- refund / refundquery
export interface RefundRequest {
  paytype: PayType
  outTradeNo: string
  outRefundNo: string
  totalFee: number
  refundFee: number
  opUserId: string
}
export type RefundOutcome = { kind: 'success'; refundId: string; refundFee: number } | { kind: 'processing' } | Failed | Unknown

export interface RefundQueryRequest {
  paytype: PayType
  outTradeNo?: string
  outRefundNo?: string
  refundId?: string
}
export type RefundStatus = 'SUCCESS' | 'FAIL' | 'PROCESSING' | 'NOTSURE' | 'CHANGE'
export interface RefundEntry {
  outRefundNo: string
  refundId: string
  refundFee: number
  status: RefundStatus
  /** yyyyMMddHHmmss or '' when the gateway left it out. */
  refundTime: string
}
export type RefundQueryOutcome =
  | { kind: 'ok'; refunds: RefundEntry[]; refundFeeSummary: number }
  | { kind: 'notFound' }
  | Failed
  | Unknown

// ---- QR pre-orders (trade_type NATIVE)
export interface PreOrderRequest {
  outTradeNo: string
  totalFee: number
  body: string
  /** WeChat requires it for NATIVE; defaults to outTradeNo. */
  productId?: string
  attach?: string
  deviceInfo?: string
  mchCreateIp?: string
  opUserId?: string
  opShopId?: string
  notifyUrl?: string
  /** yyyyMMddHHmmss, GMT+8 */
  timeExpire?: string
}
export type PreOrderOutcome = { kind: 'created'; codeUrl: string; codeImgUrl?: string } | Failed | Unknown

// ---- face auth
export interface FaceAuthRequest {
  storeId: string
  storeName: string
  deviceId: string
  rawdata: string
}
export interface FaceAuth {
  kind: 'ok'
  authinfo: string
  expiresIn: number
  appid: string
  channelMchId: string
  mchId: string
  storeId: string
  subAppid?: string
  subMchId?: string
}
export type FaceAuthOutcome = FaceAuth | Failed | Unknown

// ---- merchant activation (agent key)
export type SendSmsOutcome = { kind: 'ok'; validMinutes: number } | Failed | Unknown
export type GetMerchantRequest = { mobile: string; valid: string } | { username: string; password: string }
export type MerchantState = 'pending' | 'active' | 'disabled' | 'unknown'
export interface MerchantInfo {
  kind: 'ok'
  mchId: string
  /** The merchant's trade code: the merchant key. Secret: never log it. */
  mchTradeCode: string
  fullName: string
  shortName: string
  state: MerchantState
}
export type GetMerchantOutcome = MerchantInfo | Failed | Unknown
/** Mch_Reg's fields are agreed per integration ("联调时请联系技术支持获取"): passed through as-is. */
export type RegisterMerchantRequest = Record<string, string>
export type RegisterMerchantOutcome = { kind: 'ok'; mchId: string } | Failed | Unknown

export interface GatewayClient {
  pay(req: PayRequest): Promise<PayOutcome>
  facepay(req: FacePayRequest): Promise<PayOutcome>
  getFaceAuth(req: FaceAuthRequest): Promise<FaceAuthOutcome>
  orderQuery(req: OrderQueryRequest): Promise<OrderQueryOutcome>
  cancel(req: CancelRequest): Promise<CancelOutcome>
  refund(req: RefundRequest): Promise<RefundOutcome>
  refundQuery(req: RefundQueryRequest): Promise<RefundQueryOutcome>
  wechatPreOrder(req: PreOrderRequest): Promise<PreOrderOutcome>
  alipayPreOrder(req: PreOrderRequest): Promise<PreOrderOutcome>
  sendMerchantSms(req: { mobile: string }): Promise<SendSmsOutcome>
  getMerchant(req: GetMerchantRequest): Promise<GetMerchantOutcome>
  registerMerchant(fields: RegisterMerchantRequest): Promise<RegisterMerchantOutcome>
}
