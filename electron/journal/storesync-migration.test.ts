// The storesync journal migration on a journal whose outbox has rows waiting
// and a sequence above them: the outbox is rebuilt with the wider kind CHECK,
// keeps its rows and its numbering (the store's seq guard relies on it), and
// the new triggers queue cash movements, drawer counts, the operator audit,
// operators and the store settings — but not a row written by a pull.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from './db'
import { registerLegacyFunctions } from './legacy-messages'
import { MIGRATIONS } from './migrations'

const STORESYNC = MIGRATIONS.findIndex((m) => m.includes('storesync_outbox'))

function journalBefore(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  registerLegacyFunctions(db)
  for (const [i, sql] of MIGRATIONS.slice(0, STORESYNC).entries()) {
    db.exec(sql)
    db.pragma(`user_version = ${i + 1}`)
  }
  db.exec(`UPDATE replication_state SET enabled = 1`)
  for (const no of ['O1', 'O2', 'O3'])
    db.prepare(`INSERT INTO orders (out_trade_no, method, amount_fen, body, state, step, cashier, created_at, updated_at, device_id) VALUES (?, 'cash', 100, 'x', 'paid', 's', 'c', 1, 1, '')`).run(no)
  return db
}

const outbox = (db: Database.Database) => db.prepare(`SELECT seq, kind, key FROM outbox ORDER BY seq`).all()

describe('journal migration (storesync): the outbox rebuilt', () => {
  it('keeps waiting rows and the sequence; the new kinds are queued; a pulled row is not', () => {
    expect(STORESYNC).toBeGreaterThan(0)
    const db = journalBefore()
    db.exec(`DELETE FROM outbox WHERE seq <= 2`) // acknowledged by the store
    migrate(db)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(outbox(db)).toEqual([{ seq: 3, kind: 'order', key: 'O3' }])
    db.exec(`INSERT INTO shifts (id, cashier, float_fen, opened_at, device_id) VALUES ('S1', 'c', 0, 5, 'D')`)
    db.exec(`INSERT INTO cash_movements (device_id, shift_id, kind, amount_fen, cashier, at) VALUES ('D', 'S1', 'paid_out', 300, 'c', 6)`)
    db.exec(`INSERT INTO drawer_counts (shift_id, denominations, counted_fen, expected_fen, over_short_fen, at) VALUES ('S1', '{}', 0, 0, 0, 7)`)
    db.exec(`INSERT INTO operator_audit (at, device_id, action, outcome) VALUES (8, 'D', 'signIn', 'ok')`)
    db.exec(`INSERT INTO operators (operator_no, device_id, name, role, pin_hash, created_at, updated_at) VALUES ('0002', 'D', 'n', 'cashier', 'h', 9, 9)`)
    db.exec(`UPDATE operators SET pin_state = '{}' WHERE operator_no = '0002'`) // lockout only: not an edit
    db.exec(`INSERT INTO store_settings (id, store_name, over_short_limit_fen, updated_at) VALUES (1, 'S', 0, 10)`)
    expect(outbox(db)).toEqual([
      { seq: 3, kind: 'order', key: 'O3' },
      { seq: 4, kind: 'shift', key: 'S1' },
      { seq: 5, kind: 'cash', key: '1' },
      { seq: 6, kind: 'count', key: 'S1' },
      { seq: 7, kind: 'op_audit', key: '1' },
      { seq: 8, kind: 'operator', key: '0002' },
      { seq: 9, kind: 'store_settings', key: 'store' },
    ])
    db.exec(`UPDATE replication_state SET applying = 1`)
    db.exec(`UPDATE operators SET name = 'pulled', updated_at = 11 WHERE operator_no = '0002'`)
    db.exec(`UPDATE store_settings SET store_name = 'pulled', updated_at = 11`)
    db.exec(`UPDATE replication_state SET applying = 0`)
    expect(outbox(db)).toHaveLength(7)
    expect(() => db.exec(`INSERT INTO outbox (kind, key, at) VALUES ('cheque', 'x', 1)`)).toThrow(/CHECK/)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('an empty outbox keeps numbering above what the store acknowledged', () => {
    const db = journalBefore()
    db.exec(`DELETE FROM outbox`)
    migrate(db)
    db.prepare(`UPDATE orders SET state = 'closed' WHERE out_trade_no = 'O1'`).run()
    expect(outbox(db)).toEqual([{ seq: 4, kind: 'order', key: 'O1' }])
  })
})
