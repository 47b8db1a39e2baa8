// The whole core: receipts that could not print (printer refused) when the core
// stops are printed after a restart on the same journal, against the virtual
// TCP printer; the sales were paid at once and are unchanged.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { parseEscPos } from '../../native-bridge/printer/testing/escpos-parser'
import { VirtualPrinter } from '../../native-bridge/printer/testing/virtual-printer'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'
import type { OrderView } from '../shared/contract'

let dir = ''
let core: TestCore | null = null
let vp: VirtualPrinter

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'counter-print-restart-'))
  vp = new VirtualPrinter()
})

afterEach(async () => {
  await core?.services.engine.idle()
  await core?.dispose()
  core = null
  await vp.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function until(check: () => boolean, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not reached: ${check.toString().slice(0, 160)}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
function value<T>(r: { ok: boolean; value?: unknown; error?: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error?.code}: ${r.error?.message}`)
  return r.value as T
}
const options = { printing: { slot: { statusEveryMs: 0, jobTimeoutMs: 500, statusTimeoutMs: 150 }, backoff: { firstMs: 50, maxMs: 150 } } }

it('a receipt pending when the core stops is printed after the restart; the sales stay paid', async () => {
  await vp.start()
  const port = vp.port
  await vp.stop() // refused from now on
  core = await startTestCore(options, dir)
  value(await core.dispatch('devices:configure', { printer: { connection: { kind: 'tcp', host: '127.0.0.1', port }, width: 58, drawerPulse: { m: 0, t1: 0x19, t2: 0xfa }, autoPrint: true } }))
  const t0 = Date.now()
  const { order: cash } = value<{ order: OrderView }>(await core.dispatch('cash:sale', { amountFen: 3750, givenFen: 5000 }))
  expect(Date.now() - t0).toBeLessThan(3_000) // not held behind the printer (its job timeout is 10 s); speed is in the bench
  const wallet = value<OrderView>(await core.dispatch('payment:payByCode', { amountFen: 1234, authCode: CODES.instant }))
  expect((await core.settle(wallet.outTradeNo)).state).toBe('paid')
  const c = core
  await until(() => c.services.printing.jobs().length === 3 && c.services.printing.jobs()[0]!.lastError === 'refused')
  expect(c.services.printing.jobs().map((j) => [j.kind, j.ref])).toEqual([
    ['drawer', cash.outTradeNo],
    ['sale', cash.outTradeNo],
    ['sale', wallet.outTradeNo],
  ])
  await core.services.engine.idle()
  await core.close() // the journal keeps the jobs; the folder stays
  core = null

  await vp.start(port)
  core = await startTestCore(options, dir)
  const d = core
  // Listed at once after the restart, before they print.
  expect(d.services.printing.jobs().filter((j) => j.state !== 'printed').map((j) => j.ref)).toEqual([cash.outTradeNo, cash.outTradeNo, wallet.outTradeNo])
  await until(() => d.services.printing.jobs().every((j) => j.state === 'printed'))
  const texts = () => vp.jobs.filter((j) => j.length > 0 && j[0] !== 0x10).map((j) => parseEscPos(j))
  await until(() => texts().filter((t) => t.cuts > 0).length >= 2)
  const got = texts()
  expect(got[0]!.drawerPulses).toEqual([{ m: 0, t1: 0x19, t2: 0xfa }])
  expect(got[1]!.lines.join('\n')).toContain(cash.outTradeNo)
  expect(got[1]!.lines.join('\n')).toMatch(/找零\s+￥12\.50/)
  expect(got[2]!.lines.join('\n')).toContain(wallet.outTradeNo)
  const again = value<{ order: OrderView }>(await d.dispatch('orders:get', { outTradeNo: wallet.outTradeNo }))
  expect(again.order).toMatchObject({ state: 'paid', amountFen: 1234 })
})

it('a journal that refuses print jobs: the cash sale is paid and answered all the same, its receipt prints from memory', async () => {
  await vp.start()
  core = await startTestCore(options, dir)
  const c = core
  value(await c.dispatch('devices:configure', { printer: { connection: { kind: 'tcp', host: '127.0.0.1', port: vp.port }, width: 58, drawerPulse: { m: 0, t1: 0x19, t2: 0xfa }, autoPrint: true } }))
  // Only print_jobs refuses (a TEMP trigger on this connection); the sale's own tables still write.
  c.services.journal.db.exec(`CREATE TEMP TRIGGER refuse_print_jobs BEFORE INSERT ON print_jobs BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;`)
  const { order } = value<{ order: OrderView }>(await c.dispatch('cash:sale', { amountFen: 500, givenFen: 1000 }))
  expect(order.state).toBe('paid')
  await until(() => c.services.printing.jobs().length === 2 && c.services.printing.jobs().every((j) => j.state === 'printed'))
  await until(() => vp.jobs.some((j) => parseEscPos(j).lines.join('\n').includes(order.outTradeNo)))
  expect(c.log.lines.some((e) => e.message.includes('print job not written to the journal'))).toBe(true)
  expect(c.services.journal.printJobs.open()).toEqual([])
  expect(c.services.journal.orders.get(order.outTradeNo)?.state).toBe('paid')
})
