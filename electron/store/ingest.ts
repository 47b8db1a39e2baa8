// Applies a counter's batch of outbox changes in one transaction. Idempotent:
// every row keeps the sequence number of the change that wrote it and is only
// overwritten by a newer one, so a batch sent twice (after a crash or a lost
// answer) changes nothing. A batch must start at or before what the store
// holds (no gap); a gap is refused and the counter resends from the store's
// acknowledged sequence number.
import type { PoolClient } from 'pg'
import { StoreBatch, type StoreChange } from './changes'
import { applyDrawerChanges, applySharedChanges } from './ingest-rows'
import { withClient, type StorePool } from './pool'

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
  return withClient(pool, async (client) => {
    try {
      await client.query('BEGIN')
      await client.query('INSERT INTO store_counters (counter_id, store_id) VALUES ($1, $2) ON CONFLICT (counter_id) DO NOTHING', [batch.counterId, batch.storeId])
      // The counter's row lock orders concurrent deliveries from the same counter.
      const ack = Number((await client.query<{ last_seq: string }>('SELECT last_seq FROM store_counters WHERE counter_id = $1 FOR UPDATE', [batch.counterId])).rows[0]!.last_seq)
      if (batch.afterSeq > ack) throw new StoreGapError(batch.counterId, ack, batch.afterSeq + 1)
      const fresh = batch.changes.filter((c) => c.seq > ack)
      await applyChanges(client, batch.counterId, batch.storeId, fresh)
      const applied = fresh.length
      const lastChangeAt = fresh.reduce((m, c) => Math.max(m, changeTime(c)), 0)
      const last = Math.max(ack, batch.throughSeq)
      await client.query('UPDATE store_counters SET last_seq = $2, last_batch_at = now(), last_change_at = GREATEST(COALESCE(last_change_at, 0), $3) WHERE counter_id = $1', [batch.counterId, last, lastChangeAt])
      await client.query('COMMIT')
      return { lastSeq: last, applied }
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {})
      throw e
    }
  })
}

function changeTime(c: StoreChange): number {
  if (c.kind === 'order' || c.kind === 'refund' || c.kind === 'operator' || c.kind === 'store_settings') return c.row.updatedAt
  if (c.kind === 'shift') return c.row.closedAt ?? c.row.openedAt
  return c.row.at
}

type Of<K extends StoreChange['kind']> = Extract<StoreChange, { kind: K }>

/**
 * One statement per kind (rows passed as arrays and unnested): a batch of 500
 * changes is four round trips, not 500. The outbox folds repeated rows, so no
 * statement touches the same row twice.
 */
async function applyChanges(db: PoolClient, counterId: string, storeId: string, changes: StoreChange[]): Promise<void> {
  await applyDrawerChanges(db, counterId, changes)
  await applySharedChanges(db, counterId, storeId, changes)
  const of = <K extends StoreChange['kind']>(kind: K) => changes.filter((c): c is Of<K> => c.kind === kind)
  const orders = of('order')
  if (orders.length > 0) {
    const col = <T>(f: (c: Of<'order'>) => T) => orders.map(f)
    await db.query(
      `INSERT INTO store_orders (out_trade_no, counter_id, seq, method, paytype, amount_fen, state, refunded_fen, cashier, shift_id, transaction_id, attention, created_at, updated_at, paid_at, operator_no)
       SELECT o.no, $1, o.seq, o.method, o.paytype, o.amount, o.state, o.refunded, o.cashier, o.shift, o.txn, o.attention, o.created, o.updated, o.paid, o.op
       FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::bigint[], $9::text[], $10::text[], $11::text[], $12::text[], $13::bigint[], $14::bigint[], $15::bigint[], $16::text[])
         AS o(no, seq, method, paytype, amount, state, refunded, cashier, shift, txn, attention, created, updated, paid, op)
       ON CONFLICT (out_trade_no) DO UPDATE SET seq = EXCLUDED.seq, state = EXCLUDED.state, refunded_fen = EXCLUDED.refunded_fen,
         transaction_id = EXCLUDED.transaction_id, attention = EXCLUDED.attention, updated_at = EXCLUDED.updated_at, paid_at = EXCLUDED.paid_at
       WHERE store_orders.counter_id = EXCLUDED.counter_id AND store_orders.seq < EXCLUDED.seq`,
      [
        counterId,
        col((c) => c.row.outTradeNo),
        col((c) => c.seq),
        col((c) => c.row.method),
        col((c) => c.row.paytype),
        col((c) => c.row.amountFen),
        col((c) => c.row.state),
        col((c) => c.row.refundedFen),
        col((c) => c.row.cashier),
        col((c) => c.row.shiftId),
        col((c) => c.row.transactionId),
        col((c) => c.row.attention),
        col((c) => c.row.createdAt),
        col((c) => c.row.updatedAt),
        col((c) => c.row.paidAt),
        col((c) => c.row.operatorNo ?? null),
      ],
    )
  }
  const refunds = of('refund')
  if (refunds.length > 0) {
    const col = <T>(f: (c: Of<'refund'>) => T) => refunds.map(f)
    await db.query(
      `INSERT INTO store_refunds (out_refund_no, out_trade_no, counter_id, seq, amount_fen, state, shift_id, created_at, updated_at, operator_no)
       SELECT r.no, r.order_no, $1, r.seq, r.amount, r.state, r.shift, r.created, r.updated, r.op
       FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::text[]) AS r(no, order_no, seq, amount, state, shift, created, updated, op)
       ON CONFLICT (out_refund_no) DO UPDATE SET seq = EXCLUDED.seq, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at
       WHERE store_refunds.counter_id = EXCLUDED.counter_id AND store_refunds.seq < EXCLUDED.seq`,
      [counterId, col((c) => c.row.outRefundNo), col((c) => c.row.outTradeNo), col((c) => c.seq), col((c) => c.row.amountFen), col((c) => c.row.state), col((c) => c.row.shiftId), col((c) => c.row.createdAt), col((c) => c.row.updatedAt), col((c) => c.row.operatorNo ?? null)],
    )
  }
  const shifts = of('shift')
  if (shifts.length > 0) {
    const col = <T>(f: (c: Of<'shift'>) => T) => shifts.map(f)
    await db.query(
      `INSERT INTO store_shifts (counter_id, shift_id, seq, cashier, float_fen, opened_at, closed_at, operator_no, closed_by, close_approver, float_from_shift, float_carried_fen, float_counted_by, float_reason)
       SELECT $1, s.id, s.seq, s.cashier, s.float, s.opened, s.closed, s.op, s.closed_by, s.approver, s.from_shift, s.carried, s.counted_by, s.reason
       FROM unnest($2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[], $13::text[], $14::text[])
         AS s(id, seq, cashier, float, opened, closed, op, closed_by, approver, from_shift, carried, counted_by, reason)
       ON CONFLICT (counter_id, shift_id) DO UPDATE SET seq = EXCLUDED.seq, closed_at = EXCLUDED.closed_at, closed_by = EXCLUDED.closed_by, close_approver = EXCLUDED.close_approver
       WHERE store_shifts.seq < EXCLUDED.seq`,
      [
        counterId,
        col((c) => c.row.shiftId),
        col((c) => c.seq),
        col((c) => c.row.cashier),
        col((c) => c.row.floatFen),
        col((c) => c.row.openedAt),
        col((c) => c.row.closedAt),
        col((c) => c.row.operatorNo ?? null),
        col((c) => c.row.closedBy ?? null),
        col((c) => c.row.closeApprover ?? null),
        col((c) => c.row.floatFromShift ?? null),
        col((c) => c.row.floatCarriedFen ?? null),
        col((c) => c.row.floatCountedBy ?? null),
        col((c) => c.row.floatReason ?? null),
      ],
    )
  }
  const audit = of('audit')
  if (audit.length > 0) {
    const col = <T>(f: (c: Of<'audit'>) => T) => audit.map(f)
    await db.query(
      `INSERT INTO store_audit (counter_id, audit_id, seq, at, call, ref, outcome)
       SELECT $1, a.id, a.seq, a.at, a.call, a.ref, a.outcome
       FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[]) AS a(id, seq, at, call, ref, outcome)
       ON CONFLICT (counter_id, audit_id) DO NOTHING`,
      [counterId, col((c) => c.row.auditId), col((c) => c.seq), col((c) => c.row.at), col((c) => c.row.call), col((c) => c.row.ref), col((c) => c.row.outcome)],
    )
  }
}
