// Migration v5 on a journal written by v4: the sentences it stored come back as
// message codes with their params; what nobody knows stays readable as LEGACY_TEXT.
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { msg } from '../shared/contract'
import { ShiftService } from '../shifts/service'
import { Journal } from './index'
import { legacyMessage } from './legacy-messages'
import { MIGRATIONS } from './migrations'

let dir: string | null = null
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = null
})

/** A journal exactly as the app before v5 left it: schema v4, sentences in the cells. */
function v4Journal(): string {
  dir = mkdtempSync(join(tmpdir(), 'counter-v5-'))
  const path = join(dir, 'journal.sqlite3')
  const db = new Database(path)
  for (const sql of MIGRATIONS.slice(0, 4)) db.exec(sql)
  db.pragma('user_version = 4')
  const order = db.prepare(
    `INSERT INTO orders (out_trade_no, method, paytype, amount_fen, body, state, step, failure_code, failure_message, attention, cashier, shift_id, created_at, updated_at)
     VALUES (?, 'code', 'WECHAT', ?, '店内消费', ?, ?, ?, ?, ?, '王芳', 'S1', 1, 2)`,
  )
  order.run('V4PAYING0001', 100, 'paying', '顾客正在输入密码 / 确认支付，请稍候', null, null, null)
  order.run('V4FAILED0001', 200, 'failed', '支付失败：余额不足', '10006', '余额不足', null)
  order.run('V4QUERYFAIL1', 250, 'failed', '付款码已过期', 'AUTHCODEEXPIRE', '付款码已过期', null)
  order.run('V4REVIEW0001', 300, 'review', '无法撤销，请人工核对', null, null, '已超过 5 分钟撤销期限；网关订单状态：结果未知。请核对顾客手机上的付款记录，不要重复收款')
  order.run('V4AMOUNT0001', 1250, 'review', '金额不符，请人工核对', null, null, '网关金额 100 分与订单金额 1250 分不符')
  order.run('V4ODDONE0001', 400, 'paid', '某个没人认识的说法', null, null, '对账：网关交易号与账本不符，请核对')
  const event = db.prepare(`INSERT INTO order_events (out_trade_no, at, from_state, to_state, note) VALUES ('V4FAILED0001', ?, ?, ?, ?)`)
  event.run(1, null, 'created', '正在创建订单')
  event.run(2, 'created', 'submitted', 'submitting to the gateway')
  event.run(3, 'submitted', 'failed', 'pay: failed 10006')
  event.run(4, 'failed', 'failed', 'orderquery: paid')
  event.run(5, 'failed', 'failed', '主管已核对：商户后台已核对')
  event.run(6, 'failed', 'failed', 'cancel refused: 20011 交易撤销错误; retry #2')
  event.run(7, 'failed', 'failed', 'a note from some other build')
  event.run(8, 'failed', 'failed', '')
  const refund = db.prepare(
    `INSERT INTO refunds (out_refund_no, out_trade_no, amount_fen, state, step, failure_code, failure_message, reason, shift_id, created_at, updated_at)
     VALUES (?, 'V4ODDONE0001', ?, ?, ?, ?, ?, '顾客退货', 'S1', 1, 2)`,
  )
  refund.run('R_V4ODDONE0001_1', 150, 'success', '退款成功', null, null)
  refund.run('R_V4ODDONE0001_2', 50, 'failed', '退款失败：退款金额超过可退金额', '20008', '退款金额超过可退金额')
  refund.run('R_V4ODDONE0001_3', 60, 'processing', '退款处理中，正在确认结果…', null, null)
  const zReport = {
    kind: 'Z', shift: { id: 'S1', cashier: '王芳', floatFen: 0, openedAt: 1, closedAt: 5 }, generatedAt: 5,
    paid: { count: 1, amountFen: 400 }, byPaytype: [], byMethod: [], refunded: { count: 1, amountFen: 150 }, netFen: 250, cancelled: 0, failed: 2,
    attention: [
      { outTradeNo: 'V4REVIEW0001', reason: '已超过 5 分钟撤销期限；网关订单状态：结果未知。请核对顾客手机上的付款记录，不要重复收款' },
      { outTradeNo: 'V4ODDONE0001', reason: '退款：退款处理中，正在确认结果…' },
    ],
    expectedFen: 250,
  }
  db.prepare(`INSERT INTO shifts (id, cashier, float_fen, opened_at, closed_at, z_report) VALUES ('S1', '王芳', 0, 1, 5, ?)`).run(JSON.stringify(zReport))
  db.close()
  return path
}

describe('journal migration v5: sentences → message codes', () => {
  it('converts the steps, failures, flags, notes, refunds and Z reports a v4 journal holds', () => {
    const journal = Journal.open(v4Journal())
    expect(journal.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    const order = (no: string) => journal.orders.get(no)!

    expect(order('V4PAYING0001').step).toEqual(msg('WAITING_PASSWORD'))
    expect(order('V4FAILED0001')).toMatchObject({
      step: msg('PAY_FAILED', { code: '10006', text: '余额不足' }),
      failure_code: '10006',
      failure_message: msg('GATEWAY_REFUSED', { code: '10006', text: '余额不足' }),
      attention: null,
    })
    // A failed orderquery stored the gateway's words as the step itself.
    expect(order('V4QUERYFAIL1').step).toEqual(msg('PAY_FAILED', { code: 'AUTHCODEEXPIRE', text: '付款码已过期' }))
    expect(order('V4REVIEW0001')).toMatchObject({ step: msg('CANNOT_CANCEL'), attention: msg('ATTENTION_CANCEL_WINDOW_PASSED', { minutes: 5, outcome: 'unknown' }) })
    expect(order('V4AMOUNT0001').attention).toEqual(msg('ATTENTION_AMOUNT_MISMATCH', { gatewayFen: 100, orderFen: 1250 }))
    expect(order('V4ODDONE0001')).toMatchObject({ step: msg('LEGACY_TEXT', { text: '某个没人认识的说法' }), attention: msg('RECONCILE_TRANSACTION_ID') })

    expect(journal.orders.events('V4FAILED0001').map((e) => e.note)).toEqual([
      msg('ORDER_CREATING'),
      msg('PAYMENT_SUBMITTING'),
      msg('GATEWAY_ANSWER', { call: 'pay', state: 'failed', code: '10006' }),
      msg('GATEWAY_ANSWER', { call: 'orderquery', state: 'paid' }),
      msg('ACKNOWLEDGED', { note: '商户后台已核对' }),
      msg('CANCEL_RETRY', { state: 'failed', attempt: 2, text: '20011 交易撤销错误' }),
      msg('LEGACY_TEXT', { text: 'a note from some other build' }),
      null,
    ])

    const refunds = journal.refunds.forOrder('V4ODDONE0001')
    expect(refunds.map((r) => [r.step, r.failure_message, r.reason])).toEqual([
      [msg('REFUND_SUCCEEDED', { amountFen: 150 }), null, '顾客退货'],
      [msg('REFUND_FAILED', { code: '20008', text: '退款金额超过可退金额' }), msg('GATEWAY_REFUSED', { code: '20008', text: '退款金额超过可退金额' }), '顾客退货'],
      [msg('REFUND_PROCESSING'), null, '顾客退货'],
    ])

    const z = new ShiftService(journal, () => 10).stored('S1')
    expect(z.attention).toEqual([
      { outTradeNo: 'V4REVIEW0001', refund: false, reason: msg('ATTENTION_CANCEL_WINDOW_PASSED', { minutes: 5, outcome: 'unknown' }) },
      { outTradeNo: 'V4ODDONE0001', refund: true, reason: msg('REFUND_PROCESSING') },
    ])
    journal.close()
  })

  it('a cell that is no message (damaged, or hand-edited) reads as LEGACY_TEXT, and a bad Z report is worked out again', () => {
    const journal = Journal.open(v4Journal())
    journal.db.prepare(`UPDATE orders SET step = ?, attention = ? WHERE out_trade_no = 'V4PAYING0001'`).run('{"code":"NO_SUCH_CODE"}', '{not json')
    expect(journal.orders.get('V4PAYING0001')).toMatchObject({
      step: msg('LEGACY_TEXT', { text: '{"code":"NO_SUCH_CODE"}' }),
      attention: msg('LEGACY_TEXT', { text: '{not json' }),
    })
    journal.db.prepare(`UPDATE shifts SET z_report = '{"kind":"Z"}' WHERE id = 'S1'`).run()
    const z = new ShiftService(journal, () => 10).stored('S1')
    expect(z).toMatchObject({ kind: 'Z', shift: { id: 'S1', closedAt: 5 } })
    expect(z.attention.every((a) => typeof a.reason.code === 'string')).toBe(true)
    journal.close()
  })

  it('running over its own output changes nothing', () => {
    for (const m of [msg('PAID'), msg('LEGACY_TEXT', { text: '旧' }), msg('REFUND_SUCCEEDED', { amountFen: 1 })]) {
      expect(legacyMessage('step', JSON.stringify(m), null, 5)).toEqual(m)
    }
  })
})
