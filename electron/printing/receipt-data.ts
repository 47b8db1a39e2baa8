// What a receipt says, as plain data (no layout): built by the services from
// an order, a refund or a report, rendered by receipt-doc.ts. Money in fen.
export type PaperWidth = 58 | 80

/** Columns of the default font: 58 mm paper holds 32 ASCII (16 CJK), 80 mm 48 (24). */
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 }

export interface ReceiptHeader {
  storeName: string
  /** Extra header lines from store settings (address, phone), printed under the name. */
  headerLines?: string[]
  counterId: string
  cashier: string
  /** Printed as a DEMO line: demo-mode receipts must never pass for real ones. */
  demo: boolean
}

export type PaymentMethod = 'code' | 'face' | 'qr' | 'cash'

export interface SaleReceipt {
  kind: 'sale'
  header: ReceiptHeader
  outTradeNo: string
  at: number
  method: PaymentMethod
  /** WECHAT, ALIPAY, … (absent for cash). */
  paytype?: string
  totalFen: number
  /** coupon_fee from the gateway's answer, where it said. */
  couponFen?: number
  cashGivenFen?: number
  changeFen?: number
  transactionId?: string
  /** Already masked (never the full payment code). */
  maskedCode?: string
  reprint?: boolean
}

export interface RefundReceipt {
  kind: 'refund'
  header: ReceiptHeader
  outTradeNo: string
  outRefundNo: string
  at: number
  method: PaymentMethod
  paytype?: string
  refundFen: number
  approvedBy?: string
  reprint?: boolean
}

export interface TestPageReceipt {
  kind: 'test'
  header: ReceiptHeader
  at: number
  width: PaperWidth
}

export type Receipt = SaleReceipt | RefundReceipt | TestPageReceipt
