// Read-only store-wide questions a counter asks the store database: orders of
// every counter, and the dashboard's per-counter picture (today's totals,
// replication freshness, orders needing a person).
import type { Message } from '../shared/contract'
import { decodeMaybe } from '../shared/stored-message'
import type { StorePool } from './pool'
import { USED_FEN_SQL } from './refund-cap'
import { storeReport, type StoreTotals } from './reports'

export interface StoreOrder {
  outTradeNo: string
  counterId: string
  method: string
  paytype: string | null
  amountFen: number
  refundedFen: number
  /** What every counter together may still refund (the cap reserveRefund enforces); 0 unless paid. */
  refundableFen: number
  state: string
  cashier: string
  /** Stored as message JSON (older rows: a sentence, read back as LEGACY_TEXT). */
  attention: Message | null
  createdAt: number
  paidAt: number | null
}

export interface StoreOrderQuery {
  /** Part of an order number, a transaction id, or an amount in fen. */
  text?: string
  amountFen?: number
  from?: number
  to?: number
  limit: number
}

export async function searchStoreOrders(pool: StorePool, q: StoreOrderQuery): Promise<StoreOrder[]> {
  const where: string[] = []
  const args: unknown[] = []
  const arg = (v: unknown) => {
    args.push(v)
    return `$${args.length}`
  }
  if (q.text) where.push(`(out_trade_no LIKE ${arg(`%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} OR transaction_id = ${arg(q.text)})`)
  if (q.amountFen !== undefined) where.push(`amount_fen = ${arg(q.amountFen)}`)
  if (q.from !== undefined) where.push(`created_at >= ${arg(q.from)}`)
  if (q.to !== undefined) where.push(`created_at < ${arg(q.to)}`)
  const sql = `SELECT out_trade_no, counter_id, method, paytype, amount_fen, refunded_fen, state, cashier, attention, created_at, paid_at,
      CASE WHEN state = 'paid' THEN GREATEST(0, amount_fen - ${USED_FEN_SQL}) ELSE 0 END AS refundable_fen
    FROM store_orders o ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC LIMIT ${arg(q.limit)}`
  const r = await pool.query<Record<string, string | null>>(sql, args)
  return r.rows.map((o) => ({
    outTradeNo: o.out_trade_no!,
    counterId: o.counter_id!,
    method: o.method!,
    paytype: o.paytype ?? null,
    amountFen: Number(o.amount_fen),
    refundedFen: Number(o.refunded_fen),
    refundableFen: Number(o.refundable_fen),
    state: o.state!,
    cashier: o.cashier!,
    attention: decodeMaybe(o.attention),
    createdAt: Number(o.created_at),
    paidAt: o.paid_at === null ? null : Number(o.paid_at),
  }))
}

export interface CounterOverview {
  counterId: string
  today: StoreTotals
  /** When the counter's last batch arrived (store clock) and the newest change it carried (counter clock). */
  lastBatchAt: number | null
  lastChangeAt: number | null
  attention: number
}

export async function storeDashboard(pool: StorePool, dayStart: number, now: number): Promise<{ total: StoreTotals; counters: CounterOverview[] }> {
  const report = await storeReport(pool, dayStart, now + 1)
  const r = await pool.query<{ counter_id: string; last_batch_at: Date | null; last_change_at: string | null; attention: string }>(
    `SELECT c.counter_id, c.last_batch_at, c.last_change_at,
            (SELECT count(*) FROM store_orders o WHERE o.counter_id = c.counter_id AND (o.attention IS NOT NULL OR o.state = 'review')) AS attention
     FROM store_counters c ORDER BY c.counter_id`,
  )
  const zero: StoreTotals = { salesCount: 0, salesFen: 0, refundsCount: 0, refundsFen: 0, netFen: 0 }
  return {
    total: report.total,
    counters: r.rows.map((c) => {
      const { counterId: _id, ...today } = report.byCounter.find((b) => b.counterId === c.counter_id) ?? { counterId: c.counter_id, ...zero }
      return {
        counterId: c.counter_id,
        today,
        lastBatchAt: c.last_batch_at ? c.last_batch_at.getTime() : null,
        lastChangeAt: c.last_change_at === null ? null : Number(c.last_change_at),
        attention: Number(c.attention),
      }
    }),
  }
}
