// Refunds: full or partial, each with its own out_refund_no that is reused on
// every retry; the sum never exceeds what was paid (checked in the journal and
// against the gateway); PROCESSING/NOTSURE/unknown answers are followed up with
// refundquery. The supervisor PIN is checked here, not only in the UI.
import type { RefundOutcome } from '../gateway/types'
import type { RefundRow } from '../journal/refunds'
import type { RefundView } from '../shared/contract'
import { formatYuan } from '../shared/money'
import { PosFailure } from '../shared/result'
import type { PinGuard } from '../settings/pin'
import type { EngineContext } from './context'
import { newOutRefundNo } from './ids'
import { refundView } from './view'

export interface RefundRequest {
  outTradeNo: string
  amountFen: number
  pin: string
  reason?: string
}

export class RefundService {
  private readonly following = new Map<string, Promise<void>>()

  constructor(
    private readonly ctx: EngineContext,
    private readonly pin: PinGuard,
  ) {}

  private get journal() {
    return this.ctx.deps.journal
  }

  refundableFen(outTradeNo: string): number {
    const order = this.journal.orders.get(outTradeNo)
    if (!order || order.state !== 'paid') return 0
    return Math.max(0, order.amount_fen - this.journal.refunds.committedFen(outTradeNo))
  }

  async create(req: RefundRequest): Promise<RefundView> {
    this.pin.verify(req.pin)
    const order = this.journal.orders.get(req.outTradeNo)
    if (!order) throw new PosFailure('NOT_FOUND', `没有这笔订单：${req.outTradeNo}`)
    if (order.state !== 'paid' || !order.paytype) throw new PosFailure('CONFLICT', '只有已收款的订单可以退款')
    this.checkLocal(req.outTradeNo, req.amountFen)

    // Against the gateway too: refunds made elsewhere (another terminal, the merchant portal) count.
    // Alipay can only be asked about a refund by its number (spec 2.2.4), so there the
    // gateway's own cap (it refuses refunds above the paid amount) is the second check.
    const remote = order.paytype === 'ALIPAY' ? null : await this.ctx.gateway.refundQuery({ paytype: order.paytype, outTradeNo: order.out_trade_no })
    if (remote?.kind === 'ok') {
      const known = new Set(this.journal.refunds.forOrder(order.out_trade_no).map((r) => r.out_refund_no))
      const elsewhere = remote.refunds.filter((r) => r.status !== 'FAIL' && !known.has(r.outRefundNo)).reduce((s, r) => s + r.refundFee, 0)
      if (elsewhere + this.journal.refunds.committedFen(order.out_trade_no) + req.amountFen > order.amount_fen) {
        throw new PosFailure('CONFLICT', `网关显示本单已另有退款 ${formatYuan(elsewhere)}，本次退款会超过实收金额`)
      }
    }

    // Re-check and insert in one transaction: two refunds racing cannot both pass.
    const now = this.ctx.clock.now()
    const row = this.journal.db.transaction(() => {
      this.checkLocal(req.outTradeNo, req.amountFen)
      return this.journal.refunds.insert({
        out_refund_no: newOutRefundNo(req.outTradeNo, this.journal.next('refund')),
        out_trade_no: req.outTradeNo,
        amount_fen: req.amountFen,
        step: '正在提交退款…',
        reason: req.reason?.trim() || '',
        shift_id: this.ctx.deps.shifts.currentId(),
        created_at: now,
      })
    })()
    this.emit(row)
    await this.submit(row.out_refund_no)
    const after = this.journal.refunds.get(row.out_refund_no) as RefundRow
    if (after.state === 'processing' || after.state === 'submitted') this.follow(after.out_refund_no)
    return refundView(after)
  }

  /** Follow up now (a person pressed "recheck", or recovery). */
  recheck(outRefundNo: string): RefundView {
    const row = this.journal.refunds.get(outRefundNo)
    if (!row) throw new PosFailure('NOT_FOUND', `没有这笔退款：${outRefundNo}`)
    if (row.state !== 'success' && row.state !== 'failed') this.follow(outRefundNo)
    return refundView(row)
  }

  /** Recovery: every refund that is not final. Never-sent ones are voided, not sent behind the cashier's back. */
  recover(): number {
    const open = this.journal.refunds.open()
    for (const r of open) {
      if (r.state === 'created') this.update(r.out_refund_no, 'failed', { step: '退款未提交（程序中断），未退款，请重新发起', failure_code: 'NOT_SUBMITTED', failure_message: '退款未提交' })
      else this.follow(r.out_refund_no)
    }
    return open.length
  }

  async idle(): Promise<void> {
    while (this.following.size > 0) await Promise.allSettled([...this.following.values()])
  }

  private checkLocal(outTradeNo: string, amountFen: number): void {
    const refundable = this.refundableFen(outTradeNo)
    if (amountFen > refundable) throw new PosFailure('CONFLICT', `退款金额 ${formatYuan(amountFen)} 超过可退金额 ${formatYuan(refundable)}`)
  }

  /** One refund call with the refund's own out_refund_no (the same on every retry). */
  private async submit(outRefundNo: string): Promise<void> {
    const row = this.update(outRefundNo, 'submitted', { step: '正在提交退款…' })
    const order = this.ctx.order(row.out_trade_no)
    const out = await this.ctx.gateway.refund({
      paytype: order.paytype ?? 'WECHAT',
      outTradeNo: order.out_trade_no,
      outRefundNo,
      totalFee: order.amount_fen,
      refundFee: row.amount_fen,
      opUserId: this.ctx.deps.terminal().opUserId,
    })
    this.applyRefund(outRefundNo, out)
  }

  private applyRefund(outRefundNo: string, out: RefundOutcome): void {
    switch (out.kind) {
      case 'success':
        this.succeed(outRefundNo, out.refundId)
        return
      case 'processing':
        this.update(outRefundNo, 'processing', { step: '退款处理中，正在确认结果…' })
        return
      case 'failed':
        this.update(outRefundNo, 'failed', { step: `退款失败：${out.message}`, failure_code: out.code, failure_message: out.message })
        return
      case 'unknown':
        this.update(outRefundNo, 'submitted', { step: '退款结果未知，正在查询…' })
    }
  }

  private follow(outRefundNo: string): void {
    if (this.following.has(outRefundNo)) return
    const task = this.followUp(outRefundNo)
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
      const row = this.journal.refunds.get(outRefundNo) as RefundRow
      if (row.state === 'success' || row.state === 'failed') return
      const order = this.ctx.order(row.out_trade_no)
      const out = await this.ctx.gateway.refundQuery({ paytype: order.paytype ?? 'WECHAT', outTradeNo: order.out_trade_no, outRefundNo })
      if (out.kind === 'ok') {
        const entry = out.refunds.find((r) => r.outRefundNo === outRefundNo)
        if (!entry) await this.submit(outRefundNo)
        else if (entry.status === 'SUCCESS') return void this.succeed(outRefundNo, entry.refundId)
        else if (entry.status === 'FAIL') return void this.update(outRefundNo, 'failed', { step: '退款失败', failure_code: 'FAIL', failure_message: '网关退款失败' })
        else if (entry.status === 'NOTSURE') await this.submit(outRefundNo) // the spec: re-submit with the same out_refund_no
        else if (entry.status === 'CHANGE') {
          return void this.update(outRefundNo, 'review', { step: '退款转入代发：顾客银行卡异常，需线下处理', failure_code: 'CHANGE', failure_message: '退款转入代发' })
        } else this.update(outRefundNo, 'processing', { step: '退款处理中，正在确认结果…' })
      } else if (out.kind === 'notFound' && row.state === 'submitted') {
        await this.submit(outRefundNo) // the gateway never got it: same out_refund_no, so never twice
      }
      const now = this.journal.refunds.get(outRefundNo) as RefundRow
      if (now.state === 'success' || now.state === 'failed') return
      if (clock.now() - started >= policy.refundFollowUpMs) {
        this.update(outRefundNo, 'review', { step: '退款仍在处理中，请稍后在订单详情中“复查”' })
        return
      }
    }
  }

  private succeed(outRefundNo: string, refundId: string): void {
    const row = this.update(outRefundNo, 'success', { step: '退款成功', refund_id: refundId, failure_code: null, failure_message: null })
    const order = this.ctx.order(row.out_trade_no)
    this.ctx.move(order.out_trade_no, order.state, { refunded_fen: this.journal.refunds.successFen(order.out_trade_no) }, `refund ${outRefundNo} succeeded (${row.amount_fen} fen)`)
  }

  private update(outRefundNo: string, state: RefundRow['state'], changes: Parameters<EngineContext['deps']['journal']['refunds']['update']>[2]): RefundRow {
    const row = this.journal.refunds.update(outRefundNo, state, changes, this.ctx.clock.now())
    this.emit(row)
    return row
  }

  private emit(row: RefundRow): void {
    this.ctx.deps.bus.emit('refunds:update', refundView(row))
  }
}
