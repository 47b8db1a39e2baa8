// End-of-day reconciliation against the real sandbox over loopback and a real
// journal: differences found and flagged, a paid order the journal had voided
// corrected, the rate bound kept, a run interrupted by a shutdown resumed.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_MERCHANT, demoSandboxOptions } from '../gateway/sandbox/demo'
import { startSandboxGateway, type SandboxGateway } from '../gateway/sandbox/server'
import { msg, type OrderView, type ReconcileRun, type ShiftReport } from '../shared/contract'
import { CODES, startTestCore, TIME_SCALE, type TestCore } from '../test-support/payments-kit'

let core: TestCore | null = null
let sandbox: SandboxGateway | null = null
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.dispose()
  await sandbox?.close()
  core = null
  sandbox = null
})

async function sale(c: TestCore, amountFen: number, authCode: string): Promise<OrderView> {
  const r = await c.dispatch('payment:payByCode', { amountFen, authCode })
  if (!r.ok) throw new Error(r.error.message)
  return c.settle((r.value as OrderView).outTradeNo)
}

/** An order the journal decided locally (voided as never sent) — which the gateway in fact has, paid. */
async function locallyVoidedButPaid(c: TestCore, outTradeNo: string, amountFen: number) {
  const paid = await c.services.gateway().pay({ outTradeNo, totalFee: amountFen, body: 't', authCode: CODES.instant })
  c.services.journal.orders.insert({ out_trade_no: outTradeNo, method: 'code', paytype: 'WECHAT', amount_fen: amountFen, body: 't', step: msg('ORDER_CREATING'), auth_code_masked: null, cashier: 'c', shift_id: c.services.shifts.currentId(), created_at: Date.now() })
  c.services.journal.orders.transition(outTradeNo, 'failed', { failure_code: 'NOT_SUBMITTED' }, msg('TECHNICAL', { text: 'local void (test)' }), Date.now())
  return paid
}

describe('end-of-day reconciliation (对账)', () => {
  it('at Z close: every order checked, local decisions re-queried, differences listed and flagged, the Z report says so', async () => {
    core = await startTestCore({ reconcileRatePerSec: 1000 })
    const c = core
    c.services.settings.setPin('808182')
    await c.dispatch('shifts:open', { cashier: '王五', floatFen: 0 })
    await sale(c, 1000, CODES.instant)
    await sale(c, 1100, CODES.password)
    await sale(c, 1200, CODES.insufficient)
    const voided = await locallyVoidedButPaid(c, 'T2VOIDEDPAID000000001', 1300)
    // The journal says paid, the gateway never heard of it.
    const ghost = 'T2GHOSTPAID0000000002'
    c.services.journal.orders.insert({ out_trade_no: ghost, method: 'code', paytype: 'WECHAT', amount_fen: 1400, body: 't', step: msg('ORDER_CREATING'), auth_code_masked: null, cashier: 'c', shift_id: c.services.shifts.currentId(), created_at: Date.now() })
    c.services.journal.orders.transition(ghost, 'paid', { transaction_id: '4200000000000000000001' }, msg('TECHNICAL', { text: 'test' }), Date.now())

    const z = (await c.dispatch('shifts:close', { pin: '808182' })) as { ok: true; value: ShiftReport }
    expect(z.ok).toBe(true)
    await c.services.reconciler.idle()
    const report = (await c.dispatch('shifts:report', { shiftId: z.value.shift.id })) as { ok: true; value: ShiftReport }
    expect(report.value.reconciliation).toMatchObject({ orders: 5, differences: 2 })

    const latest = (await c.dispatch('reconcile:latest', { shiftId: z.value.shift.id })) as { ok: true; value: ReconcileRun }
    const byNo = new Map(latest.value.items.map((i) => [i.outTradeNo, i]))
    expect(byNo.get('T2VOIDEDPAID000000001')).toMatchObject({ difference: 'paid-not-recorded', gateway: 'paid', source: 'query' })
    expect(byNo.get(ghost)).toMatchObject({ difference: 'recorded-not-paid', gateway: 'notFound', source: 'query' })
    // The paid order the journal had voided is now paid in the books (and flagged for a person).
    expect(c.services.journal.orders.get('T2VOIDEDPAID000000001')).toMatchObject({
      state: 'paid',
      transaction_id: voided.kind === 'paid' ? voided.transactionId : '',
      attention: { code: 'RECONCILE_PAID_NOT_RECORDED' },
    })
    expect(c.services.journal.orders.get(ghost)?.attention).toEqual({ code: 'RECONCILE_RECORDED_NOT_PAID' })
    // Orders whose state came from a verified final answer were not asked again.
    const queried = c.services.journal.audit.all().filter((a) => a.call === 'orderquery').map((a) => a.ref)
    expect(queried.filter((r) => r === 'T2VOIDEDPAID000000001')).toHaveLength(1)
    expect(queried.filter((r) => r === ghost)).toHaveLength(1)
  })

  it('keeps to the rate bound (queries at least 1/rate apart)', async () => {
    core = await startTestCore({ reconcileRatePerSec: 20 })
    const c = core
    for (let i = 0; i < 6; i++) await locallyVoidedButPaid(c, `T3RATE${i}00000000000000`.slice(0, 20), 500 + i)
    const before = c.services.journal.audit.all().length
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const run = (await c.dispatch('reconcile:run', { day })) as { ok: true; value: ReconcileRun }
    expect(run.value).toMatchObject({ orders: 6, checked: 6, differences: 6 })
    const at = c.services.journal.db.prepare(`SELECT at FROM audit WHERE call = 'orderquery' ORDER BY id`).all().slice(-6) as { at: number }[]
    expect(c.services.journal.audit.all().length - before).toBe(6)
    for (let i = 1; i < at.length; i++) expect((at[i] as { at: number }).at - (at[i - 1] as { at: number }).at).toBeGreaterThanOrEqual(45)
  })

  it('a run interrupted by a shutdown resumes on the next start, asking only about the orders not yet checked', async () => {
    sandbox = await startSandboxGateway(demoSandboxOptions({ timeScale: TIME_SCALE }))
    const gateway = { mode: 'demo' as const, baseUrl: sandbox.url, agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: { ...DEMO_MERCHANT.keys } }
    const dir = mkdtempSync(join(tmpdir(), 'counter-reconcile-'))
    try {
      core = await startTestCore({ gateway, reconcileRatePerSec: 4 }, dir)
      const c = core
      for (let i = 0; i < 4; i++) await locallyVoidedButPaid(c, `T4RESUME${i}000000000000`.slice(0, 20), 700 + i)
      const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
      void c.dispatch('reconcile:run', { day })
      // Shut down after the first answer (the next is 250 ms away).
      const checked = () => (c.services.journal.db.prepare(`SELECT count(*) n FROM reconcile_items WHERE checked_at IS NOT NULL`).get() as { n: number }).n
      const until = Date.now() + 5_000
      while (checked() < 1) {
        if (Date.now() > until) throw new Error('no progress')
        await new Promise((r) => setTimeout(r, 5))
      }
      await c.close()
      core = null

      core = await startTestCore({ gateway, reconcileRatePerSec: 1000 }, dir)
      await core.services.reconciler.idle()
      const run = core.services.reconciler.latest(beijing(day))
      expect(run).toMatchObject({ orders: 4, checked: 4, differences: 4 })
      expect(run?.finishedAt).not.toBeNull()
      const queries = core.services.journal.audit.all().filter((a) => a.call === 'orderquery')
      expect(queries.length).toBe(4) // some before the shutdown, the rest after: none asked twice
      expect(new Set(queries.map((q) => q.ref)).size).toBe(4)
      await core.close()
      core = null
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

function beijing(day: string) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const fromAt = Date.UTC(y, m - 1, d) - 8 * 3600_000
  return { fromAt, toAt: fromAt + 24 * 3600_000 }
}
