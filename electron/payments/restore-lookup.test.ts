// After a restore from an older backup: orders made after the backup are found
// again from the numbers in the app's log (the gateway cannot list orders) and
// booked when the gateway has them paid. Real journal files, real sandbox.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_MERCHANT, demoSandboxOptions } from '../gateway/sandbox/demo'
import { startSandboxGateway, type SandboxGateway } from '../gateway/sandbox/server'
import type { OrderView } from '../shared/contract'
import { findOrdersTheJournalLacks, orderNumbersFromLog } from './restore-lookup'
import { CODES, startTestCore, TIME_SCALE, type TestCore } from './test-kit'

let core: TestCore | null = null
let sandbox: SandboxGateway | null = null
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.close()
  await sandbox?.close()
  core = null
  sandbox = null
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

  it('a paid sale made after the backup is booked again (flagged); a failed one and a known one are left alone', async () => {
    sandbox = await startSandboxGateway(demoSandboxOptions({ timeScale: TIME_SCALE }))
    const gateway = { mode: 'demo' as const, baseUrl: sandbox.url, agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: { ...DEMO_MERCHANT.keys } }
    const dir = mkdtempSync(join(tmpdir(), 'counter-restore-'))
    const backup = join(mkdtempSync(join(tmpdir(), 'counter-backup-')), 'journal.sqlite3')
    try {
      core = await startTestCore({ gateway }, dir)
      const before = await sale(core, 1500, CODES.instant)
      await core.services.journal.db.backup(backup)
      const lost = await sale(core, 1600, CODES.password)
      const failed = await sale(core, 1700, CODES.insufficient)
      expect(lost.state).toBe('paid')
      const log = core.log.text()
      await core.close()

      // The restore: the old copy replaces the journal.
      for (const f of ['journal.sqlite3-wal', 'journal.sqlite3-shm']) rmSync(join(dir, f), { force: true })
      copyFileSync(backup, join(dir, 'journal.sqlite3'))
      core = await startTestCore({ gateway }, dir)
      expect(core.services.journal.orders.get(lost.outTradeNo)).toBeUndefined()

      const found = await findOrdersTheJournalLacks(core.services.engine.ctx, orderNumbersFromLog(log), 1000)
      expect(found).toEqual(
        expect.arrayContaining([
          { outTradeNo: lost.outTradeNo, gateway: 'paid', booked: true },
          { outTradeNo: failed.outTradeNo, gateway: 'failed', booked: false },
        ]),
      )
      expect(found.map((f) => f.outTradeNo)).not.toContain(before.outTradeNo)
      expect(core.services.journal.orders.get(lost.outTradeNo)).toMatchObject({ state: 'paid', amount_fen: 1600, transaction_id: lost.transactionId, attention: expect.stringContaining('备份恢复') })
      expect(core.services.journal.orders.get(failed.outTradeNo)).toBeUndefined()
    } finally {
      await core?.close()
      core = null
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
