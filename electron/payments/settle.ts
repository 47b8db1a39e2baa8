// Drives an order whose result is not known yet to a final state: query on the
// policy's schedule, and at the deadline (or when the cashier stops) make a
// last query and cancel, following the wallets' rules (no cancel sooner than
// 15 s after the pay call; a cancel answered "paying" goes back to querying;
// retries with backoff; only within the 5-minute cancel window).
import type { OrderQueryOutcome } from '../gateway/types'
import type { OrderRow } from '../journal/orders'
import { EngineContext, isFinal, OrderControl } from './context'
import { cancelBackoff, deadlineFor, earliestCancelAt, nextQueryOffset } from './policy'
import { msg, sameMessage, type Message } from '../shared/contract'
import { answered, refused, STEP } from './view'

type Settled = 'final' | 'open'

export class OrderSettler {
  private lastQueryOffset: number | null = null

  constructor(
    private readonly ctx: EngineContext,
    private readonly outTradeNo: string,
    private readonly control: OrderControl,
    private readonly afterUnknown: boolean,
  ) {}

  async run(): Promise<OrderRow> {
    const { ctx, control } = this
    for (;;) {
      const row = ctx.order(this.outTradeNo)
      if (isFinal(row.state)) return row
      const now = ctx.clock.now()
      const submittedAt = row.submitted_at ?? row.created_at
      const deadlineAt = row.deadline_at ?? submittedAt + deadlineFor(ctx.policy, row.method, row.paytype)
      if (control.stopRequested || now >= deadlineAt || row.state === 'cancelling') return this.cancelFlow()

      const wait = this.nextQueryAt(submittedAt, now) - now
      if (wait > 0) await ctx.clock.sleep(Math.min(wait, deadlineAt - now), control.wake)
      if (control.stopRequested || ctx.clock.now() >= deadlineAt) continue
      await this.query()
    }
  }

  /** A person asked to look again: non-final orders settle normally; a review order moves only on a definite answer. */
  async recheck(): Promise<OrderRow> {
    const { ctx } = this
    const row = ctx.order(this.outTradeNo)
    if (!isFinal(row.state)) return this.run()
    if (!row.paytype) return row
    if (row.state !== 'review') {
      // A final order with a flag: ask again; a plain paid answer for a paid order clears it.
      const out = await ctx.gateway.orderQuery({ paytype: row.paytype, outTradeNo: row.out_trade_no })
      const agrees = row.state === 'paid' && out.kind === 'paid' && out.totalFee === row.amount_fen
      ctx.move(row.out_trade_no, row.state, agrees ? { attention: null } : {}, msg(agrees ? 'RECHECK_CLEARED' : 'RECHECK', { state: out.kind }))
      return ctx.order(row.out_trade_no)
    }
    const out = await ctx.gateway.orderQuery({ paytype: row.paytype, outTradeNo: row.out_trade_no })
    if (['paid', 'refund', 'closed', 'reversed', 'failed'].includes(out.kind)) {
      ctx.move(row.out_trade_no, 'review', { attention: null }, msg('RECHECK', { state: out.kind }))
      this.apply(ctx.order(row.out_trade_no), out)
    } else if (out.kind === 'notFound') {
      ctx.move(row.out_trade_no, 'failed', { step: STEP.notReceived, attention: null, failure_code: 'NOT_RECEIVED', failure_message: STEP.notReceived }, msg('RECHECK', { state: 'notFound' }))
    } else if ((out.kind === 'paying' || out.kind === 'unpaid') && ctx.clock.now() < (row.submitted_at ?? row.created_at) + ctx.policy.cancelWindowMs) {
      // Still open and still cancellable: cancel it now rather than leave it to a person.
      ctx.move(row.out_trade_no, 'cancelling', { step: STEP.cancelling, attention: null, awaiting_customer: 0 }, msg('RECHECK_CANCELLING', { state: out.kind }))
      return this.cancelFlow()
    } else {
      ctx.move(row.out_trade_no, 'review', { step: msg('RECHECK_STILL_REVIEW', { outcome: out.kind }) }, msg('RECHECK', { state: out.kind }))
    }
    return ctx.order(row.out_trade_no)
  }

  private nextQueryAt(submittedAt: number, now: number): number {
    const offset = nextQueryOffset(this.ctx.policy, this.lastQueryOffset, this.afterUnknown)
    const earliest = this.lastQueryOffset === null ? now : submittedAt + this.lastQueryOffset + this.ctx.policy.minGapMs
    return Math.max(submittedAt + offset, earliest)
  }

  /** One orderquery, applied to the journal. */
  private async query(): Promise<Settled> {
    const { ctx } = this
    const row = ctx.order(this.outTradeNo)
    this.lastQueryOffset = ctx.clock.now() - (row.submitted_at ?? row.created_at)
    if (!row.paytype) return 'open' // a QR order whose wallet is unknown cannot be queried (never happens: QR picks one)
    const out = await ctx.gateway.orderQuery({ paytype: row.paytype, outTradeNo: row.out_trade_no })
    return this.apply(row, out)
  }

  private apply(row: OrderRow, out: OrderQueryOutcome): Settled {
    const { ctx } = this
    const no = row.out_trade_no
    switch (out.kind) {
      case 'paid':
        return this.markPaid(row, out.transactionId, out.totalFee, answered('orderquery', 'paid'), out.couponFee)
      case 'refund':
        ctx.move(no, 'paid', { step: STEP.paid, awaiting_customer: 0, paid_at: ctx.clock.now(), attention: msg('ATTENTION_TURNED_TO_REFUND') }, answered('orderquery', 'refund'))
        return 'final'
      case 'closed':
        ctx.move(no, 'closed', { step: STEP.closed, awaiting_customer: 0, deadline_at: null }, answered('orderquery', 'closed'))
        return 'final'
      case 'reversed':
        ctx.move(no, 'cancelled', { step: STEP.cancelledByCashier, awaiting_customer: 0, deadline_at: null }, answered('orderquery', 'reversed'))
        return 'final'
      case 'failed':
        ctx.move(no, 'failed', { step: msg('PAY_FAILED', { code: out.code, text: out.message }), failure_code: out.code, failure_message: refused(out.code, out.message), awaiting_customer: 0, deadline_at: null }, answered('orderquery', 'failed', { code: out.code, text: out.message }))
        return 'final'
      case 'paying':
      case 'unpaid': {
        // Being cancelled (Stop): one state on screen, the cancel flow's own step.
        if (row.state === 'cancelling') return 'open'
        const waiting = row.method === 'qr' ? STEP.awaitingQr : STEP.awaitingPassword
        if (row.state !== 'paying' || row.awaiting_customer !== 1) ctx.move(no, 'paying', { step: waiting, awaiting_customer: 1 }, answered('orderquery', out.kind))
        return 'open'
      }
      case 'notFound':
      case 'unknown': {
        if (row.state === 'cancelling') return 'open'
        const step = out.kind === 'unknown' ? STEP.queryRetry : STEP.querying
        if (row.state !== 'querying' || !sameMessage(row.step, step)) ctx.move(no, 'querying', { step }, answered('orderquery', out.kind, out.kind === 'unknown' ? { text: out.reason } : undefined))
        return 'open'
      }
    }
  }

  private markPaid(row: OrderRow, transactionId: string, totalFee: number, note: Message, couponFee?: number): Settled {
    const { ctx } = this
    if (totalFee !== row.amount_fen) {
      ctx.move(
        row.out_trade_no,
        'review',
        {
          step: msg('AMOUNT_MISMATCH'),
          transaction_id: transactionId,
          awaiting_customer: 0,
          deadline_at: null,
          attention: msg('ATTENTION_AMOUNT_MISMATCH', { gatewayFen: totalFee, orderFen: row.amount_fen }),
        },
        msg('GATEWAY_AMOUNT_MISMATCH', { gatewayFen: totalFee, orderFen: row.amount_fen }),
      )
      return 'final'
    }
    ctx.move(row.out_trade_no, 'paid', { step: STEP.paid, transaction_id: transactionId, coupon_fen: couponFee ?? null, awaiting_customer: 0, deadline_at: null, paid_at: ctx.clock.now() }, note)
    return 'final'
  }

  /** The earliest a cancel may be sent for this order (see `earliestCancelAt`). */
  earliestCancel(row: OrderRow = this.ctx.order(this.outTradeNo)): number {
    return earliestCancelTime(this.ctx, row)
  }

  private async cancelFlow(): Promise<OrderRow> {
    const { ctx } = this
    const no = this.outTradeNo
    let row = ctx.order(no)
    const submittedAt = row.submitted_at ?? row.created_at
    const byCashier = this.control.stopRequested
    const earliest = this.earliestCancel(row)
    const windowEnd = submittedAt + ctx.policy.cancelWindowMs

    // One state from here on: cancelling. Too early to reverse: say why, count
    // down to the earliest cancel, and keep querying on the schedule meanwhile.
    const waiting = ctx.clock.now() < earliest
    const step = waiting ? STEP.waitingToCancel : STEP.cancelling
    if (row.state !== 'cancelling' || !sameMessage(row.step, step) || row.deadline_at !== (waiting ? earliest : null)) {
      ctx.move(no, 'cancelling', { step, awaiting_customer: 0, deadline_at: waiting ? earliest : null }, msg(byCashier ? 'CASHIER_STOPPED' : 'DEADLINE_CANCELLING'))
    }
    while (ctx.clock.now() < earliest) {
      const now = ctx.clock.now()
      await ctx.clock.sleep(Math.min(this.nextQueryAt(submittedAt, now), earliest) - now)
      if (ctx.clock.now() < earliest && (await this.query()) === 'final') return ctx.order(no)
    }

    // A last query right before the cancel.
    if ((await this.query()) === 'final') return ctx.order(no)
    row = ctx.order(no)
    if (!sameMessage(row.step, STEP.cancelling) || row.deadline_at !== null) ctx.move(no, 'cancelling', { step: STEP.cancelling, deadline_at: null }, msg('CANCEL_WINDOW_OPEN'))

    // Refusals while the wallet may still be paying (10001, 20011 "交易撤销错误",
    // retry, no answer) are retried with backoff, with a query between, until
    // the 5-minute cancel window closes; only then does a person have to look.
    for (let attempt = 0; ; attempt++) {
      row = ctx.order(no)
      if (isFinal(row.state)) return row
      if (ctx.clock.now() >= windowEnd) return this.afterCancelWindow()
      const out = await ctx.gateway.cancel({ paytype: row.paytype ?? 'WECHAT', outTradeNo: no, opUserId: row.operator_no ?? ctx.deps.terminal().opUserId })
      if (out.kind === 'cancelled') {
        ctx.move(no, 'cancelled', { step: byCashier ? STEP.cancelledByCashier : STEP.cancelledTimeout, awaiting_customer: 0, deadline_at: null }, answered('cancel', 'cancelled'))
        return ctx.order(no)
      }
      const why = out.kind === 'paying' ? 'still paying' : out.kind === 'retry' ? out.message : out.kind === 'unknown' ? out.reason : `${out.code} ${out.message}`
      ctx.move(no, 'cancelling', { step: STEP.cancelRetry }, msg('CANCEL_RETRY', { state: out.kind, attempt: attempt + 1, text: why.slice(0, 500) }))
      const wait = out.kind === 'paying' ? Math.max(cancelBackoff(ctx.policy, attempt), ctx.policy.minGapMs) : cancelBackoff(ctx.policy, attempt)
      await ctx.clock.sleep(Math.max(0, Math.min(wait, windowEnd - ctx.clock.now())))
      const settled = await this.queryBetweenCancels()
      if (settled) return settled
    }
  }

  /** The query between two cancel attempts: a final answer ends the order; "no such order" means nothing was received. */
  private async queryBetweenCancels(): Promise<OrderRow | null> {
    const { ctx } = this
    const row = ctx.order(this.outTradeNo)
    if (!row.paytype) return null
    const out = await ctx.gateway.orderQuery({ paytype: row.paytype, outTradeNo: row.out_trade_no })
    this.lastQueryOffset = ctx.clock.now() - (row.submitted_at ?? row.created_at)
    if (out.kind === 'notFound') return this.notReceived(answered('orderquery', 'notFound'))
    return this.apply(row, out) === 'final' ? ctx.order(this.outTradeNo) : null
  }

  private notReceived(note: Message): OrderRow {
    this.ctx.move(this.outTradeNo, 'failed', { step: STEP.notReceived, failure_code: 'NOT_RECEIVED', failure_message: STEP.notReceived, awaiting_customer: 0, deadline_at: null }, note)
    return this.ctx.order(this.outTradeNo)
  }

  /** Past the 5-minute window nothing can be cancelled: settle by query, else flag for a person. */
  private async afterCancelWindow(): Promise<OrderRow> {
    const { ctx } = this
    const no = this.outTradeNo
    const row = ctx.order(no)
    const minutes = Math.round(ctx.policy.cancelWindowMs / 60_000) || '<1'
    const out = row.paytype ? await ctx.gateway.orderQuery({ paytype: row.paytype, outTradeNo: no }) : ({ kind: 'unknown', reason: 'no paytype' } as const)
    if (out.kind === 'notFound') return this.notReceived(answered('orderquery', 'notFound'))
    if (this.apply(row, out) === 'final') return ctx.order(no)
    const why = { minutes, outcome: out.kind }
    ctx.move(no, 'review', { step: msg('CANNOT_CANCEL'), attention: msg('ATTENTION_CANCEL_WINDOW_PASSED', why), awaiting_customer: 0, deadline_at: null }, msg('CANCEL_WINDOW_PASSED', why))
    return ctx.order(no)
  }
}

/** When the pay call ended: the first transition out of `submitted` (the answer, or the call giving up). */
function payEndedAt(ctx: EngineContext, outTradeNo: string): number | null {
  return ctx.deps.journal.orders.events(outTradeNo).find((e) => e.from_state === 'submitted' && e.to_state !== 'submitted')?.at ?? null
}

export function earliestCancelTime(ctx: EngineContext, row: OrderRow): number {
  return earliestCancelAt(ctx.policy, row.submitted_at ?? row.created_at, payEndedAt(ctx, row.out_trade_no))
}

/**
 * Asks orderquery whether the gateway has an order the journal says was never
 * sent. 20007 ("does not exist") counts only when given twice, a policy gap
 * apart (a query racing a just-arrived pay request can see nothing yet).
 * Returns 'notFound' only then, else the kind of the answer that broke the tie.
 */
export async function confirmNotFound(ctx: EngineContext, row: OrderRow): Promise<OrderQueryOutcome['kind']> {
  if (!row.paytype) return 'unknown'
  for (let ask = 0; ask < 2; ask++) {
    if (ask > 0) await ctx.clock.sleep(ctx.policy.minGapMs)
    const out = await ctx.gateway.orderQuery({ paytype: row.paytype, outTradeNo: row.out_trade_no })
    if (out.kind !== 'notFound') return out.kind
  }
  return 'notFound'
}
