// Cash at the counter. A cash sale is final the moment it is tendered: the
// order (method cash, state paid) and its drawer movement are one fsynced
// transaction, and the gateway is never called. Cash refunds, paid-in/out and
// no-sale openings need the supervisor PIN and are journaled before the drawer
// opens. Printing (receipt, drawer kick) happens after the commit, through the
// print queue: it never blocks, delays or changes the money.
import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'
import type { Journal } from '../journal'
import { JournalWriteError, type JournalWriteGuard } from '../journal/write-guard'
import { DEFAULT_BODY, fitBody } from '../payments/engine'
import { newOutRefundNo, newOutTradeNo } from '../payments/ids'
import { orderView, refundView } from '../payments/view'
import type { ShiftService } from '../shifts/service'
import type { SettingsService } from '../settings/service'
import { FINAL_ORDER_STATES, type Approval, type CashMovementView, type CashSettings, type CashTendered, type OrderView, type RefundView } from '../shared/contract'
import { formatYuan } from '../shared/money'
import { msg } from '../shared/contract'
import { PosFailure } from '../shared/result'
import type { CashRepo, NewMovement } from '../journal'

export interface CashDeps {
  journal: Journal
  /** The drawer's settings are the settings service's (one owner for settings keys). */
  settings: Pick<SettingsService, 'cashSettings' | 'saveCashSettings'>
  writes: JournalWriteGuard
  shifts: ShiftService
  /** Who may do it (electron/operators): throws COUNTER_LOCKED / ROLE_REQUIRED / a PIN refusal; says who did it and who approved. */
  guard: (action: CashAction, proof: { pin?: string | undefined; approval?: Approval | undefined }, ref?: string) => { operatorNo: string | null; approverNo: string | null }
  bus: EventBus
  log: Logger
  now: () => number
  terminal: () => { deviceId: string; cashier: string; maxSaleFen?: number }
  /** The wallet order in flight at this counter, if any (a cash sale waits for it). */
  walletInFlight: () => OrderView | null
  /** After the commit: open the drawer (and print, per settings). Never awaited by the money path. */
  drawer: (ref: string) => void
}

/** Who approved, when nobody is named (a counter without operators, the shared supervisor PIN). */
export const SUPERVISOR = '主管'

export type CashAction = 'sell' | 'refund' | 'cashMovement' | 'noSale' | 'settings'

/** The name written as the approver of a drawer action: the approver, else whoever did it, else the shared supervisor. */
export const approvedBy = (a: { operatorNo: string | null; approverNo: string | null }): string => a.approverNo ?? a.operatorNo ?? SUPERVISOR

function journalRefusal(): PosFailure {
  return new PosFailure('JOURNAL', '账本无法写入（磁盘已满或出错）：暂停现金收付，请联系管理员处理 (journal not writable)')
}

export class CashService {
  readonly repo: CashRepo

  constructor(private readonly d: CashDeps) {
    this.repo = d.journal.cash
  }

  sale(req: { amountFen: number; givenFen: number; body?: string }): { order: OrderView; tendered: CashTendered } {
    if (req.givenFen < req.amountFen) {
      throw new PosFailure('VALIDATION', `实收 ${formatYuan(req.givenFen)} 少于应收 ${formatYuan(req.amountFen)}`, { reason: 'given-below-due', givenFen: String(req.givenFen), amountFen: String(req.amountFen) })
    }
    const actor = this.d.guard('sell', {})
    const inFlight = this.d.walletInFlight()
    if (inFlight && !FINAL_ORDER_STATES.includes(inFlight.state) && inFlight.state !== 'cancelling') {
      throw new PosFailure('BUSY', `上一笔订单 ${inFlight.outTradeNo} 仍在处理中：请等待结果或先按“停止”`, { outTradeNo: inFlight.outTradeNo })
    }
    const terminal = this.d.terminal()
    if (terminal.maxSaleFen !== undefined && req.amountFen > terminal.maxSaleFen) {
      throw new PosFailure('AMOUNT_LIMIT', `金额 ${formatYuan(req.amountFen)} 超过单笔收款上限 ${formatYuan(terminal.maxSaleFen)}`, { amountFen: String(req.amountFen), maxFen: String(terminal.maxSaleFen) })
    }
    const now = this.d.now()
    const changeFen = req.givenFen - req.amountFen
    const { journal } = this.d
    const row = this.durable(() =>
      journal.transaction(() => {
        const shift = this.d.shifts.ensureOpen(terminal.cashier, actor.operatorNo)
        const outTradeNo = newOutTradeNo(terminal.deviceId, now, journal.next('order'))
        // The operator who took the money (as wallet orders record theirs).
        journal.orders.insert({ out_trade_no: outTradeNo, method: 'cash', paytype: null, amount_fen: req.amountFen, body: fitBody(req.body?.trim() || DEFAULT_BODY), step: msg('CASH_SALE'), auth_code_masked: null, cashier: shift.cashier, shift_id: shift.id, operator_no: actor.operatorNo, created_at: now })
        const paid = journal.orders.transition(outTradeNo, 'paid', { step: msg('CASH_RECEIVED', { givenFen: req.givenFen, changeFen }), paid_at: now }, msg('CASH_RECEIVED', { givenFen: req.givenFen, changeFen }), now)
        this.repo.insert({ device_id: terminal.deviceId, shift_id: shift.id, kind: 'sale', amount_fen: req.amountFen, given_fen: req.givenFen, change_fen: changeFen, ref: outTradeNo, reason: '', cashier: shift.cashier, approved_by: null, at: now })
        return paid
      }),
    )
    const order = orderView(row)
    const tendered: CashTendered = { outTradeNo: order.outTradeNo, amountFen: req.amountFen, givenFen: req.givenFen, changeFen, at: now }
    this.d.bus.emit('payment:update', order)
    this.d.bus.emit('cash:tendered', tendered)
    this.emitMoved(order.outTradeNo)
    this.d.drawer(order.outTradeNo)
    return { order, tendered }
  }

  /** A refund of a cash order: paid back from the drawer at once (PIN), never through the gateway. */
  refund(req: { outTradeNo: string; amountFen: number; pin?: string | undefined; approval?: Approval | undefined; reason?: string | undefined }): RefundView {
    const actor = this.d.guard('refund', req, req.outTradeNo)
    const { journal } = this.d
    const now = this.d.now()
    const row = this.durable(() =>
      journal.transaction(() => {
        const order = journal.orders.get(req.outTradeNo)
        if (!order) throw new PosFailure('NOT_FOUND', `没有这笔订单：${req.outTradeNo}`, { reason: 'order', outTradeNo: req.outTradeNo })
        if (order.method !== 'cash' || order.state !== 'paid') throw new PosFailure('CONFLICT', '只有已收款的现金订单可以退现金', { reason: 'not-paid-cash-order' })
        const refundable = order.amount_fen - journal.refunds.committedFen(order.out_trade_no)
        if (req.amountFen > refundable) throw new PosFailure('CONFLICT', `退款金额 ${formatYuan(req.amountFen)} 超过可退金额 ${formatYuan(Math.max(0, refundable))}`, { reason: 'over-refundable', remainingFen: String(Math.max(0, refundable)) })
        const terminal = this.d.terminal()
        const shift = this.d.shifts.ensureOpen(terminal.cashier)
        const created = journal.refunds.insert({ out_refund_no: newOutRefundNo(order.out_trade_no, journal.next('refund')), out_trade_no: order.out_trade_no, amount_fen: req.amountFen, step: msg('CASH_REFUNDING'), reason: req.reason?.trim() || '', shift_id: shift.id, operator_no: actor.operatorNo, approver_no: actor.approverNo, created_at: now })
        const done = journal.refunds.update(created.out_refund_no, 'success', { step: msg('CASH_REFUNDED', { amountFen: req.amountFen }) }, now)
        journal.orders.transition(order.out_trade_no, 'paid', { refunded_fen: order.refunded_fen + req.amountFen }, msg('CASH_REFUNDED', { amountFen: req.amountFen, outRefundNo: created.out_refund_no }), now)
        this.repo.insert({ device_id: terminal.deviceId, shift_id: shift.id, kind: 'refund', amount_fen: req.amountFen, given_fen: null, change_fen: null, ref: created.out_refund_no, reason: req.reason?.trim() || '', cashier: shift.cashier, approved_by: approvedBy(actor), at: now })
        return done
      }),
    )
    const order = journal.orders.get(req.outTradeNo)
    if (order) this.d.bus.emit('payment:update', orderView(order))
    this.d.bus.emit('refunds:update', refundView(row))
    this.emitMoved(row.out_refund_no)
    this.d.drawer(row.out_refund_no)
    return refundView(row)
  }

  /** Paid-in (零钱存入) or paid-out (支出): a reason and the PIN; the drawer opens. */
  move(req: { kind: 'paid_in' | 'paid_out'; amountFen: number; reason: string; pin?: string | undefined; approval?: Approval | undefined }): CashMovementView {
    const actor = this.d.guard('cashMovement', req)
    if (req.kind === 'paid_out') {
      const shift = this.d.shifts.current()
      const t = shift ? this.repo.totals(shift.id) : null
      const inDrawer = shift && t ? shift.floatFen + t.sale.amountFen - t.refund.amountFen + t.paid_in.amountFen - t.paid_out.amountFen : 0
      if (req.amountFen > inDrawer) throw new PosFailure('CONFLICT', `支出 ${formatYuan(req.amountFen)} 超过钱箱应有现金 ${formatYuan(inDrawer)}`, { reason: 'above-drawer', amountFen: String(req.amountFen), drawerFen: String(inDrawer) })
    }
    return this.record({ kind: req.kind, amount_fen: req.amountFen, reason: req.reason.trim() }, approvedBy(actor))
  }

  /** Opens the drawer with no sale (PIN), recorded and audited. */
  noSale(req: { reason?: string | undefined; pin?: string | undefined; approval?: Approval | undefined }): CashMovementView {
    const actor = this.d.guard('noSale', req)
    return this.record({ kind: 'no_sale', amount_fen: 0, reason: req.reason?.trim() ?? '' }, approvedBy(actor))
  }

  movements(shiftId?: string): CashMovementView[] {
    const id = shiftId ?? this.d.shifts.currentId()
    return id ? this.repo.forShift(id) : []
  }

  settings(): CashSettings {
    return this.d.settings.cashSettings()
  }

  setSettings(next: CashSettings, proof: { pin?: string | undefined; approval?: Approval | undefined }): CashSettings {
    this.d.guard('settings', proof)
    this.d.settings.saveCashSettings(next)
    return this.settings()
  }

  private record(m: Pick<NewMovement, 'kind' | 'amount_fen' | 'reason'>, approver: string): CashMovementView {
    const now = this.d.now()
    const terminal = this.d.terminal()
    const view = this.durable(() =>
      this.d.journal.transaction(() => {
        const shift = this.d.shifts.ensureOpen(terminal.cashier)
        const row = this.repo.insert({ ...m, device_id: terminal.deviceId, shift_id: shift.id, given_fen: null, change_fen: null, ref: null, cashier: shift.cashier, approved_by: approver, at: now })
        // The audit is append-only: a drawer opened without a sale stays on record.
        this.d.journal.audit.append({ at: now, call: `cash:${m.kind}`, ref: `M${row.id}`, outcome: 'ok', httpStatus: null, durationMs: 0, request: { kind: m.kind, amountFen: m.amount_fen, reason: m.reason, shiftId: shift.id, approvedBy: approver }, response: null, error: null })
        return row
      }),
    )
    this.d.bus.emit('cash:moved', view)
    this.d.drawer(`M${view.id}`)
    return view
  }

  private emitMoved(ref: string): void {
    const m = this.repo.forRef(ref)
    if (m) this.d.bus.emit('cash:moved', m)
  }

  private durable<T>(write: () => T): T {
    if (this.d.writes.failing) throw journalRefusal()
    try {
      return this.d.writes.durable(write)
    } catch (e) {
      if (e instanceof JournalWriteError) throw journalRefusal()
      throw e
    }
  }
}
