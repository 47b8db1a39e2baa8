// The storesync rows of a batch (store schema v2): one counter's
// drawer (cash movements, drawer counts) and operator audit, seq-guarded like
// ingest.ts's rows; and the rows every counter of a store shares (operators,
// store settings), kept only when newer by (updated_at, writer) — last writer
// wins, ties by counter id — each kept change numbered by store_pull_version
// for the counters' pull (pull.ts). A batch applied twice changes nothing.
import type { PoolClient } from 'pg'
import type { StoreChange } from './changes'

type Of<K extends StoreChange['kind']> = Extract<StoreChange, { kind: K }>
const pick = <K extends StoreChange['kind']>(changes: StoreChange[], kind: K) => changes.filter((c): c is Of<K> => c.kind === kind)

export async function applyDrawerChanges(db: PoolClient, counterId: string, changes: StoreChange[]): Promise<void> {
  const cash = pick(changes, 'cash')
  if (cash.length > 0) {
    const col = <T>(f: (c: Of<'cash'>) => T) => cash.map(f)
    await db.query(
      `INSERT INTO store_cash_movements (counter_id, movement_id, seq, shift_id, kind, amount_fen, given_fen, change_fen, ref, reason, cashier, approved_by, at)
       SELECT $1, m.id, m.seq, m.shift, m.kind, m.amount, m.given, m.change, m.ref, m.reason, m.cashier, m.approved, m.at
       FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::text[], $10::text[], $11::text[], $12::text[], $13::bigint[])
         AS m(id, seq, shift, kind, amount, given, change, ref, reason, cashier, approved, at)
       ON CONFLICT (counter_id, movement_id) DO UPDATE SET seq = EXCLUDED.seq, shift_id = EXCLUDED.shift_id, kind = EXCLUDED.kind, amount_fen = EXCLUDED.amount_fen,
         given_fen = EXCLUDED.given_fen, change_fen = EXCLUDED.change_fen, ref = EXCLUDED.ref, reason = EXCLUDED.reason, approved_by = EXCLUDED.approved_by, at = EXCLUDED.at
       WHERE store_cash_movements.seq < EXCLUDED.seq`,
      [
        counterId,
        col((c) => c.row.movementId),
        col((c) => c.seq),
        col((c) => c.row.shiftId),
        col((c) => c.row.kind),
        col((c) => c.row.amountFen),
        col((c) => c.row.givenFen),
        col((c) => c.row.changeFen),
        col((c) => c.row.ref),
        col((c) => c.row.reason),
        col((c) => c.row.cashier),
        col((c) => c.row.approvedBy),
        col((c) => c.row.at),
      ],
    )
  }
  const counts = pick(changes, 'count')
  if (counts.length > 0) {
    const col = <T>(f: (c: Of<'count'>) => T) => counts.map(f)
    await db.query(
      `INSERT INTO store_drawer_counts (counter_id, shift_id, seq, denominations, counted_fen, expected_fen, over_short_fen, taken_out_fen, approved_by, at)
       SELECT $1, d.shift, d.seq, d.denoms, d.counted, d.expected, d.over_short, d.taken_out, d.approved, d.at
       FROM unnest($2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::text[], $10::bigint[])
         AS d(shift, seq, denoms, counted, expected, over_short, taken_out, approved, at)
       ON CONFLICT (counter_id, shift_id) DO UPDATE SET seq = EXCLUDED.seq, denominations = EXCLUDED.denominations, counted_fen = EXCLUDED.counted_fen,
         expected_fen = EXCLUDED.expected_fen, over_short_fen = EXCLUDED.over_short_fen, taken_out_fen = EXCLUDED.taken_out_fen, approved_by = EXCLUDED.approved_by, at = EXCLUDED.at
       WHERE store_drawer_counts.seq < EXCLUDED.seq`,
      [
        counterId,
        col((c) => c.row.shiftId),
        col((c) => c.seq),
        col((c) => c.row.denominations),
        col((c) => c.row.countedFen),
        col((c) => c.row.expectedFen),
        col((c) => c.row.overShortFen),
        col((c) => c.row.takenOutFen),
        col((c) => c.row.approvedBy),
        col((c) => c.row.at),
      ],
    )
  }
  const audit = pick(changes, 'op_audit')
  if (audit.length > 0) {
    const col = <T>(f: (c: Of<'op_audit'>) => T) => audit.map(f)
    // Append-only, like the journal's: a row already here is never changed.
    await db.query(
      `INSERT INTO store_operator_audit (counter_id, audit_id, seq, at, operator_no, action, outcome, approver_no, ref, detail)
       SELECT $1, a.id, a.seq, a.at, a.op, a.action, a.outcome, a.approver, a.ref, a.detail
       FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         AS a(id, seq, at, op, action, outcome, approver, ref, detail)
       ON CONFLICT (counter_id, audit_id) DO NOTHING`,
      [
        counterId,
        col((c) => c.row.auditId),
        col((c) => c.seq),
        col((c) => c.row.at),
        col((c) => c.row.operatorNo),
        col((c) => c.row.action),
        col((c) => c.row.outcome),
        col((c) => c.row.approverNo),
        col((c) => c.row.ref),
        col((c) => c.row.detail),
      ],
    )
  }
}

export async function applySharedChanges(db: PoolClient, _counterId: string, storeId: string, changes: StoreChange[]): Promise<void> {
  const operators = pick(changes, 'operator')
  const settings = pick(changes, 'store_settings')
  if (operators.length === 0 && settings.length === 0) return
  // Writers of the shared rows take their versions one transaction at a time: a pull reading
  // "version > cursor" can then never miss a version committed after a higher one.
  await db.query('LOCK TABLE store_operators IN EXCLUSIVE MODE')
  if (operators.length > 0) {
    const col = <T>(f: (c: Of<'operator'>) => T) => operators.map(f)
    await db.query(
      `INSERT INTO store_operators (store_id, operator_no, name, role, pin_hash, active, created_at, updated_at, writer, version)
       SELECT $1, o.no, o.name, o.role, o.hash, o.active, o.created, o.updated, o.writer, nextval('store_pull_version')
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::bigint[], $8::bigint[], $9::text[])
         AS o(no, name, role, hash, active, created, updated, writer)
       ON CONFLICT (store_id, operator_no) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, pin_hash = EXCLUDED.pin_hash, active = EXCLUDED.active,
         updated_at = EXCLUDED.updated_at, writer = EXCLUDED.writer, version = EXCLUDED.version
       WHERE (store_operators.updated_at, store_operators.writer) < (EXCLUDED.updated_at, EXCLUDED.writer)`,
      [
        storeId,
        col((c) => c.row.operatorNo),
        col((c) => c.row.name),
        col((c) => c.row.role),
        col((c) => c.row.pinHash),
        col((c) => c.row.active),
        col((c) => c.row.createdAt),
        col((c) => c.row.updatedAt),
        col((c) => c.row.writer),
      ],
    )
  }
  // One settings row per store: the outbox folds repeated changes, so a batch holds at most one.
  for (const s of settings) {
    await db.query(
      `INSERT INTO store_settings (store_id, store_name, receipt_header, over_short_limit_fen, updated_at, writer, version)
       VALUES ($1, $2, $3, $4, $5, $6, nextval('store_pull_version'))
       ON CONFLICT (store_id) DO UPDATE SET store_name = EXCLUDED.store_name, receipt_header = EXCLUDED.receipt_header,
         over_short_limit_fen = EXCLUDED.over_short_limit_fen, updated_at = EXCLUDED.updated_at, writer = EXCLUDED.writer, version = EXCLUDED.version
       WHERE (store_settings.updated_at, store_settings.writer) < (EXCLUDED.updated_at, EXCLUDED.writer)`,
      [storeId, s.row.storeName, s.row.receiptHeader, s.row.overShortLimitFen, s.row.updatedAt, s.row.writer],
    )
  }
}
