// Shapes shared by the sandbox gateway's parts.
import type { PayType } from '../../shared/contract/define'
import type { GatewayCallName } from '../calls'

/** Transport-level faults: the answer is lost or unusable (the fault matrix runs every one at every call). */
export const FAULTS = ['timeout', 'reset-before', 'reset-after-commit', '5xx', 'html', 'truncated', 'badsign', 'nosign', '30001'] as const
export type TransportFault = (typeof FAULTS)[number]
/** Signed refusals a real gateway gives for a while (e.g. a cancel while the wallet is busy). */
export const REFUSAL_FAULTS = ['20011'] as const
export type Fault = TransportFault | (typeof REFUSAL_FAULTS)[number]

/** Whether a fault, by default, lets the call take effect before the answer goes wrong. */
export const FAULT_COMMITS: Record<Fault, boolean> = {
  timeout: true,
  'reset-before': false,
  'reset-after-commit': true,
  '5xx': false,
  html: true,
  truncated: true,
  badsign: true,
  nosign: true,
  '30001': false,
  /** A signed refusal of a cancel, as gateways answer while the wallet is still busy with the payment. */
  '20011': false,
}

export interface SandboxMerchant {
  mchId: string
  /** The merchant key (mch_trade_code). */
  key: string
  fullName: string
  shortName: string
  /** GetMchId mch_state: '0' pending, '20' active, '30' disabled. */
  state: '0' | '20' | '30'
  mobile?: string
  username?: string
  password?: string
}

export type OrderStatus = 'paying' | 'paid' | 'unpaid' | 'closed' | 'reversed' | 'failed' | 'refund'

export interface SandboxOrder {
  mchId: string
  outTradeNo: string
  transactionId: string
  paytype: PayType
  /** pay, facepay or a NATIVE pre-order. */
  source: 'pay' | 'facepay' | 'native'
  totalFee: number
  body: string
  attach?: string
  createdAt: number
  status: OrderStatus
  /** When a paying/unpaid order turns paid by itself (scenario), ms on the sandbox clock. */
  paysAt?: number
  /** When a paying/unpaid order closes by itself. */
  closesAt?: number
  paidAt?: number
  failCode?: string
  failMsg?: string
  /** Masked payment code (first 4 / last 4): even the sandbox keeps no full code. */
  codeMasked?: string
  codeUrl?: string
  /** coupon_fee (代金券, fen) on the paid answers, where the scenario applies one. */
  couponFee?: number
}

export interface SandboxRefund {
  mchId: string
  outTradeNo: string
  outRefundNo: string
  refundId: string
  refundFee: number
  status: 'SUCCESS' | 'PROCESSING'
  createdAt: number
  settlesAt?: number
  refundTime?: number
}

export interface RecordedRequest {
  at: number
  path: string
  call: GatewayCallName | null
  outTradeNo?: string
}

/** How an answer leaves the server. */
export type Delivery = { kind: 'normal' } | { kind: 'slow'; ms: number } | { kind: 'fault'; fault: Fault }

export interface Reply {
  fields: Record<string, string>
  delivery?: Delivery
}
