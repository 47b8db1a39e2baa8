// Cross-counter refunds: before a counter asks the gateway to refund an order
// (perhaps taken at another counter), it reserves the amount here, in one
// transaction under a lock on the order's row. Two counters refunding the same
// order at once are serialised by that lock, so together they can never reserve
// more than was paid. The refund itself still follows the engine's journal rules
// at the refunding counter; the reservation is confirmed or released after.
import { withClient, type StorePool } from './pool'

export type ReserveResult =
  | { ok: true; remainingFen: number }
  | { ok: false; code: 'ORDER_UNKNOWN' | 'NOT_REFUNDABLE' | 'OVER_CAP' | 'REFUND_NO_REUSED'; remainingFen: number }

/** Refund states (as counters replicate them) whose money is or may be on its way back. */
const LIVE_REFUND_STATES = ['created', 'submitted', 'processing', 'success', 'review']
// A refunded order stays 'paid' with refunded_fen (see the contract's OrderState).
const REFUNDABLE_ORDER_STATES = ['paid']

/** Fen of order `o` reserved, confirmed or refunded without a reservation: what no counter may refund again (for a listing). */
export const USED_FEN_SQL = `(COALESCE((SELECT SUM(v.amount_fen) FROM store_refund_reservations v WHERE v.out_trade_no = o.out_trade_no AND v.state <> 'released'), 0)
  + COALESCE((SELECT SUM(r.amount_fen) FROM store_refunds r WHERE r.out_trade_no = o.out_trade_no AND r.state IN (${LIVE_REFUND_STATES.map((x) => `'${x}'`).join(', ')})
      AND NOT EXISTS (SELECT 1 FROM store_refund_reservations w WHERE w.out_refund_no = r.out_refund_no)), 0))`

export interface ReserveRequest {
  outTradeNo: string
  outRefundNo: string
  amountFen: number
  counterId: string
  at: number
}

export async function reserveRefund(pool: StorePool, req: ReserveRequest): Promise<ReserveResult> {
  return withClient(pool, async (db) => {
    try {
      await db.query('BEGIN')
      const order = await db.query<{ amount_fen: string; state: string }>('SELECT amount_fen, state FROM store_orders WHERE out_trade_no = $1 FOR UPDATE', [req.outTradeNo])
      const row = order.rows[0]
      if (!row) {
        await db.query('ROLLBACK')
        return { ok: false, code: 'ORDER_UNKNOWN', remainingFen: 0 }
      }
      const paid = Number(row.amount_fen)
      // Reserved or confirmed here, plus refunds counters recorded without a reservation (made at the
      // order's own counter while the store was unreachable).
      const used = await db.query<{ used: string }>(
        `SELECT COALESCE((SELECT SUM(amount_fen) FROM store_refund_reservations WHERE out_trade_no = $1 AND state <> 'released' AND out_refund_no <> $2), 0)
              + COALESCE((SELECT SUM(r.amount_fen) FROM store_refunds r WHERE r.out_trade_no = $1 AND r.state = ANY($3) AND r.out_refund_no <> $2
                            AND NOT EXISTS (SELECT 1 FROM store_refund_reservations v WHERE v.out_refund_no = r.out_refund_no)), 0) AS used`,
        [req.outTradeNo, req.outRefundNo, LIVE_REFUND_STATES],
      )
      const remaining = paid - Number(used.rows[0]!.used)
      const existing = await db.query<{ amount_fen: string; out_trade_no: string; state: string }>('SELECT amount_fen, out_trade_no, state FROM store_refund_reservations WHERE out_refund_no = $1', [req.outRefundNo])
      const prior = existing.rows[0]
      if (prior) {
        await db.query('ROLLBACK')
        // The same refund asked again (a retry after an unclear answer): the same answer.
        const same = prior.out_trade_no === req.outTradeNo && Number(prior.amount_fen) === req.amountFen && prior.state !== 'released'
        return same ? { ok: true, remainingFen: remaining - req.amountFen } : { ok: false, code: 'REFUND_NO_REUSED', remainingFen: remaining }
      }
      if (!REFUNDABLE_ORDER_STATES.includes(row.state)) {
        await db.query('ROLLBACK')
        return { ok: false, code: 'NOT_REFUNDABLE', remainingFen: 0 }
      }
      if (req.amountFen > remaining) {
        await db.query('ROLLBACK')
        return { ok: false, code: 'OVER_CAP', remainingFen: Math.max(0, remaining) }
      }
      await db.query(`INSERT INTO store_refund_reservations (out_refund_no, out_trade_no, counter_id, amount_fen, state, created_at) VALUES ($1, $2, $3, $4, 'reserved', $5)`, [
        req.outRefundNo,
        req.outTradeNo,
        req.counterId,
        req.amountFen,
        req.at,
      ])
      await db.query('COMMIT')
      return { ok: true, remainingFen: remaining - req.amountFen }
    } catch (e) {
      await db.query('ROLLBACK').catch(() => {})
      throw e
    }
  })
}

/** After the gateway's final answer: `confirmed` (refunded) or `released` (refused, nothing refunded). */
export async function settleReservation(pool: StorePool, outRefundNo: string, outcome: 'confirmed' | 'released', at: number): Promise<boolean> {
  const r = await pool.query(`UPDATE store_refund_reservations SET state = $2, settled_at = $3 WHERE out_refund_no = $1 AND state = 'reserved'`, [outRefundNo, outcome, at])
  return (r.rowCount ?? 0) === 1
}

/** What a refunding counter needs to know about an order taken anywhere in the store. */
export interface StoreOrderFacts {
  outTradeNo: string
  counterId: string
  method: string
  paytype: string | null
  amountFen: number
  state: string
  transactionId: string | null
  cashier: string
  createdAt: number
  paidAt: number | null
}

export async function storeOrderFacts(pool: StorePool, outTradeNo: string): Promise<StoreOrderFacts | null> {
  const r = await pool.query<Record<string, string | null>>(
    'SELECT out_trade_no, counter_id, method, paytype, amount_fen, state, transaction_id, cashier, created_at, paid_at FROM store_orders WHERE out_trade_no = $1',
    [outTradeNo],
  )
  const o = r.rows[0]
  if (!o) return null
  return {
    outTradeNo: o.out_trade_no!,
    counterId: o.counter_id!,
    method: o.method!,
    paytype: o.paytype ?? null,
    amountFen: Number(o.amount_fen),
    state: o.state!,
    transactionId: o.transaction_id ?? null,
    cashier: o.cashier!,
    createdAt: Number(o.created_at),
    paidAt: o.paid_at === null ? null : Number(o.paid_at),
  }
}

export interface OpenReservation {
  outRefundNo: string
  outTradeNo: string
  amountFen: number
  createdAt: number
}

/** This counter's reservations not settled yet (to settle them after a crash or an outage). */
export async function openReservations(pool: StorePool, counterId: string): Promise<OpenReservation[]> {
  const r = await pool.query<{ out_refund_no: string; out_trade_no: string; amount_fen: string; created_at: string }>(
    `SELECT out_refund_no, out_trade_no, amount_fen, created_at FROM store_refund_reservations WHERE counter_id = $1 AND state = 'reserved' ORDER BY created_at`,
    [counterId],
  )
  return r.rows.map((x) => ({ outRefundNo: x.out_refund_no, outTradeNo: x.out_trade_no, amountFen: Number(x.amount_fen), createdAt: Number(x.created_at) }))
}
