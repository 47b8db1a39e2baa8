// Migration v5 and the counter id on every row: a journal from before it gets
// this counter's id on every order, refund, shift and audit row (audit stays
// append-only, nothing re-shipped); "one open shift" is per counter; recovery
// and the review sweep see this counter's rows only — including rows stamped
// before the device was renamed in Settings.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { Journal } from './index'
import { MIGRATIONS } from './migrations'
import { msg } from '../shared/contract'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function oldJournal(): string {
  const dir = mkdtempSync(join(tmpdir(), 'counter-id-'))
  dirs.push(dir)
  const path = join(dir, 'journal.sqlite3')
  const db = new Database(path)
  for (const sql of MIGRATIONS.slice(0, 4)) db.exec(sql)
  db.pragma('user_version = 4')
  db.exec(`UPDATE replication_state SET enabled = 1 WHERE id = 1`)
  db.prepare(`INSERT INTO settings (key, value) VALUES ('install.deviceId', 'POSA')`).run()
  const order = db.prepare(`INSERT INTO orders (out_trade_no, method, paytype, amount_fen, body, state, step, cashier, shift_id, created_at, updated_at) VALUES (?, 'code', 'WECHAT', 100, 'x', ?, 's', 'c', 'S1', 1, 1)`)
  order.run('A1', 'paid')
  order.run('A2', 'querying')
  order.run('A3', 'review')
  db.prepare(`INSERT INTO refunds (out_refund_no, out_trade_no, amount_fen, state, step, reason, shift_id, created_at, updated_at) VALUES ('RA1_1', 'A1', 50, 'processing', 's', '', 'S1', 2, 2)`).run()
  db.prepare(`INSERT INTO shifts (id, cashier, float_fen, opened_at) VALUES ('S1', 'c', 0, 1)`).run()
  db.prepare(`INSERT INTO audit (at, call, ref, outcome, http_status, duration_ms, request, response, error) VALUES (1, 'pay', 'A1', 'paid', 200, 5, '{}', NULL, NULL)`).run()
  db.exec(`DELETE FROM outbox`)
  db.close()
  return path
}

const stamped = (j: Journal, table: string) => j.db.prepare(`SELECT DISTINCT device_id d FROM ${table}`).all().map((r) => (r as { d: string }).d)

describe('the counter id on every row (migration v5)', () => {
  it('fills existing rows with this counter id, keeps the audit append-only and re-ships nothing', () => {
    const path = oldJournal()
    // v5 alone: stamping is not a change the store needs (later migrations may re-ship rows they change).
    const raw = new Database(path)
    raw.exec(MIGRATIONS[4] as string)
    expect(raw.prepare(`SELECT count(*) n FROM outbox`).get()).toEqual({ n: 0 })
    raw.pragma('user_version = 5')
    raw.close()
    const j = Journal.open(path)
    try {
      for (const table of ['orders', 'refunds', 'shifts', 'audit']) expect(stamped(j, table), table).toEqual(['POSA'])
      expect(() => j.db.prepare(`UPDATE audit SET outcome = 'x'`).run()).toThrow(/append-only/)
      expect(j.db.prepare(`SELECT enabled FROM replication_state`).get()).toEqual({ enabled: 1 })
      expect(j.shifts.current()?.id).toBe('S1')
    } finally {
      j.close()
    }
  })

  it('one open shift per counter: another counter’s open shift does not count as ours, a second one of ours is refused', () => {
    const j = Journal.open(oldJournal())
    try {
      j.db.prepare(`INSERT INTO shifts (id, cashier, float_fen, opened_at, device_id) VALUES ('SB', 'b', 0, 5, 'POSB')`).run()
      expect(j.shifts.current()?.id).toBe('S1')
      expect(() => j.shifts.insert('S2', 'c', 0, 6)).toThrow(/UNIQUE/)
    } finally {
      j.close()
    }
  })

  it('recovery and the sweep take this counter’s rows only, also those stamped before a rename', () => {
    const j = Journal.open(oldJournal())
    try {
      j.db.prepare(`INSERT INTO orders (out_trade_no, method, paytype, amount_fen, body, state, step, cashier, created_at, updated_at, device_id) VALUES ('B1', 'code', 'WECHAT', 100, 'x', 'querying', 's', 'b', 3, 3, 'POSB')`).run()
      j.setSetting('settings', JSON.stringify({ deviceId: 'POSC' }))
      j.orders.insert({ out_trade_no: 'C1', method: 'code', paytype: 'WECHAT', amount_fen: 200, body: 'y', step: msg('ORDER_CREATING'), auth_code_masked: null, cashier: 'c', shift_id: 'S1', created_at: 4 })
      expect(j.orders.get('C1')?.device_id).toBe('POSC')
      expect(j.orders.open().map((o) => o.out_trade_no)).toEqual(['A2', 'C1'])
      expect(j.orders.inReview(10)).toEqual(['A3'])
      expect(j.refunds.open().map((r) => r.out_refund_no)).toEqual(['RA1_1'])
    } finally {
      j.close()
    }
  })
})
