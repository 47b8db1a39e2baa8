// What flows down to the counters: a store's operators and settings changed
// after the version a counter last applied (store_pull_version, see
// ingest-rows.ts). Read in one snapshot; `version` is the highest one seen, the
// counter's next cursor. Never a lockout state (the store has none).
import { withClient, type StorePool } from './pool'

export interface PulledRows {
  operators: { operatorNo: string; name: string; role: 'cashier' | 'supervisor' | 'manager'; pinHash: string; active: boolean; createdAt: number; updatedAt: number; writer: string }[]
  settings: { storeName: string; receiptHeader: string; overShortLimitFen: number; updatedAt: number; writer: string } | null
  version: number
}

export async function pullDown(pool: StorePool, storeId: string, afterVersion: number): Promise<PulledRows> {
  return withClient(pool, async (db) => {
    try {
      await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const ops = await db.query<{ operator_no: string; name: string; role: 'cashier' | 'supervisor' | 'manager'; pin_hash: string; active: boolean; created_at: string; updated_at: string; writer: string; version: string }>(
        `SELECT operator_no, name, role, pin_hash, active, created_at, updated_at, writer, version FROM store_operators WHERE store_id = $1 AND version > $2 ORDER BY version`,
        [storeId, afterVersion],
      )
      const set = await db.query<{ store_name: string; receipt_header: string; over_short_limit_fen: string; updated_at: string; writer: string; version: string }>(
        `SELECT store_name, receipt_header, over_short_limit_fen, updated_at, writer, version FROM store_settings WHERE store_id = $1 AND version > $2`,
        [storeId, afterVersion],
      )
      await db.query('COMMIT')
      let version = afterVersion
      for (const r of [...ops.rows, ...set.rows]) version = Math.max(version, Number(r.version))
      const s = set.rows[0]
      return {
        operators: ops.rows.map((r) => ({ operatorNo: r.operator_no, name: r.name, role: r.role, pinHash: r.pin_hash, active: r.active, createdAt: Number(r.created_at), updatedAt: Number(r.updated_at), writer: r.writer })),
        settings: s ? { storeName: s.store_name, receiptHeader: s.receipt_header, overShortLimitFen: Number(s.over_short_limit_fen), updatedAt: Number(s.updated_at), writer: s.writer } : null,
        version,
      }
    } catch (e) {
      await db.query('ROLLBACK').catch(() => {})
      throw e
    }
  })
}
