// Refunds of an order taken at ANOTHER counter of the store (issue 16). The
// order is read from the store database; the amount is reserved there, in one
// PostgreSQL transaction under a lock on the order's row, before the gateway is
// called, so counters refunding the same order at once never exceed what was
// paid. Here the order is recorded as a foreign row (its own counter's device
// id: not this counter's, see journal/orders.ts insertForeign) and the refund
// itself is this counter's own, following the engine's rules (refunds.ts).
// The reservation is settled when the refund's final state is known: confirmed
// on success, released on failure — and, after a crash or while the store was
// unreachable, by `sweep()` from this counter's open reservations. Refunds of
// this counter's own orders are reserved too while the store answers.
import type { OrderRow } from '../journal/orders'
import type { RefundRow } from '../journal/refunds'
import { msg, PayType } from '../shared/contract'
import { PosFailure } from '../shared/result'
import type { EngineContext } from './context'
import type { StoreOrderFacts, StoreRefundPort } from './ports'

const FINAL = new Set<RefundRow['state']>(['success', 'failed'])

export class StoreRefunds {
  /** Reserved in the store, not yet in the journal: the sweep must not release them. */
  private readonly inFlight = new Set<string>()
  private readonly settling = new Set<Promise<unknown>>()

  constructor(
    private readonly ctx: EngineContext,
    private readonly port: () => StoreRefundPort | null,
  ) {}

  private get journal() {
    return this.ctx.deps.journal
  }

  /** A refund of this order goes through the store: the journal lacks it (and a store is set up), or it is another counter's. */
  handles(outTradeNo: string, local: OrderRow | undefined): boolean {
    if (local) return this.journal.orders.isForeign(outTradeNo)
    return this.port()?.configured() === true
  }

  counterId(): string {
    return this.need().counterId()
  }

  /** The order as the store has it; refused unless it is a paid wallet order. */
  async fetch(outTradeNo: string): Promise<StoreOrderFacts & { paytype: PayType }> {
    const facts = await this.need().order(outTradeNo)
    if (!facts) throw new PosFailure('NOT_FOUND', `门店数据库里没有这笔订单：${outTradeNo}`, { reason: 'store-order-unknown' })
    if (facts.method === 'cash') throw new PosFailure('CONFLICT', '其他收银台的现金订单请在原收银台退现金', { reason: 'cash-elsewhere', counterId: facts.counterId })
    const paytype = PayType.safeParse(facts.paytype)
    if (facts.state !== 'paid' || !paytype.success) throw new PosFailure('CONFLICT', '只有已收款的订单可以退款', { reason: 'not-refundable' })
    return { ...facts, paytype: paytype.data }
  }

  /** Reserves the amount in the store (row lock, cap across counters) before anything is sent. */
  async reserve(outTradeNo: string, outRefundNo: string, amountFen: number): Promise<void> {
    this.inFlight.add(outRefundNo)
    try {
      const r = await this.need().reserve({ outTradeNo, outRefundNo, amountFen, at: this.ctx.clock.now() })
      if (r.ok) return
      if (r.code === 'ORDER_UNKNOWN') throw new PosFailure('NOT_FOUND', `门店数据库里没有这笔订单：${outTradeNo}`, { reason: 'store-order-unknown' })
      if (r.code === 'OVER_CAP') {
        throw new PosFailure('CONFLICT', `各收银台合计退款会超过实收金额：最多还可退 ${r.remainingFen} 分`, { reason: 'over-cap', remainingFen: String(r.remainingFen) })
      }
      throw new PosFailure('CONFLICT', '这笔订单不能退款（门店数据库）', { reason: r.code === 'NOT_REFUNDABLE' ? 'not-refundable' : 'refund-no-reused' })
    } catch (e) {
      this.inFlight.delete(outRefundNo)
      throw e
    }
  }

  /** A store set up and answering (the replicator is not failing): worth asking about this counter's own orders. */
  reachable(): boolean {
    const port = this.port()
    return port !== null && port.configured() && port.reachable()
  }

  /**
   * This counter's own order: reserved when the store answers; false (refund alone, offline-first)
   * when it cannot, or does not have the order yet (not replicated). Over the cap: CONFLICT.
   */
  async reserveOwn(outTradeNo: string, outRefundNo: string, amountFen: number): Promise<boolean> {
    try {
      await this.reserve(outTradeNo, outRefundNo, amountFen)
      return true
    } catch (e) {
      if (e instanceof PosFailure && (e.code === 'STORE_UNREACHABLE' || e.code === 'NOT_FOUND')) {
        this.ctx.log.warn('store refund reservation skipped: refunding this counter\'s own order alone', { outTradeNo, reason: e.code })
        return false
      }
      throw e
    }
  }

  /** The refund row is in the journal (or will never be): the sweep may look at it again. */
  recorded(outRefundNo: string): void {
    this.inFlight.delete(outRefundNo)
  }

  /** Nothing was written or sent: give the amount back (the sweep does it later if the store is unreachable now). */
  async abandon(outRefundNo: string): Promise<void> {
    this.inFlight.delete(outRefundNo)
    await this.settle(outRefundNo, 'released')
  }

  /** The local row for the store's order (in the refund's own transaction). */
  recordOrder(facts: StoreOrderFacts & { paytype: PayType }): void {
    if (this.journal.orders.get(facts.outTradeNo)) return
    const at = this.ctx.clock.now()
    this.journal.orders.insertForeign(
      {
        out_trade_no: facts.outTradeNo,
        method: facts.method as OrderRow['method'],
        paytype: facts.paytype,
        amount_fen: facts.amountFen,
        step: msg('PAID'),
        transaction_id: facts.transactionId,
        cashier: facts.cashier,
        device_id: facts.counterId,
        created_at: facts.createdAt,
        paid_at: facts.paidAt,
      },
      msg('FOREIGN_ORDER_RECORDED', { counterId: facts.counterId }),
      at,
    )
  }

  /** A refund reached a final state: settle its reservation (none for a refund made while the store was away: no change). */
  onRefundState(row: RefundRow): void {
    if (!FINAL.has(row.state)) return
    void this.settle(row.out_refund_no, row.state === 'success' ? 'confirmed' : 'released')
  }

  /**
   * Settles this counter's open reservations whose refund has a final state here.
   * One with no refund row was never sent (the row is written before the refund
   * call) — unless the journal went back in time (a restored backup): the gateway
   * is asked by the refund number first, and it is released only on "not found".
   * Refunds still open or in `review` keep theirs.
   */
  async sweep(): Promise<number> {
    const port = this.port()
    if (!port?.configured()) return 0
    let settled = 0
    for (const r of await port.openReservations()) {
      if (this.inFlight.has(r.outRefundNo)) continue
      const row = this.ctx.unrecordedRefunds.get(r.outRefundNo) ?? this.journal.refunds.get(r.outRefundNo)
      const outcome = !row ? await this.askGateway(port, r) : row.state === 'success' ? 'confirmed' : row.state === 'failed' ? 'released' : null
      if (outcome && (await port.settle(r.outRefundNo, outcome, this.ctx.clock.now()))) settled++
    }
    if (settled > 0) this.ctx.log.info('store refund reservations settled', { settled })
    return settled
  }

  /** A reservation with no refund row here: what the gateway knows of that refund number decides. */
  private async askGateway(port: StoreRefundPort, r: { outRefundNo: string; outTradeNo: string }): Promise<'confirmed' | 'released' | null> {
    const local = this.journal.orders.get(r.outTradeNo)
    const paytype = PayType.safeParse(local?.paytype ?? (await port.order(r.outTradeNo))?.paytype)
    if (!paytype.success) return null
    const out = await this.ctx.gateway.refundQuery({ paytype: paytype.data, outTradeNo: r.outTradeNo, outRefundNo: r.outRefundNo })
    if (out.kind === 'notFound') return 'released'
    if (out.kind !== 'ok') return null
    const entry = out.refunds.find((x) => x.outRefundNo === r.outRefundNo)
    if (!entry) return 'released'
    if (entry.status === 'SUCCESS') return 'confirmed'
    return entry.status === 'FAIL' ? 'released' : null
  }

  async idle(): Promise<void> {
    while (this.settling.size > 0) await Promise.allSettled([...this.settling])
  }

  private settle(outRefundNo: string, outcome: 'confirmed' | 'released'): Promise<unknown> {
    const port = this.port()
    if (!port?.configured()) return Promise.resolve()
    const task = port
      .settle(outRefundNo, outcome, this.ctx.clock.now())
      .catch((e) => this.ctx.log.warn('store refund reservation not settled yet (the sweep will)', { outRefundNo, outcome, error: e instanceof Error ? e.message : String(e) }))
      .finally(() => this.settling.delete(task))
    this.settling.add(task)
    return task
  }

  private need(): StoreRefundPort {
    const port = this.port()
    if (!port?.configured()) throw new PosFailure('STORE_UNREACHABLE', '未连接门店数据库：只能退本机的订单', { reason: 'not-configured' })
    return port
  }
}
