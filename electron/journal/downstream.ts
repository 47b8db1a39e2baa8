// What flows down from the store database: operators and the store settings,
// applied to this journal after the replicator's ship cycle. Last writer wins
// by (updated_at, writer counter id) — the store decides the same way — and a
// row written here is not queued for the store again (replication_state.applying
// is set inside the pull's own transaction, and the outbox triggers skip it), so
// an applied pull never bounces back. The lockout state (pin_state) is never
// touched: it stays with the counter where the PINs were typed.
import type { Db } from './db'

export interface PulledOperator {
  operatorNo: string
  name: string
  role: 'cashier' | 'supervisor' | 'manager'
  pinHash: string
  active: boolean
  createdAt: number
  updatedAt: number
  /** The counter whose edit this is. */
  writer: string
}

export interface PulledStoreSettings {
  storeName: string
  receiptHeader: string
  overShortLimitFen: number
  updatedAt: number
  writer: string
}

export interface StoreSettingsRow {
  store_name: string
  receipt_header: string
  over_short_limit_fen: number
  updated_at: number
  updated_by: string
}

/** true when (at, by) is newer than (localAt, localBy): later time, or the same time from a higher counter id. */
export function newerThan(at: number, by: string, localAt: number, localBy: string): boolean {
  return at > localAt || (at === localAt && by > localBy)
}

export class DownstreamRepo {
  constructor(
    private readonly db: Db,
    private readonly ownCounterId: () => string,
  ) {}

  /** The store's version this counter has applied up to (0 = nothing pulled yet). */
  pulledVersion(): number {
    return (this.db.prepare('SELECT pulled_version v FROM replication_state WHERE id = 1').get() as { v: number }).v
  }

  /**
   * Applies one pull in one transaction and moves the cursor; returns how many rows changed here.
   * A row older than what this journal holds (a local edit not yet shipped) is skipped: it wins in the store once shipped.
   */
  apply(pull: { operators: PulledOperator[]; settings: PulledStoreSettings | null; version: number }): number {
    const own = this.ownCounterId()
    return this.db.transaction(() => {
      this.db.prepare('UPDATE replication_state SET applying = 1 WHERE id = 1').run()
      let changed = 0
      try {
        for (const o of pull.operators) {
          const local = this.db.prepare('SELECT updated_at, updated_by FROM operators WHERE operator_no = ?').get(o.operatorNo) as { updated_at: number; updated_by: string } | undefined
          const writer = o.writer === own ? '' : o.writer
          const row = { no: o.operatorNo, name: o.name, role: o.role, hash: o.pinHash, active: o.active ? 1 : 0, created: o.createdAt, at: o.updatedAt, by: writer, device: o.writer }
          if (!local) {
            this.db
              .prepare(`INSERT INTO operators (operator_no, device_id, name, role, pin_hash, active, created_at, updated_at, updated_by) VALUES (@no, @device, @name, @role, @hash, @active, @created, @at, @by)`)
              .run(row)
            changed++
          } else if (newerThan(o.updatedAt, o.writer, local.updated_at, local.updated_by || own)) {
            this.db.prepare(`UPDATE operators SET name = @name, role = @role, pin_hash = @hash, active = @active, updated_at = @at, updated_by = @by WHERE operator_no = @no`).run(row)
            changed++
          }
        }
        const s = pull.settings
        if (s) {
          const local = this.storeSettings()
          if (!local || newerThan(s.updatedAt, s.writer, local.updated_at, local.updated_by || own)) {
            this.db
              .prepare(
                `INSERT INTO store_settings (id, store_name, receipt_header, over_short_limit_fen, updated_at, updated_by) VALUES (1, @name, @header, @limit, @at, @by)
                 ON CONFLICT (id) DO UPDATE SET store_name = excluded.store_name, receipt_header = excluded.receipt_header,
                   over_short_limit_fen = excluded.over_short_limit_fen, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
              )
              .run({ name: s.storeName, header: s.receiptHeader, limit: s.overShortLimitFen, at: s.updatedAt, by: s.writer === own ? '' : s.writer })
            changed++
          }
        }
        this.db.prepare('UPDATE replication_state SET pulled_version = max(pulled_version, ?) WHERE id = 1').run(pull.version)
      } finally {
        this.db.prepare('UPDATE replication_state SET applying = 0 WHERE id = 1').run()
      }
      return changed
    })()
  }

  /** The store settings as last set here or pulled, or null (the local settings then). */
  storeSettings(): StoreSettingsRow | null {
    return (this.db.prepare('SELECT store_name, receipt_header, over_short_limit_fen, updated_at, updated_by FROM store_settings WHERE id = 1').get() as StoreSettingsRow | undefined) ?? null
  }

  /** A manager's change made at this counter (queued for the store by the outbox trigger when replication is on). */
  setStoreSettings(s: { storeName: string; receiptHeader: string; overShortLimitFen: number }, at: number): StoreSettingsRow {
    this.db
      .prepare(
        `INSERT INTO store_settings (id, store_name, receipt_header, over_short_limit_fen, updated_at, updated_by) VALUES (1, @name, @header, @limit, @at, '')
         ON CONFLICT (id) DO UPDATE SET store_name = excluded.store_name, receipt_header = excluded.receipt_header,
           over_short_limit_fen = excluded.over_short_limit_fen, updated_at = max(excluded.updated_at, store_settings.updated_at + 1), updated_by = ''`,
      )
      .run({ name: s.storeName, header: s.receiptHeader, limit: s.overShortLimitFen, at })
    return this.storeSettings() as StoreSettingsRow
  }
}
