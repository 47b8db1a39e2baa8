// Receipts from the running core to a virtual ESC/POS printer (loopback TCP and
// a socat pty pair), and printer faults during sales and at shift close: the
// money is never held up or changed, failed jobs are kept and retried.
import { createReadStream, type ReadStream } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SocatPair } from '../../native-bridge/scanners/socat-pair'
import { parseEscPos } from '../../native-bridge/printer/testing/escpos-parser'
import { VirtualPrinter } from '../../native-bridge/printer/testing/virtual-printer'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'
import type { DeviceStatus, OrderView, PrinterConfig, PrintJobView, ShiftReport } from '../shared/contract'

const PIN = '808182'
let core: TestCore
let vp: VirtualPrinter

async function until(check: () => boolean, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not reached: ${check.toString().slice(0, 160)}; jobs ${JSON.stringify(jobs().map((j) => [j.kind, j.state, j.lastError]))}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
function value<T>(r: { ok: boolean; value?: unknown; error?: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error?.code}: ${r.error?.message}`)
  return r.value as T
}
const printed = () => vp.jobs.filter((j) => j.length > 0 && j[0] !== 0x10)
const printer = (connection: PrinterConfig['connection'], over: Partial<PrinterConfig> = {}): PrinterConfig => ({ connection, width: 58, drawer: { kind: 'printer' }, drawerPulse: { m: 0, t1: 0x19, t2: 0xfa }, autoPrint: true, ...over })
const jobs = () => core.services.printing.jobs()

beforeEach(async () => {
  vp = new VirtualPrinter()
  await vp.start()
  core = await startTestCore({ printing: { slot: { statusEveryMs: 0, jobTimeoutMs: 500, statusTimeoutMs: 150 }, backoff: { firstMs: 50, maxMs: 150 } } })
  core.services.settings.setPin(PIN)
})
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.dispose()
  await vp.stop()
})

describe('receipts at the printer', () => {
  it('auto-print: a cash sale kicks the drawer then prints a Chinese receipt (GB18030, Chinese mode, ￥, cut, DEMO, barcode); 80 mm fits 48 columns', async () => {
    value(await core.dispatch('devices:configure', { printer: printer({ kind: 'tcp', host: '127.0.0.1', port: vp.port }) }))
    const { order } = value<{ order: OrderView }>(await core.dispatch('cash:sale', { amountFen: 3750, givenFen: 5000 }))
    await until(() => printed().length >= 2 && parseEscPos(printed()[1]!).cuts > 0)
    expect(parseEscPos(printed()[0]!).drawerPulses).toEqual([{ m: 0, t1: 0x19, t2: 0xfa }])
    const receipt = parseEscPos(printed()[1]!)
    const text = receipt.lines.join('\n')
    expect(receipt.chineseModeSwitches).toBeGreaterThan(0)
    expect(receipt.cuts).toBeGreaterThan(0)
    expect(receipt.barcodes).toHaveLength(1)
    for (const want of ['销售小票', 'DEMO', order.outTradeNo, '现金']) expect(text).toContain(want)
    expect(text).toMatch(/实收现金\s+￥50\.00/)
    expect(text).toMatch(/找零\s+￥12\.50/)
    expect(text).not.toContain('¥')
    for (const line of receipt.lines) expect([...line].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)).toBeLessThanOrEqual(32)

    value(await core.dispatch('devices:configure', { printer: printer({ kind: 'tcp', host: '127.0.0.1', port: vp.port }, { width: 80 }) }))
    const wallet = value<OrderView>(await core.dispatch('payment:payByCode', { amountFen: 1234, authCode: CODES.instant }))
    const paid = await core.settle(wallet.outTradeNo)
    await until(() => printed().some((j) => parseEscPos(j).lines.join('\n').includes(paid.outTradeNo)))
    const w = parseEscPos(printed().at(-1)!)
    expect(w.lines.join('\n')).toContain(paid.transactionId!)
    expect(w.lines.join('\n')).toContain(paid.authCodeMasked!)
    expect(w.lines.join('\n')).toContain('微信支付 付款码')
    expect(w.drawerPulses).toEqual([]) // a wallet sale does not open the drawer
    expect(Math.max(...w.lines.map((l) => [...l].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)))).toBeGreaterThan(32)
    // "print last" reprints it, marked as a reprint
    const again = value<PrintJobView>(await core.dispatch('printing:printLast', {}))
    expect(again).toMatchObject({ kind: 'sale', ref: paid.outTradeNo })
    await until(() => printed().some((j) => parseEscPos(j).lines.some((l) => l.includes('重印'))))
    const preview = value<{ svg: string; width: number }>(await core.dispatch('printing:preview', { target: { kind: 'sale', outTradeNo: order.outTradeNo }, width: 58 }))
    expect(preview.svg.startsWith('<svg')).toBe(true)
  })

  it('over a serial port (socat pty pair): drawer pulse and receipt byte for byte', async () => {
    const pair = new SocatPair()
    await pair.start()
    const received: Buffer[] = []
    const reader: ReadStream = createReadStream(pair.a)
    reader.on('data', (c) => received.push(c as Buffer))
    reader.on('error', () => {})
    try {
      value(await core.dispatch('devices:configure', { printer: printer({ kind: 'serial', path: pair.b, baudRate: 115200 }) }))
      value(await core.dispatch('cash:sale', { amountFen: 880, givenFen: 1000 }))
      await until(() => parseEscPos(new Uint8Array(Buffer.concat(received))).cuts >= 1 && jobs().every((j) => j.state === 'printed'))
      // The status checks (DLE EOT) go out on the same port; a pty does not answer them ("unknown").
      const job = parseEscPos(new Uint8Array(Buffer.concat(received)))
      expect(job.drawerPulses).toEqual([{ m: 0, t1: 0x19, t2: 0xfa }])
      expect(job.lines.join('\n')).toMatch(/找零\s+￥1\.20/)
    } finally {
      reader.destroy()
      await pair.stop()
    }
  })
})

describe('printer faults never touch the money', () => {
  it('refused during sales and at close: sales paid at once, reports unchanged, jobs kept and retried until the printer is back', async () => {
    const statuses: DeviceStatus[] = []
    core.bus.on('devices:status', (s) => statuses.push(s))
    value(await core.dispatch('devices:configure', { printer: printer({ kind: 'tcp', host: '127.0.0.1', port: vp.port }) }))
    const port = vp.port
    await vp.stop()
    value(await core.dispatch('shifts:open', { cashier: '王五', floatFen: 1000 }))
    const t0 = Date.now()
    const cash = value<{ order: OrderView }>(await core.dispatch('cash:sale', { amountFen: 500, givenFen: 1000 }))
    expect(Date.now() - t0).toBeLessThan(3_000) // not held behind the printer (its job timeout is 10 s); speed is in the bench
    expect(cash.order.state).toBe('paid')
    const wallet = value<OrderView>(await core.dispatch('payment:payByCode', { amountFen: 700, authCode: CODES.instant }))
    expect((await core.settle(wallet.outTradeNo)).state).toBe('paid')
    // The first job retries and holds the ones behind it (receipts stay in order); none is lost.
    await until(() => jobs().length >= 3 && jobs()[0]!.state === 'retrying' && jobs()[0]!.lastError === 'refused' && jobs().every((j) => j.state !== 'printed'))
    await until(() => statuses.some((s) => s.device === 'printer' && s.state === 'disconnected' && s.detail.params?.['printerStatus'] === 'refused'))
    value(await core.dispatch('printing:print', { target: { kind: 'report' } }))
    const z = value<ShiftReport>(await core.dispatch('shifts:close', { pin: PIN, count: { pieces: { '1000': 1, '500': 1 } } }))
    expect(z.paid).toEqual({ count: 2, amountFen: 1200 })
    expect(z.cash?.count).toMatchObject({ countedFen: 1500, overShortFen: 0 })
    value(await core.dispatch('printing:print', { target: { kind: 'report', shiftId: z.shift.id } }))

    vp = new VirtualPrinter()
    await vp.start(port)
    value(await core.dispatch('printing:retry', {}))
    await until(() => jobs().every((j) => j.state === 'printed'))
    const texts = () => printed().map((j) => parseEscPos(j).lines.join('\n'))
    await until(() => texts().some((t) => t.includes('班中报表 (X)')) && texts().some((t) => /交班报表 \(Z\)/.test(t) && /长短款\s+￥0\.00/.test(t)))
    await until(() => statuses.at(-1)?.detail.params?.['printerStatus'] === 'ok')
  })

  it('a printer that hangs, one that closes the connection at once, one out of paper: sales paid at once, jobs retried, status says why', async () => {
    vp.fault = 'stall'
    value(await core.dispatch('devices:configure', { printer: printer({ kind: 'tcp', host: '127.0.0.1', port: vp.port }) }))
    const t0 = Date.now()
    value(await core.dispatch('cash:sale', { amountFen: 100, givenFen: 100 }))
    expect(Date.now() - t0).toBeLessThan(3_000) // not held behind the printer (its job timeout is 10 s); speed is in the bench
    // A receipt fits the socket buffers, so a printer that stops reading still "takes" it (as a
    // real one does); its silence to DLE EOT is reported as unknown, never as broken. A job too
    // big for the buffers times out and is retried: print-queue.test.ts.
    await until(() => jobs().length === 2 && jobs().every((j) => j.state === 'printed'))
    expect(await core.services.devices.printerRole.checkStatus()).toBe('unknown')
    expect(core.services.devices.status().find((s) => s.device === 'printer')).toMatchObject({ state: 'connected', detail: { code: 'PRINTER_STATUS', params: { printerStatus: 'unknown' } } })

    // Closes mid-job: a printer that resets the connection once bytes arrive. A long job (larger than
    // loopback's socket buffers, so the reset reaches the sender) fails and is retried; the sale
    // behind it is paid at once and its receipt waits its turn.
    const dropper = new VirtualPrinter()
    dropper.fault = 'drop-mid-job'
    await dropper.start()
    try {
      value(await core.dispatch('devices:configure', { printer: printer({ kind: 'tcp', host: '127.0.0.1', port: dropper.port }) }))
      core.services.printing.queue.enqueue('report', 'LONG', new Uint8Array(32 * 1024 * 1024).fill(0x41))
      const t1 = Date.now()
      value(await core.dispatch('cash:sale', { amountFen: 200, givenFen: 500 }))
      expect(Date.now() - t1).toBeLessThan(3_000) // not held behind the printer (its job timeout is 10 s)
      await until(() => jobs().some((j) => j.ref === 'LONG' && j.state === 'retrying' && j.attempts >= 2 && (j.lastError === 'closed' || j.lastError === 'io')))
      expect(jobs().filter((j) => j.state !== 'printed').map((j) => j.kind)).toEqual(['report', 'drawer', 'sale'])
      expect(value<boolean>(await core.dispatch('printing:dismiss', { id: jobs().find((j) => j.ref === 'LONG')!.id }))).toBe(true)
    } finally {
      await dropper.stop()
    }

    const paperOut = new VirtualPrinter()
    paperOut.fault = 'paper-out'
    await paperOut.start()
    try {
      const statuses: DeviceStatus[] = []
      core.bus.on('devices:status', (s) => statuses.push(s))
      value(await core.dispatch('devices:configure', { printer: printer({ kind: 'tcp', host: '127.0.0.1', port: paperOut.port }) }))
      await until(() => statuses.some((s) => s.device === 'printer' && s.state === 'failed' && s.detail.params?.['printerStatus'] === 'paper-out'))
      paperOut.fault = 'none'
      await core.services.devices.printerRole.checkStatus()
      // Status back to ok: the waiting jobs go at once, in order.
      await until(() => jobs().every((j) => j.state === 'printed' || j.state === 'dismissed'))
      // "printed" means the bytes left for the printer; wait until the printer has read them all.
      const got = () => paperOut.jobs.filter((j) => j.length > 0 && j[0] !== 0x10).map((j) => parseEscPos(j))
      await until(() => got().length >= 2 && got()[1]!.cuts > 0)
      expect(got().map((j) => (j.drawerPulses.length > 0 ? 'drawer' : 'sale'))).toEqual(['drawer', 'sale'])
    } finally {
      await paperOut.stop()
    }
    const x = value<ShiftReport>(await core.dispatch('shifts:xReport', {}))
    expect(x.cash?.sales).toEqual({ count: 2, amountFen: 300 })
  })
})
