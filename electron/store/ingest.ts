// Applies a counter's batch of outbox changes in one transaction. Idempotent:
// every row keeps the sequence number of the change that wrote it and is only
// overwritten by a newer one, so a batch sent twice (after a crash or a lost
// answer) changes nothing. A batch must start at or before what the store
// holds (no gap); a gap is refused and the counter resends from the store's
// acknowledged sequence number.
import type { PoolClient } from 'pg'
import { StoreBatch, type StoreChange } from './changes'
import type { StorePool } from './pool'

export class StoreGapError extends Error {
  constructor(
    readonly counterId: string,
    readonly acknowledged: number,
    readonly firstSent: number,
  ) {
    super(`store: counter ${counterId} sent seq ${firstSent} but the store has only ${acknowledged}`)
    this.name = 'StoreGapError'
  }
}

/** The last sequence number the store holds for this counter (0 = nothing yet). */
export async function acknowledgedSeq(pool: StorePool, counterId: string): Promise<number> {
  const r = await pool.query<{ last_seq: string }>('SELECT last_seq FROM store_counters WHERE counter_id = $1', [counterId])
  return Number(r.rows[0]?.last_seq ?? 0)
}

export async function applyBatch(pool: StorePool, input: unknown): Promise<{ lastSeq: number; applied: number }> {
  const batch = StoreBatch.parse(input)
  const seqs = batch.changes.map((c) => c.seq)
  for (let i = 1; i < seqs.length; i++) if (seqs[i]! <= seqs[i - 1]!) throw new Error('store: a batch must be in increasing sequence order')
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('INSERT INTO store_counters (counter_id, store_id) VALUES ($1, $2) ON CONFLICT (counter_id) DO NOTHING', [batch.counterId, batch.storeId])
    // The counter's row lock orders concurrent deliveries from the same counter.
    const ack = Number((await client.query<{ last_seq: string }>('SELECT last_seq FROM store_counters WHERE counter_id = $1 FOR UPDATE', [batch.counterId])).rows[0]!.last_seq)
    if (batch.afterSeq > ack) throw new StoreGapError(batch.counterId, ack, batch.afterSeq + 1)
    let applied = 0
    let lastChangeAt = 0
    for (const change of batch.changes) {
      if (change.seq <= ack) continue
      await applyChange(client, batch.counterId, change)
      applied += 1
      lastChangeAt = Math.max(lastChangeAt, changeTime(change))
    }
    const last = Math.max(ack, batch.throughSeq)
    await client.query('UPDATE store_counters SET last_seq = $2, last_batch_at = now(), last_change_at = GREATEST(COALESCE(last_change_at, 0), $3) WHERE counter_id = $1', [batch.counterId, last, lastChangeAt])
    await client.query('COMMIT')
    return { lastSeq: last, applied }
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {})
    throw e
  } finally {
    client.release()
  }
}

function changeTime(c: StoreChange): number {
  if (c.kind === 'order' || c.kind === 'refund') return c.row.updatedAt
  if (c.kind === 'shift') return c.row.closedAt ?? c.row.openedAt
  return c.row.at
}

async function applyChange(db: PoolClient, counterId: string, c: StoreChange): Promise<void> {
  if (c.kind === 'order') {
    const r = c.row
    await db.query(
      `INSERT INTO store_orders (out_trade_no, counter_id, seq, method, paytype, amount_fen, state, refunded_fen, cashier, shift_id, transaction_id, attention, created_at, updated_at, paid_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)
       ON CONFLICT (out_trade_no) DO UPDATE SET seq = EXCLUDED.seq, state = EXCLUDED.state, refunded_fen = EXCLUDED.refunded_fen,
         transaction_id = EXCLUDED.transaction_id, attention = EXCLUDED.attention, updated_at = EXCLUDED.updated_at, paid_at = EXCLUDED.paid_at
       WHERE store_orders.counter_id = EXCLUDED.counter_id AND store_orders.seq < EXCLUDED.seq`,
      [r.outTradeNo, counterId, c.seq, r.method, r.paytype, r.amountFen, r.state, r.refundedFen, r.cashier, r.shiftId, r.transactionId, r.attention, r.createdAt, r.updatedAt, r.paidAt],
    )
  } else if (c.kind === 'refund') {
    const r = c.row
    await db.query(
      `INSERT INTO store_refunds (out_refund_no, out_trade_no, counter_id, seq, amount_fen, state, shift_id, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
       ON CONFLICT (out_refund_no) DO UPDATE SET seq = EXCLUDED.seq, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at
       WHERE store_refunds.counter_id = EXCLUDED.counter_id AND store_refunds.seq < EXCLUDED.seq`,
      [r.outRefundNo, r.outTradeNo, counterId, c.seq, r.amountFen, r.state, r.shiftId, r.createdAt, r.updatedAt],
    )
  } else if (c.kind === 'shift') {
    const r = c.row
    await db.query(
      `INSERT INTO store_shifts (counter_id, shift_id, seq, cashier, float_fen, opened_at, closed_at) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (counter_id, shift_id) DO UPDATE SET seq = EXCLUDED.seq, closed_at = EXCLUDED.closed_at WHERE store_shifts.seq < EXCLUDED.seq`,
      [counterId, r.shiftId, c.seq, r.cashier, r.floatFen, r.openedAt, r.closedAt],
    )
  } else {
    const r = c.row
    await db.query(
      `INSERT INTO store_audit (counter_id, audit_id, seq, at, call, ref, outcome) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (counter_id, audit_id) DO NOTHING`,
      [counterId, r.auditId, c.seq, r.at, r.call, r.ref, r.outcome],
    )
  }
}
