// End-of-day reconciliation (对账). A run fixes its list of orders in the
// journal first (reconcile_items), then checks them one by one, writing each
// result as it goes: a run interrupted by a crash resumes where it stopped.
// Orders whose final state came from a verified final gateway answer are
// compared with that answer (audit trail); every other order is asked about
// again, at most `ratePerSec` queries a second. Differences are flagged on the
// order (attention) so they show in the Z report and the orders screen.
import { randomUUID } from 'node:crypto'
import type { OrderRow } from '../journal/orders'
import type { ReconcileDifference, ReconcileItem, ReconcileRun } from '../shared/contract'
import { PosFailure } from '../shared/result'
import { journalFailureReason } from '../journal/write-guard'
import type { EngineContext } from './context'
import { answerExplainsState, askGateway, compare, lastVerifiedFinal, type GatewaySide } from './reconcile-check'

export interface ReconcileOptions {
  /** Upper bound on gateway queries per second (default 5). */
  ratePerSec?: number
  onProgress?: (run: ReconcileRun) => void
}

interface RunRow {
  id: string
  from_at: number
  to_at: number
  shift_id: string | null
  started_at: number
  finished_at: number | null
  orders: number
  differences: number
}

const ATTENTION: Record<ReconcileDifference, string> = {
  'paid-not-recorded': '对账：网关显示已收款，账本原记为未收款，已按网关更正，请核对',
  'recorded-not-paid': '对账：账本记为已收款，网关显示未收款，请核对',
  amount: '对账：网关金额与账本不符，请核对',
  'transaction-id': '对账：网关交易号与账本不符，请核对',
  'open-at-gateway': '对账：本机已结束此单，网关仍显示未完成，请核对',
  'no-answer': '',
  review: '',
  open: '',
}

export class Reconciler {
  private readonly runs = new Map<string, Promise<ReconcileRun>>()
  private stopped = false

  constructor(
    private readonly ctx: EngineContext,
    private readonly opts: ReconcileOptions = {},
  ) {}

  private get db() {
    return this.ctx.deps.journal.db
  }

  /** Starts (or joins) a run over [fromAt, toAt) or one shift, and resolves with its result. */
  run(period: { fromAt: number; toAt: number; shiftId?: string | null }): Promise<ReconcileRun> {
    if (this.ctx.deps.writes.failing) throw new PosFailure('JOURNAL', '账本无法写入：暂不能对账 (journal not writable)')
    const id = `RC${this.ctx.clock.now().toString(36).toUpperCase()}${randomUUID().slice(0, 4).toUpperCase()}`
    const shiftId = period.shiftId ?? null
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO reconcile_runs (id, from_at, to_at, shift_id, started_at) VALUES (?, ?, ?, ?, ?)`)
        .run(id, period.fromAt, period.toAt, shiftId, this.ctx.clock.now())
      const sql = shiftId
        ? `INSERT INTO reconcile_items (run_id, out_trade_no) SELECT ?, out_trade_no FROM orders WHERE shift_id = ? AND method != 'cash'`
        : `INSERT INTO reconcile_items (run_id, out_trade_no) SELECT ?, out_trade_no FROM orders WHERE created_at >= ? AND created_at < ? AND method != 'cash'`
      const n = shiftId ? this.db.prepare(sql).run(id, shiftId).changes : this.db.prepare(sql).run(id, period.fromAt, period.toAt).changes
      this.db.prepare(`UPDATE reconcile_runs SET orders = ? WHERE id = ?`).run(n, id)
    })()
    return this.drive(id)
  }

  /** Runs left unfinished by a crash or a shutdown continue (called at start). */
  resumeUnfinished(): number {
    const open = this.db.prepare(`SELECT id FROM reconcile_runs WHERE finished_at IS NULL`).all() as { id: string }[]
    for (const r of open) void this.drive(r.id).catch((e) => this.ctx.log.error('reconciliation failed', { run: r.id, error: String(e) }))
    return open.length
  }

  latest(where: { shiftId?: string; fromAt?: number; toAt?: number }): ReconcileRun | null {
    const row = (
      where.shiftId
        ? this.db.prepare(`SELECT * FROM reconcile_runs WHERE shift_id = ? ORDER BY started_at DESC LIMIT 1`).get(where.shiftId)
        : this.db.prepare(`SELECT * FROM reconcile_runs WHERE shift_id IS NULL AND from_at = ? AND to_at = ? ORDER BY started_at DESC LIMIT 1`).get(where.fromAt, where.toAt)
    ) as RunRow | undefined
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
    const todo = this.db.prepare(`SELECT out_trade_no FROM reconcile_items WHERE run_id = ? AND checked_at IS NULL ORDER BY out_trade_no`).all(id) as { out_trade_no: string }[]
    let sinceProgress = 0
    for (const { out_trade_no: no } of todo) {
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
    const n = (this.db.prepare(`SELECT count(*) n FROM reconcile_items WHERE run_id = ? AND difference IS NOT NULL`).get(id) as { n: number }).n
    this.db.prepare(`UPDATE reconcile_runs SET finished_at = ?, differences = ? WHERE id = ?`).run(this.ctx.clock.now(), n, id)
    const done = this.get(id)
    this.ctx.log.info('reconciliation finished', { run: id, orders: done.orders, differences: done.differences })
    this.opts.onProgress?.(done)
    return done
  }

  /** Writes the result for one order and flags the order when a person must look. */
  private record(id: string, row: OrderRow, g: GatewaySide, difference: ReconcileDifference | null): void {
    const detail = difference ? describe(row, g) : ''
    this.db
      .prepare(`UPDATE reconcile_items SET checked_at = ?, gateway = ?, difference = ?, detail = ? WHERE run_id = ? AND out_trade_no = ?`)
      .run(this.ctx.clock.now(), `${g.kind}:${g.source}`, difference, detail, id, row.out_trade_no)
    if (!difference || !ATTENTION[difference]) return
    const note = `reconciliation ${id}: ${difference} (${detail})`
    if (difference === 'paid-not-recorded' && g.totalFee === row.amount_fen && g.transactionId) {
      // The gateway has the money: the books must show it (and a person is asked to check).
      this.ctx.move(row.out_trade_no, 'paid', { transaction_id: g.transactionId, paid_at: row.paid_at ?? this.ctx.clock.now(), failure_code: null, failure_message: null, attention: ATTENTION[difference] }, note)
    } else if (row.attention !== ATTENTION[difference]) {
      this.ctx.move(row.out_trade_no, row.state, { attention: ATTENTION[difference] }, note)
    }
  }

  private get(id: string): ReconcileRun {
    return this.view(this.db.prepare(`SELECT * FROM reconcile_runs WHERE id = ?`).get(id) as RunRow)
  }

  private view(r: RunRow): ReconcileRun {
    const checked = (this.db.prepare(`SELECT count(*) n FROM reconcile_items WHERE run_id = ? AND checked_at IS NOT NULL`).get(r.id) as { n: number }).n
    const items = this.db
      .prepare(
        `SELECT i.out_trade_no, i.gateway, i.difference, i.detail, o.state, o.amount_fen FROM reconcile_items i JOIN orders o ON o.out_trade_no = i.out_trade_no
         WHERE i.run_id = ? AND i.difference IS NOT NULL ORDER BY o.created_at LIMIT 500`,
      )
      .all(r.id) as { out_trade_no: string; gateway: string; difference: ReconcileDifference; detail: string; state: OrderRow['state']; amount_fen: number }[]
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
