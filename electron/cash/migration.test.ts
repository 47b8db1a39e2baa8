// Migration v7 on a journal that already has sales: the orders table is rebuilt
// with method 'cash' allowed; rows, references, indexes and outbox triggers survive.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../journal/db'
import { MIGRATIONS } from '../journal/migrations'

describe('journal migration v7 (cash)', () => {
  it('keeps every order, event and refund; allows cash; references and triggers still hold', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    for (const [i, sql] of MIGRATIONS.slice(0, 4).entries()) {
      db.exec(sql)
      db.pragma(`user_version = ${i + 1}`)
    }
    db.exec(`INSERT INTO orders (out_trade_no, method, paytype, amount_fen, body, state, step, cashier, created_at, updated_at) VALUES ('O1', 'code', 'WECHAT', 100, 'x', 'paid', 's', 'c', 1, 1);
      INSERT INTO order_events (out_trade_no, at, to_state, note) VALUES ('O1', 1, 'paid', '');
      INSERT INTO refunds (out_refund_no, out_trade_no, amount_fen, state, step, reason, created_at, updated_at) VALUES ('R1', 'O1', 50, 'success', 's', '', 1, 1);`)
    migrate(db)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.prepare(`SELECT out_trade_no, method, amount_fen FROM orders`).all()).toEqual([{ out_trade_no: 'O1', method: 'code', amount_fen: 100 }])
    expect(db.prepare(`SELECT count(*) n FROM order_events`).get()).toEqual({ n: 1 })
    expect(db.prepare(`SELECT out_refund_no FROM refunds`).all()).toEqual([{ out_refund_no: 'R1' }])
    db.prepare(`INSERT INTO orders (out_trade_no, method, amount_fen, body, state, step, cashier, created_at, updated_at) VALUES ('C1', 'cash', 200, 'x', 'paid', 's', 'c', 2, 2)`).run()
    expect(() => db.prepare(`INSERT INTO orders (out_trade_no, method, amount_fen, body, state, step, cashier, created_at, updated_at) VALUES ('B1', 'cheque', 1, 'x', 'paid', 's', 'c', 2, 2)`).run()).toThrow(/CHECK/)
    expect(() => db.prepare(`INSERT INTO order_events (out_trade_no, at, to_state, note) VALUES ('nope', 1, 'paid', '')`).run()).toThrow(/FOREIGN KEY/)
    const names = (db.prepare(`SELECT name FROM sqlite_schema WHERE tbl_name = 'orders'`).all() as { name: string }[]).map((r) => r.name)
    expect(names).toEqual(expect.arrayContaining(['orders_shift_state', 'orders_needs_attention', 'outbox_order_insert', 'outbox_order_update']))
    db.exec(`UPDATE replication_state SET enabled = 1`)
    db.prepare(`UPDATE orders SET state = 'paid' WHERE out_trade_no = 'C1'`).run()
    expect(db.prepare(`SELECT kind, key FROM outbox`).all()).toEqual([{ kind: 'order', key: 'C1' }])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
