// End-of-day reconciliation (对账). A run fixes its list of orders in the
// journal first (reconcile_items), then checks them one by one, writing each
// result as it goes: a run interrupted by a crash resumes where it stopped.
// Orders whose final state came from a verified final gateway answer are
// compared with that answer (audit trail); every other order is asked about
// again, at most `ratePerSec` queries a second. Differences are flagged on the
// order (attention) so they show in the Z report and the orders screen.
import { randomUUID } from 'node:crypto'
import type { OrderRow } from '../journal/orders'
import type { ReconcileRunRow as RunRow } from '../journal/reconcile'
import { msg, sameMessage, type Message, type ReconcileDifference, type ReconcileItem, type ReconcileRun } from '../shared/contract'
import { PosFailure } from '../shared/result'
import { journalFailureReason } from '../journal/write-guard'
import type { EngineContext } from './context'
import { answerExplainsState, askGateway, compare, lastVerifiedFinal, type GatewaySide } from './reconcile-check'

export interface ReconcileOptions {
  /** Upper bound on gateway queries per second (default 5). */
  ratePerSec?: number
  onProgress?: (run: ReconcileRun) => void
}


/** The flag a difference puts on the order (none for the ones that need no person). */
const ATTENTION: Record<ReconcileDifference, Message | null> = {
  'paid-not-recorded': msg('RECONCILE_PAID_NOT_RECORDED'),
  'recorded-not-paid': msg('RECONCILE_RECORDED_NOT_PAID'),
  amount: msg('RECONCILE_AMOUNT'),
  'transaction-id': msg('RECONCILE_TRANSACTION_ID'),
  'open-at-gateway': msg('RECONCILE_OPEN_AT_GATEWAY'),
  'no-answer': null,
  review: null,
  open: null,
}

export class Reconciler {
  private readonly runs = new Map<string, Promise<ReconcileRun>>()
  private stopped = false

  constructor(
    private readonly ctx: EngineContext,
    private readonly opts: ReconcileOptions = {},
  ) {}

  private get repo() {
    return this.ctx.deps.journal.reconcile
  }

  /** Starts (or joins) a run over [fromAt, toAt) or one shift, and resolves with its result. */
  run(period: { fromAt: number; toAt: number; shiftId?: string | null }): Promise<ReconcileRun> {
    if (this.ctx.deps.writes.failing) throw new PosFailure('JOURNAL', '账本无法写入：暂不能对账 (journal not writable)')
    const id = `RC${this.ctx.clock.now().toString(36).toUpperCase()}${randomUUID().slice(0, 4).toUpperCase()}`
    const shiftId = period.shiftId ?? null
    this.repo.start(id, { fromAt: period.fromAt, toAt: period.toAt, shiftId }, this.ctx.clock.now())
    return this.drive(id)
  }

  /** Runs left unfinished by a crash or a shutdown continue (called at start). */
  resumeUnfinished(): number {
    const open = this.repo.unfinishedIds()
    for (const id of open) void this.drive(id).catch((e) => this.ctx.log.error('reconciliation failed', { run: id, error: String(e) }))
    return open.length
  }

  latest(where: { shiftId?: string; fromAt?: number; toAt?: number }): ReconcileRun | null {
    const row = this.repo.latest(where)
    return row ? this.view(row) : null
  }

  /** The app is closing: runs stop before their next order and resume on the next start. */
  stop(): void {
    this.stopped = true
  }

  async idle(): Promise<void> {
    while (this.runs.size > 0) await Promise.allSettled([...this.runs.values()])
  }

  private drive(id: string): Promise<ReconcileRun> {
    let task = this.runs.get(id)
    if (!task) {
      task = this.work(id).finally(() => this.runs.delete(id))
      this.runs.set(id, task)
    }
    return task
  }

  private async work(id: string): Promise<ReconcileRun> {
    const gapMs = 1000 / (this.opts.ratePerSec ?? 5)
    let lastQueryAt = -Infinity
    const todo = this.repo.unchecked(id)
    let sinceProgress = 0
    for (const no of todo) {
      if (this.stopped) return this.get(id)
      const row = this.ctx.order(no)
      let g: GatewaySide | null = lastVerifiedFinal(this.ctx.deps.journal, row)
      if (!g || !answerExplainsState(row, g)) {
        if (['paid', 'cancelled', 'closed', 'failed', 'review'].includes(row.state)) {
          const wait = lastQueryAt + gapMs - this.ctx.clock.now()
          if (wait > 0) await this.ctx.clock.sleep(wait)
          if (this.stopped) return this.get(id)
          lastQueryAt = this.ctx.clock.now()
          g = await askGateway(this.ctx, row)
        } else g = { kind: 'open', totalFee: null, transactionId: null, source: 'audit' }
      }
      const difference = compare(row, g)
      // The journal refusing the result (disk full…) pauses the run; it goes on once a probe write succeeds.
      for (let wait = 200; ; wait = Math.min(5_000, wait * 2)) {
        try {
          this.record(id, row, g, difference)
          break
        } catch (e) {
          if (!journalFailureReason(e) || this.stopped) throw e
          this.ctx.deps.writes.probe()
          await this.ctx.clock.sleep(wait)
        }
      }
      if (++sinceProgress >= 20) {
        sinceProgress = 0
        this.opts.onProgress?.(this.get(id))
      }
    }
    if (this.stopped) return this.get(id)
    this.repo.finish(id, this.ctx.clock.now())
    const done = this.get(id)
    this.ctx.log.info('reconciliation finished', { run: id, orders: done.orders, differences: done.differences })
    this.opts.onProgress?.(done)
    return done
  }

  /** Writes the result for one order and flags the order when a person must look. */
  private record(id: string, row: OrderRow, g: GatewaySide, difference: ReconcileDifference | null): void {
    const detail = difference ? describe(row, g) : ''
    this.repo.recordItem(id, row.out_trade_no, this.ctx.clock.now(), `${g.kind}:${g.source}`, difference, detail)
    if (!difference || !ATTENTION[difference]) return
    const note = msg('RECONCILE_NOTE', { run: id, difference, text: detail })
    if (difference === 'paid-not-recorded' && g.totalFee === row.amount_fen && g.transactionId) {
      // The gateway has the money: the books must show it (and a person is asked to check).
      this.ctx.move(row.out_trade_no, 'paid', { transaction_id: g.transactionId, paid_at: row.paid_at ?? this.ctx.clock.now(), failure_code: null, failure_message: null, attention: ATTENTION[difference] }, note)
    } else if (!sameMessage(row.attention, ATTENTION[difference])) {
      this.ctx.move(row.out_trade_no, row.state, { attention: ATTENTION[difference] }, note)
    }
  }

  private get(id: string): ReconcileRun {
    const row = this.repo.get(id)
    if (!row) throw new PosFailure('NOT_FOUND', `no reconciliation run ${id}`, { reason: 'reconcile-run' })
    return this.view(row)
  }

  private view(r: RunRow): ReconcileRun {
    const checked = this.repo.checkedCount(r.id)
    const items = this.repo.differences(r.id)
    const differences = r.finished_at === null ? items.length : r.differences
    return {
      id: r.id,
      fromAt: r.from_at,
      toAt: r.to_at,
      shiftId: r.shift_id,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      orders: r.orders,
      checked,
      differences,
      items: items.map((i): ReconcileItem => {
        const [gateway = 'unknown', source] = i.gateway.split(':')
        return { outTradeNo: i.out_trade_no, journalState: i.state, amountFen: i.amount_fen, gateway, source: source === 'query' ? 'query' : 'audit', difference: i.difference, detail: i.detail }
      }),
    }
  }
}

function describe(row: OrderRow, g: GatewaySide): string {
  const parts = [`journal ${row.state} ${row.amount_fen} fen${row.transaction_id ? ` ${row.transaction_id}` : ''}`, `gateway ${g.kind}`]
  if (g.totalFee !== null) parts[1] += ` ${g.totalFee} fen`
  if (g.transactionId) parts[1] += ` ${g.transactionId}`
  return parts.join('; ')
}

/** A calendar day in Beijing time as [fromAt, toAt). */
export function beijingDay(day: string): { fromAt: number; toAt: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const fromAt = Date.UTC(y, m - 1, d) - 8 * 3600_000
  return { fromAt, toAt: fromAt + 24 * 3600_000 }
}
