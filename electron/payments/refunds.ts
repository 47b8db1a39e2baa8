// Refunds: full or partial, each with its own out_refund_no that is reused on
// every retry; the sum never exceeds what was paid (checked in the journal and
// against the gateway); PROCESSING/NOTSURE/unknown answers are followed up with
// refundquery. The supervisor PIN is checked here, not only in the UI.
import type { RefundOutcome } from '../gateway/types'
import type { RefundChanges, RefundRow } from '../journal/refunds'
import { JournalWriteError } from '../journal/write-guard'
import { msg, type RefundView } from '../shared/contract'
import { formatYuan } from '../shared/money'
import { PosFailure } from '../shared/result'
import type { EngineContext } from './context'
import { newOutRefundNo, newStoreRefundNo } from './ids'
import type { StoreRefundPort } from './ports'
import { StoreRefunds } from './store-refunds'
import { refundView, refused } from './view'

function journalRefusal(): PosFailure {
  return new PosFailure('JOURNAL', '账本无法写入（磁盘已满或出错）：暂不能退款，请联系管理员处理 (journal not writable)')
}

const SUBMITTING = msg('REFUND_SUBMITTING')

export interface RefundRequest {
  outTradeNo: string
  amountFen: number
  /** The supervisor PIN (or the signed-in operator's own), or an approval: whichever the authorizer accepts. */
  pin?: string | undefined
  approval?: { operatorNo: string; pin: string } | undefined
  reason?: string | undefined
}

/** Decides whether this refund may go ahead (electron/operators) and says who asked and who approved. */
export type RefundAuthorizer = (req: RefundRequest) => { operatorNo: string | null; approverNo: string | null }

export class RefundService {
  private readonly following = new Map<string, Promise<void>>()
  /** Refunds of other counters' orders, through the store database. */
  readonly store: StoreRefunds

  constructor(
    private readonly ctx: EngineContext,
    private readonly authorize: RefundAuthorizer,
    storePort: () => StoreRefundPort | null = () => null,
  ) {
    this.store = new StoreRefunds(ctx, storePort)
  }

  private get journal() {
    return this.ctx.deps.journal
  }

  refundableFen(outTradeNo: string): number {
    const order = this.journal.orders.get(outTradeNo)
    if (!order || order.state !== 'paid') return 0
    return Math.max(0, order.amount_fen - this.journal.refunds.committedFen(outTradeNo))
  }

  async create(req: RefundRequest): Promise<RefundView> {
    const actor = this.authorize(req)
    if (this.ctx.deps.writes.failing) throw journalRefusal()
    const local = this.journal.orders.get(req.outTradeNo)
    // Another counter's order (or one the journal lacks while a store is set up): through the store (store-refunds.ts).
    const facts = this.store.handles(req.outTradeNo, local) ? await this.store.fetch(req.outTradeNo) : null
    const order = facts ? { out_trade_no: facts.outTradeNo, paytype: facts.paytype, amount_fen: facts.amountFen } : local
    if (!order) throw new PosFailure('NOT_FOUND', `没有这笔订单：${req.outTradeNo}`, { reason: 'order', outTradeNo: req.outTradeNo })
    if (!facts && (local?.state !== 'paid' || !order.paytype)) throw new PosFailure('CONFLICT', '只有已收款的订单可以退款', { reason: 'not-paid' })
    this.checkLocal(req.outTradeNo, req.amountFen, order.amount_fen)

    // Against the gateway too: refunds made elsewhere (another terminal, the merchant portal) count.
    // Alipay can only be asked about a refund by its number (spec 2.2.4), so there the
    // gateway's own cap (it refuses refunds above the paid amount) is the second check.
    const paytype = order.paytype as NonNullable<typeof order.paytype>
    const remote = paytype === 'ALIPAY' ? null : await this.ctx.gateway.refundQuery({ paytype, outTradeNo: order.out_trade_no })
    if (remote?.kind === 'ok') {
      const known = new Set(this.journal.refunds.forOrder(order.out_trade_no).map((r) => r.out_refund_no))
      const elsewhere = remote.refunds.filter((r) => r.status !== 'FAIL' && !known.has(r.outRefundNo)).reduce((s, r) => s + r.refundFee, 0)
      if (elsewhere + this.journal.refunds.committedFen(order.out_trade_no) + req.amountFen > order.amount_fen) {
        throw new PosFailure('CONFLICT', `网关显示本单已另有退款 ${formatYuan(elsewhere)}，本次退款会超过实收金额`, { reason: 'gateway-refunded', elsewhereFen: String(elsewhere) })
      }
    }

    // A store refund: its number names this counter too (the order's own counter numbers its refunds
    // from its own sequence), and the amount is reserved in the store before anything is written or sent.
    // This counter's own order, with a store that answers: reserved there too, so another counter
    // refunding it at the same moment cannot pass the cap with us. Offline, the counter refunds its own
    // orders alone (journal and gateway checks), as before the store.
    const own = !facts && this.store.reachable()
    const refundNo = facts
      ? newStoreRefundNo(req.outTradeNo, this.durable(() => this.journal.next('refund')), this.store.counterId())
      : own
        ? newOutRefundNo(req.outTradeNo, this.durable(() => this.journal.next('refund')))
        : null
    let reserved = false
    if (facts && refundNo) {
      await this.store.reserve(req.outTradeNo, refundNo, req.amountFen)
      reserved = true
    } else if (refundNo) reserved = await this.store.reserveOwn(req.outTradeNo, refundNo, req.amountFen)

    // Re-check and insert in one transaction: two refunds racing cannot both pass.
    // One fsynced transaction, committed before the refund call: the row and its `submitted` mark.
    const now = this.ctx.clock.now()
    let row: RefundRow
    try {
      row = this.durable(() =>
        this.journal.transaction(() => {
          if (facts) this.store.recordOrder(facts)
          this.checkLocal(req.outTradeNo, req.amountFen, order.amount_fen)
          const created = this.journal.refunds.insert({
            out_refund_no: refundNo ?? newOutRefundNo(req.outTradeNo, this.journal.next('refund')),
            out_trade_no: req.outTradeNo,
            amount_fen: req.amountFen,
            step: SUBMITTING,
            reason: req.reason?.trim() || '',
            shift_id: this.ctx.deps.shifts.currentId(),
            operator_no: actor.operatorNo,
            approver_no: actor.approverNo,
            created_at: now,
          })
          return this.journal.refunds.update(created.out_refund_no, 'submitted', { step: SUBMITTING }, now)
        }),
      )
    } catch (e) {
      if (reserved && refundNo) await this.store.abandon(refundNo)
      throw e
    }
    if (refundNo) this.store.recorded(refundNo)
    this.emit(row)
    await this.submit(row.out_refund_no, true)
    const after = this.row(row.out_refund_no)
    if (after.state === 'processing' || after.state === 'submitted') this.follow(after.out_refund_no)
    return refundView(after)
  }

  /** Follow up now (a person pressed "recheck", or recovery). */
  recheck(outRefundNo: string): RefundView {
    const row = this.ctx.unrecordedRefunds.get(outRefundNo) ?? this.journal.refunds.get(outRefundNo)
    if (!row) throw new PosFailure('NOT_FOUND', `没有这笔退款：${outRefundNo}`, { reason: 'refund', outRefundNo })
    if (row.state !== 'success' && row.state !== 'failed') this.follow(outRefundNo)
    return refundView(row)
  }

  /**
   * Recovery: every refund that is not final. One still `created` is never sent
   * behind the cashier's back; but the gateway is asked first (a rolled-back
   * journal can hide one it has), and it is voided only on a confirmed "not found".
   */
  recover(): number {
    const open = this.journal.refunds.open()
    for (const r of open) {
      if (r.state === 'created') this.track(r.out_refund_no, this.recoverCreated(r))
      else this.follow(r.out_refund_no)
    }
    return open.length
  }

  private async recoverCreated(r: RefundRow): Promise<void> {
    const order = this.ctx.order(r.out_trade_no)
    for (let ask = 0; ask < 2; ask++) {
      if (ask > 0) await this.ctx.clock.sleep(this.ctx.policy.minGapMs)
      const out = await this.ctx.gateway.refundQuery({ paytype: order.paytype ?? 'WECHAT', outTradeNo: order.out_trade_no, outRefundNo: r.out_refund_no })
      const entry = out.kind === 'ok' ? out.refunds.find((x) => x.outRefundNo === r.out_refund_no) : undefined
      if (entry) {
        // The gateway has it: from now on it is followed like any submitted refund.
        this.update(r.out_refund_no, 'submitted', { step: msg('REFUND_RESULT_UNKNOWN') })
        return this.followUp(r.out_refund_no)
      }
      if (out.kind === 'unknown') {
        this.update(r.out_refund_no, 'review', { step: msg('REFUND_SUBMIT_UNKNOWN') })
        return
      }
    }
    this.update(r.out_refund_no, 'failed', { step: msg('REFUND_NOT_SUBMITTED'), failure_code: 'NOT_SUBMITTED', failure_message: msg('REFUND_NOT_SUBMITTED') })
  }

  async idle(): Promise<void> {
    while (this.following.size > 0) await Promise.allSettled([...this.following.values()])
    await this.store.idle()
  }

  /** The journal's cap; `paidFen` for a store order not recorded here yet. */
  private checkLocal(outTradeNo: string, amountFen: number, paidFen: number): void {
    const refundable = this.journal.orders.get(outTradeNo) ? this.refundableFen(outTradeNo) : Math.max(0, paidFen - this.journal.refunds.committedFen(outTradeNo))
    if (amountFen > refundable) {
      throw new PosFailure('CONFLICT', `退款金额 ${formatYuan(amountFen)} 超过可退金额 ${formatYuan(refundable)}`, { reason: 'over-refundable', remainingFen: String(refundable) })
    }
  }

  /** One refund call with the refund's own out_refund_no (the same on every retry). */
  private async submit(outRefundNo: string, marked = false): Promise<void> {
    const row = marked ? this.row(outRefundNo) : this.durable(() => this.journal.refunds.update(outRefundNo, 'submitted', { step: SUBMITTING }, this.ctx.clock.now()))
    const order = this.ctx.order(row.out_trade_no)
    const out = await this.ctx.gateway.refund({
      paytype: order.paytype ?? 'WECHAT',
      outTradeNo: order.out_trade_no,
      outRefundNo,
      totalFee: order.amount_fen,
      refundFee: row.amount_fen,
      opUserId: row.operator_no ?? this.ctx.deps.terminal().opUserId,
    })
    this.applyRefund(outRefundNo, out)
  }

  private applyRefund(outRefundNo: string, out: RefundOutcome): void {
    switch (out.kind) {
      case 'success':
        this.succeed(outRefundNo, out.refundId)
        return
      case 'processing':
        this.update(outRefundNo, 'processing', { step: msg('REFUND_PROCESSING') })
        return
      case 'failed':
        this.update(outRefundNo, 'failed', { step: msg('REFUND_FAILED', { code: out.code, text: out.message }), failure_code: out.code, failure_message: refused(out.code, out.message) })
        return
      case 'unknown':
        this.update(outRefundNo, 'submitted', { step: msg('REFUND_RESULT_UNKNOWN') })
    }
  }

  private follow(outRefundNo: string): void {
    if (this.following.has(outRefundNo)) return
    this.track(outRefundNo, this.followUp(outRefundNo))
  }

  private track(outRefundNo: string, work: Promise<void>): void {
    const task = work
      .catch((e) => this.ctx.log.error('refund follow-up failed', { outRefundNo, error: e instanceof Error ? e.message : String(e) }))
      .finally(() => this.following.delete(outRefundNo))
    this.following.set(outRefundNo, task)
  }

  private async followUp(outRefundNo: string): Promise<void> {
    const { policy, clock } = this.ctx
    const started = clock.now()
    for (let i = 0; ; i++) {
      const delay = policy.refundQueryMs[Math.min(i, policy.refundQueryMs.length - 1)] ?? 5_000
      await clock.sleep(delay)
      const row = this.row(outRefundNo)
      if (row.state === 'success' || row.state === 'failed') return
      const order = this.ctx.order(row.out_trade_no)
      const out = await this.ctx.gateway.refundQuery({ paytype: order.paytype ?? 'WECHAT', outTradeNo: order.out_trade_no, outRefundNo })
      if (out.kind === 'ok') {
        const entry = out.refunds.find((r) => r.outRefundNo === outRefundNo)
        if (!entry) await this.submit(outRefundNo)
        else if (entry.status === 'SUCCESS') return void this.succeed(outRefundNo, entry.refundId)
        else if (entry.status === 'FAIL') return void this.update(outRefundNo, 'failed', { step: msg('REFUND_FAILED_AT_GATEWAY'), failure_code: 'FAIL', failure_message: msg('REFUND_FAILED_AT_GATEWAY') })
        else if (entry.status === 'NOTSURE') await this.submit(outRefundNo) // the spec: re-submit with the same out_refund_no
        else if (entry.status === 'CHANGE') {
          return void this.update(outRefundNo, 'review', { step: msg('REFUND_CHANGE'), failure_code: 'CHANGE', failure_message: msg('REFUND_CHANGE') })
        } else this.update(outRefundNo, 'processing', { step: msg('REFUND_PROCESSING') })
      } else if (out.kind === 'notFound' && row.state === 'submitted') {
        await this.submit(outRefundNo) // the gateway never got it: same out_refund_no, so never twice
      }
      const now = this.row(outRefundNo)
      if (now.state === 'success' || now.state === 'failed') return
      if (clock.now() - started >= policy.refundFollowUpMs) {
        this.update(outRefundNo, 'review', { step: msg('REFUND_STILL_PROCESSING') })
        return
      }
    }
  }

  private succeed(outRefundNo: string, refundId: string): void {
    const amountFen = this.row(outRefundNo).amount_fen
    const row = this.update(outRefundNo, 'success', { step: msg('REFUND_SUCCEEDED', { amountFen }), refund_id: refundId, failure_code: null, failure_message: null })
    const order = this.ctx.order(row.out_trade_no)
    const kept = [...this.ctx.unrecordedRefunds.values()].filter((r) => r.out_trade_no === order.out_trade_no && r.state === 'success' && this.journal.refunds.get(r.out_refund_no)?.state !== 'success')
    const refunded = this.journal.refunds.successFen(order.out_trade_no) + kept.reduce((s, r) => s + r.amount_fen, 0)
    this.ctx.move(order.out_trade_no, order.state, { refunded_fen: refunded }, msg('REFUND_SUCCEEDED', { amountFen, outRefundNo }))
  }

  /** The refund as the counter knows it: kept in memory when the journal refused its latest state. */
  private row(outRefundNo: string): RefundRow {
    return this.ctx.unrecordedRefunds.get(outRefundNo) ?? (this.journal.refunds.get(outRefundNo) as RefundRow)
  }

  /** Records an answer that already happened: kept in memory and retried if the journal refuses it. */
  private update(outRefundNo: string, state: RefundRow['state'], changes: RefundChanges): RefundRow {
    const at = this.ctx.clock.now()
    const before = this.row(outRefundNo)
    let row: RefundRow
    if (this.ctx.deps.writes.keep(outRefundNo, () => void this.journal.refunds.update(outRefundNo, state, changes, at))) row = this.row(outRefundNo)
    else {
      row = { ...before, ...changes, state, updated_at: at } as RefundRow
      this.ctx.unrecordedRefunds.set(outRefundNo, row)
      this.ctx.log.error('journal write failed: refund state kept in memory', { outRefundNo, state })
    }
    this.emit(row)
    this.store.onRefundState(row)
    return row
  }

  /** Must be on disk before the refund call; otherwise nothing is sent and the cashier is told. */
  private durable<T>(write: () => T): T {
    try {
      return this.ctx.deps.writes.durable(write)
    } catch (e) {
      if (e instanceof JournalWriteError) throw journalRefusal()
      throw e
    }
  }

  private emit(row: RefundRow): void {
    this.ctx.deps.bus.emit('refunds:update', refundView(row))
  }
}
