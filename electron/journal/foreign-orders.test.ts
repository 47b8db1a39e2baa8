// Another counter's order recorded here for a refund (orders.insertForeign,
// issue 16): it keeps that counter's device id, so it is not this counter's to
// recover, sweep, count in a shift, reconcile, log for a restore or ship to the
// store — while the refund of it is this counter's own and ships as usual.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { msg } from '../shared/contract'
import { Journal } from './index'
import { ordersAfter } from './recent-orders'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function journal(): Journal {
  const dir = mkdtempSync(join(tmpdir(), 'counter-foreign-'))
  dirs.push(dir)
  return Journal.inFolder(dir)
}

const foreign = { out_trade_no: 'POSA_2612030001AB', method: 'code' as const, paytype: 'WECHAT' as const, amount_fen: 1_000, step: msg('PAID'), transaction_id: 'T1', cashier: 'A', device_id: 'POSA', created_at: 10, paid_at: 11 }

describe('foreign orders in the journal', () => {
  it('are not this counter\'s rows: not open, not in a shift, not logged for a restore, not shipped; their refunds are', () => {
    const j = journal()
    try {
      j.outbox.enable()
      j.shifts.insert('S1', 'B', 0, 1)
      j.orders.insert({ out_trade_no: 'POSB_OWN', method: 'code', paytype: 'WECHAT', amount_fen: 500, body: '', step: msg('ORDER_CREATING'), auth_code_masked: null, cashier: 'B', shift_id: 'S1', created_at: 5 })
      j.orders.transition('POSB_OWN', 'paid', { paid_at: 6 }, null, 6)
      const row = j.orders.insertForeign(foreign, msg('FOREIGN_ORDER_RECORDED', { counterId: 'POSA' }), 20)
      expect(row).toMatchObject({ state: 'paid', device_id: 'POSA', shift_id: null, refunded_fen: 0 })
      expect(j.orders.isForeign(foreign.out_trade_no)).toBe(true)
      expect(j.orders.isForeign('POSB_OWN')).toBe(false)
      expect(() => j.orders.insertForeign({ ...foreign, out_trade_no: 'X2', device_id: j.db.prepare(`SELECT id FROM own_device_ids LIMIT 1`).pluck().get() as string }, msg('PAID'), 1)).toThrow(/own/)

      j.refunds.insert({ out_refund_no: 'R000001POSB_0001AB', out_trade_no: foreign.out_trade_no, amount_fen: 300, step: msg('REFUND_SUBMITTING'), reason: '', shift_id: 'S1', created_at: 21 })
      j.refunds.update('R000001POSB_0001AB', 'success', {}, 22)
      j.orders.transition(foreign.out_trade_no, 'paid', { refunded_fen: 300 }, null, 22)

      // The outbox: the foreign order's changes are queued by the triggers but read as nothing.
      const batch = j.outbox.next(1_000)!
      const shipped = batch.entries.map((e) => `${e.kind}:${'out_refund_no' in e.row ? e.row.out_refund_no : 'out_trade_no' in e.row ? e.row.out_trade_no : ''}`)
      expect(shipped).toContain('order:POSB_OWN')
      expect(shipped).toContain('refund:R000001POSB_0001AB')
      expect(shipped).not.toContain(`order:${foreign.out_trade_no}`)
      // A re-enable (backfill) queues own orders only.
      j.outbox.disable()
      j.outbox.enable()
      expect(j.outbox.next(1_000)!.entries.filter((e) => e.kind === 'order').map((e) => (e.row as { out_trade_no: string }).out_trade_no)).toEqual(['POSB_OWN'])

      expect(j.orders.open()).toEqual([])
      expect(ordersAfter(j.db, 0).map((o) => o.no)).toEqual(['POSB_OWN'])
      // The shift: B's sale, and B's refund of the foreign order (by its paytype).
      const agg = j.shifts.aggregates('S1')
      expect(agg.paidByPaytype).toEqual([{ k: 'WECHAT', n: 1, s: 500 }])
      expect(agg.refundsByPaytype).toEqual([{ k: 'WECHAT', n: 1, s: 300 }])
    } finally {
      j.close()
    }
  })
})
