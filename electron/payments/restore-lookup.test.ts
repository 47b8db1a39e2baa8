// Orders the journal lacks (made after the backup it was restored from) are
// found again from the numbers in the app's log (the gateway cannot list
// orders) and booked when the gateway has them paid. Real journal, real sandbox.
import { inspect } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import type { OrderView } from '../shared/contract'
import { findOrdersTheJournalLacks, orderNumbersFromLog } from './restore-lookup'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'

let core: TestCore | null = null
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.dispose()
  core = null
})

async function sale(c: TestCore, amountFen: number, authCode: string): Promise<OrderView> {
  const r = await c.dispatch('payment:payByCode', { amountFen, authCode })
  if (!r.ok) throw new Error(r.error.message)
  return c.settle((r.value as OrderView).outTradeNo)
}

describe('finding orders the restored journal does not know', () => {
  it('reads numbers from log text (electron-log inspect and JSON forms)', () => {
    const a = inspect({ call: 'pay', outTradeNo: 'DEV1_2612021000000001AB', outcome: 'paid' })
    const b = JSON.stringify({ call: 'orderquery', outTradeNo: 'DEV1_2612021000000002CD' })
    expect(orderNumbersFromLog(`[info] gateway call ${a}\n[info] gateway call ${b}\n${a}`)).toEqual(['DEV1_2612021000000001AB', 'DEV1_2612021000000002CD'])
  })

  it('a paid sale the journal lacks (as after a restore without its recent-orders file) is booked again, flagged; a failed one and a known one are left alone', async () => {
    core = await startTestCore()
    const c = core
    const known = await sale(c, 1500, CODES.instant)
    const lost = await sale(c, 1600, CODES.password)
    const failed = await sale(c, 1700, CODES.insufficient)
    expect(lost.state).toBe('paid')
    // The journal loses the two later orders (a restore from an older copy); the app's log still names them.
    const log = c.log.text()
    const db = c.services.journal.db
    for (const no of [lost.outTradeNo, failed.outTradeNo]) {
      db.prepare(`DELETE FROM order_events WHERE out_trade_no = ?`).run(no)
      db.prepare(`DELETE FROM orders WHERE out_trade_no = ?`).run(no)
    }
    expect(c.services.journal.orders.get(lost.outTradeNo)).toBeUndefined()

    const found = await findOrdersTheJournalLacks(c.services.engine.ctx, orderNumbersFromLog(log), 1000)
    expect(found).toEqual(
      expect.arrayContaining([
        { outTradeNo: lost.outTradeNo, gateway: 'paid', booked: true },
        { outTradeNo: failed.outTradeNo, gateway: 'failed', booked: false },
      ]),
    )
    expect(found.map((f) => f.outTradeNo)).not.toContain(known.outTradeNo)
    expect(c.services.journal.orders.get(lost.outTradeNo)).toMatchObject({ state: 'paid', amount_fen: 1600, transaction_id: lost.transactionId, attention: { code: 'ATTENTION_RESTORED_PAID' } })
    expect(c.services.journal.orders.get(failed.outTradeNo)).toBeUndefined()
    // Asked once more finds nothing new: the paid one is in the journal now.
    expect((await findOrdersTheJournalLacks(c.services.engine.ctx, orderNumbersFromLog(log), 1000)).filter((f) => f.booked)).toEqual([])
  })
})
