// Order search for the orders screen: by number or transaction id prefix, or
// by amount text ("12.30"), with filters; newest first, paged. Uses the
// journal's indexes (see bench/ for timings on a million orders).
import type { Db } from './db'
import { FINAL_STATES_SQL, orderFromDb, type OrderRow, type StoredOrder } from './orders'
import type { OrderQuery } from '../shared/contract'
import { parseYuan } from '../shared/money'

/**
 * The "needs attention" filter. Journal migration v2 has a partial index with
 * exactly this WHERE expression, which is what lets SQLite use it: change both
 * together.
 */
/** Totals above this are reported as "more than". */
export const TOTAL_CAP = 10_000

export const NEEDS_ATTENTION_SQL = `(attention IS NOT NULL OR state = 'review' OR state NOT IN ${FINAL_STATES_SQL})`

export type OrderSearchQuery = Required<Pick<OrderQuery, 'limit' | 'offset'>> & Omit<OrderQuery, 'limit' | 'offset'>

export interface OrderSearchResult {
  rows: OrderRow[]
  total: number
  totalCapped: boolean
}

export function searchOrders(db: Db, q: OrderSearchQuery): OrderSearchResult {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  const text = q.text?.trim()
  if (text) {
    const or = [`(out_trade_no >= @tp AND out_trade_no < @tpEnd)`, `(transaction_id >= @tp AND transaction_id < @tpEnd)`]
    params.tp = text
    params.tpEnd = `${text}\u{10FFFF}`
    const fen = amountSearched(text)
    if (fen !== null) {
      or.push('amount_fen = @fen')
      params.fen = fen
    }
    where.push(`(${or.join(' OR ')})`)
  }
  if (q.state) {
    where.push('state = @state')
    params.state = q.state
  }
  if (q.paytype) {
    where.push('paytype = @paytype')
    params.paytype = q.paytype
  }
  if (q.method) {
    where.push('method = @method')
    params.method = q.method
  }
  if (q.from !== undefined) {
    where.push('created_at >= @from')
    params.from = q.from
  }
  if (q.to !== undefined) {
    where.push('created_at < @to')
    params.to = q.to
  }
  if (q.needsAttention) where.push(NEEDS_ATTENTION_SQL)
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const stored = db.prepare(`SELECT * FROM orders ${clause} ORDER BY created_at DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: q.limit, offset: q.offset }) as StoredOrder[]
  const rows = stored.map((r) => orderFromDb(r))
  // Counting a million matches costs more than the page itself: count up to a cap
  // and say "more than" beyond it (the screen shows "10000+").
  const counted = (db.prepare(`SELECT count(*) n FROM (SELECT 1 FROM orders ${clause} LIMIT ${TOTAL_CAP + 1})`).get(params) as { n: number }).n
  return { rows, total: Math.min(counted, TOTAL_CAP), totalCapped: counted > TOTAL_CAP }
}

/**
 * The amount a search text means, if any: "25", "25.5", "¥1,234.50" (as the
 * screens show money) → fen. Digits alone also match order-number prefixes.
 */
export function amountSearched(text: string): number | null {
  const plain = text.replace(/^[¥￥]/, '').replace(/,/g, '')
  return /^\d{1,9}(\.\d{1,2})?$/.test(plain) ? parseYuan(plain) : null
}
