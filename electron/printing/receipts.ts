// Receipt data from the journal: an order, a refund, a shift report or a cash
// movement becomes the plain data receipt-doc.ts lays out. Throws NOT_FOUND
// for a number the journal does not have.
import type { CashRepo } from '../journal'
import type { Journal } from '../journal'
import type { ShiftService } from '../shifts/service'
import type { DaySummary, PrintTarget, ShiftReport } from '../shared/contract'
import { PosFailure } from '../shared/result'
import type { DayReceipt, PaperWidth, Receipt, ReceiptHeader, ReportReceipt } from './receipt-data'

export interface ReceiptSources {
  journal: Journal
  cash: CashRepo
  shifts: ShiftService
  /** Store name, counter, demo flag now; the cashier is taken from the order or shift. */
  header: (cashier: string) => ReceiptHeader
  now: () => number
  width: () => PaperWidth
}

export function reportReceipt(r: ShiftReport, header: ReceiptHeader, reprint: boolean): ReportReceipt {
  const c = r.cash
  return {
    kind: 'report',
    header,
    report: r.kind,
    shiftId: r.shift.id,
    openedAt: r.shift.openedAt,
    closedAt: r.shift.closedAt,
    at: r.generatedAt,
    paid: r.paid,
    refunded: r.refunded,
    netFen: r.netFen,
    byPaytype: r.byPaytype.map((p) => ({ paytype: p.paytype, paidFen: p.paid.amountFen, paidCount: p.paid.count, refundedFen: p.refunded.amountFen })),
    cash: {
      floatFen: c?.floatFen ?? r.shift.floatFen,
      salesFen: c?.sales.amountFen ?? 0,
      refundsFen: c?.refunds.amountFen ?? 0,
      paidInFen: c?.paidIn.amountFen ?? 0,
      paidOutFen: c?.paidOut.amountFen ?? 0,
      noSales: c?.noSales ?? 0,
      expectedFen: c?.expectedFen ?? r.expectedFen,
      count: c?.count
        ? {
            countedFen: c.count.countedFen,
            overShortFen: c.count.overShortFen,
            pieces: c.count.pieces,
            ...(c.count.takenOutFen !== undefined ? { takenOutFen: c.count.takenOutFen } : {}),
            ...(c.count.leftFen !== undefined ? { leftFen: c.count.leftFen } : {}),
          }
        : null,
    },
    ...(reprint ? { reprint } : {}),
  }
}

/** The day summary as a Z-style day receipt (built by the shifts domain after its permission check). */
export function dayReceipt(d: DaySummary, header: ReceiptHeader, reprint: boolean): DayReceipt {
  const c = d.cash
  return {
    kind: 'day',
    header,
    day: d.day,
    at: d.generatedAt,
    shifts: d.shifts.map((s) => ({ id: s.id, cashier: s.cashier, openedAt: s.openedAt, closedAt: s.closedAt })),
    paid: d.paid,
    refunded: d.refunded,
    netFen: d.netFen,
    byPaytype: d.byPaytype.map((p) => ({ paytype: p.paytype, paidFen: p.paid.amountFen, paidCount: p.paid.count, refundedFen: p.refunded.amountFen })),
    cash: {
      openingFloatFen: c.openingFloatFen,
      floatAddedFen: c.floatAddedFen,
      salesFen: c.sales.amountFen,
      refundsFen: c.refunds.amountFen,
      paidInFen: c.paidIn.amountFen,
      paidOutFen: c.paidOut.amountFen,
      netFen: c.netFen,
      takenOutFen: c.takenOutFen,
      takenOutAtEndFen: c.takenOutAtEndFen,
      expectedFen: c.expectedFen,
      countedFen: c.countedFen,
      overShortFen: c.overShortFen,
      leftFen: c.leftFen,
      countedShifts: c.countedShifts,
      uncountedShifts: c.uncountedShifts,
    },
    operators: d.operators.map((o) => ({ operatorNo: o.operatorNo, name: o.name, salesCount: o.sales.count, salesFen: o.sales.amountFen, refundsFen: o.refunds.amountFen, overShortFen: o.overShortFen, shiftsClosed: o.shiftsClosed })),
    ...(reprint ? { reprint } : {}),
  }
}

export function buildReceipt(src: ReceiptSources, target: PrintTarget, reprint: boolean): Receipt {
  const { journal } = src
  switch (target.kind) {
    case 'sale': {
      const o = journal.orders.get(target.outTradeNo)
      if (!o || (o.state !== 'paid' && o.refunded_fen === 0)) throw new PosFailure('NOT_FOUND', `没有这笔已收款订单：${target.outTradeNo}`, { reason: 'paid-order', outTradeNo: target.outTradeNo })
      const cash = o.method === 'cash' ? src.cash.forRef(o.out_trade_no) : null
      return {
        kind: 'sale',
        header: src.header(o.cashier),
        outTradeNo: o.out_trade_no,
        at: o.paid_at ?? o.created_at,
        method: o.method,
        ...(o.paytype ? { paytype: o.paytype } : {}),
        totalFen: o.amount_fen,
        ...(o.coupon_fen ? { couponFen: o.coupon_fen } : {}),
        ...(cash?.givenFen != null ? { cashGivenFen: cash.givenFen, changeFen: cash.changeFen ?? 0 } : {}),
        ...(o.transaction_id ? { transactionId: o.transaction_id } : {}),
        ...(o.auth_code_masked ? { maskedCode: o.auth_code_masked } : {}),
        ...(reprint ? { reprint } : {}),
      }
    }
    case 'refund': {
      const r = journal.refunds.get(target.outRefundNo)
      const o = r ? journal.orders.get(r.out_trade_no) : undefined
      if (!r || !o || r.state !== 'success') throw new PosFailure('NOT_FOUND', `没有这笔成功的退款：${target.outRefundNo}`, { reason: 'refund', outRefundNo: target.outRefundNo })
      const m = o.method === 'cash' ? src.cash.forRef(r.out_refund_no) : null
      return {
        kind: 'refund',
        header: src.header(o.cashier),
        outTradeNo: o.out_trade_no,
        outRefundNo: r.out_refund_no,
        at: r.updated_at,
        method: o.method,
        ...(o.paytype ? { paytype: o.paytype } : {}),
        refundFen: r.amount_fen,
        ...(m?.approvedBy ? { approvedBy: m.approvedBy } : {}),
        ...(reprint ? { reprint } : {}),
      }
    }
    case 'report': {
      const report = target.shiftId ? src.shifts.stored(target.shiftId) : src.shifts.report('X')
      return reportReceipt(report, src.header(report.shift.cashier), reprint)
    }
    case 'movement': {
      const m = src.cash.get(target.id)
      if (!m) throw new PosFailure('NOT_FOUND', `没有这笔现金记录：M${target.id}`, { reason: 'cash-movement', id: String(target.id) })
      return { kind: 'movement', header: src.header(m.cashier), movement: m.kind, id: m.id, amountFen: m.amountFen, reason: m.reason, approvedBy: m.approvedBy, at: m.at, ...(reprint ? { reprint } : {}) }
    }
    case 'test':
      return { kind: 'test', header: src.header(''), at: src.now(), width: src.width() }
  }
}
