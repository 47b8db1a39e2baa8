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

/** X (mid-shift) or Z (closing) report: wallets by paytype, the drawer apart. */
export interface ReportReceipt {
  kind: 'report'
  header: ReceiptHeader
  report: 'X' | 'Z'
  shiftId: string
  openedAt: number
  closedAt: number | null
  at: number
  paid: { count: number; amountFen: number }
  refunded: { count: number; amountFen: number }
  netFen: number
  byPaytype: { paytype: string; paidFen: number; paidCount: number; refundedFen: number }[]
  cash: {
    floatFen: number
    salesFen: number
    refundsFen: number
    paidInFen: number
    paidOutFen: number
    noSales: number
    expectedFen: number
    /** At close: counted, over/short (counted − expected), pieces by denomination in fen. */
    count: { countedFen: number; overShortFen: number; pieces: Record<string, number | undefined>; takenOutFen?: number; leftFen?: number } | null
  }
  reprint?: boolean
}

/** Paid-in, paid-out or a no-sale drawer opening: a slip for the drawer. */
export interface CashMovementReceipt {
  kind: 'movement'
  header: ReceiptHeader
  movement: 'paid_in' | 'paid_out' | 'no_sale' | 'sale' | 'refund'
  id: number
  amountFen: number
  reason: string
  approvedBy: string | null
  at: number
  reprint?: boolean
}

/** The day summary (日结, a Z-style day receipt): the day's shifts summed, the drawer, one line per operator. */
export interface DayReceipt {
  kind: 'day'
  header: ReceiptHeader
  day: string
  at: number
  shifts: { id: string; cashier: string; openedAt: number; closedAt: number | null }[]
  paid: { count: number; amountFen: number }
  refunded: { count: number; amountFen: number }
  netFen: number
  byPaytype: { paytype: string; paidFen: number; paidCount: number; refundedFen: number }[]
  /** The day's drawer as decided by electron/shifts/day-cash.ts (one drawer through the day; counted/left null when the last shift was not counted). */
  cash: {
    openingFloatFen: number
    floatAddedFen: number
    salesFen: number
    refundsFen: number
    paidInFen: number
    paidOutFen: number
    netFen: number
    takenOutFen: number
    takenOutAtEndFen: number
    expectedFen: number
    countedFen: number | null
    overShortFen: number
    leftFen: number | null
    countedShifts: number
    uncountedShifts: number
  }
  operators: { operatorNo: string | null; name: string; salesCount: number; salesFen: number; refundsFen: number; overShortFen: number; shiftsClosed: number }[]
  reprint?: boolean
}

export type Receipt = SaleReceipt | RefundReceipt | TestPageReceipt | ReportReceipt | CashMovementReceipt | DayReceipt
