// A cash drawer on its own serial port (a serial-trigger drawer), behind the
// printer role: the kick's five bytes go to the drawer's port — a real pty pair
// (socat) whose other end records them — and not to the printer, which still
// gets the receipt over TCP. A no-sale opening kicks it too.
import { createReadStream, type ReadStream } from 'node:fs'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { SocatPair } from '../../native-bridge/scanners/socat-pair'
import { parseEscPos } from '../../native-bridge/printer/testing/escpos-parser'
import { VirtualPrinter } from '../../native-bridge/printer/testing/virtual-printer'
import { startTestCore, type TestCore } from '../test-support/payments-kit'
import type { PrinterConfig } from '../shared/contract'

const PIN = '808182'
let core: TestCore
let vp: VirtualPrinter
let pair: SocatPair
let reader: ReadStream
const received: Buffer[] = []

beforeEach(async () => {
  vp = new VirtualPrinter()
  await vp.start()
  pair = new SocatPair()
  await pair.start()
  received.length = 0
  reader = createReadStream(pair.a)
  reader.on('data', (c) => received.push(c as Buffer))
  reader.on('error', () => {})
  core = await startTestCore({ printing: { slot: { statusEveryMs: 0, jobTimeoutMs: 500, statusTimeoutMs: 150 }, backoff: { firstMs: 50, maxMs: 150 } } })
  core.services.settings.setPin(PIN)
})
afterEach(async () => {
  await core.dispose()
  reader.destroy()
  await pair.stop()
  await vp.stop()
})

async function until(check: () => boolean, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not reached: ${check.toString().slice(0, 160)}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
const drawerBytes = () => [...Buffer.concat(received)]

it('a serial drawer gets ESC p with all five bytes (pin 5 here); the printer gets the receipt and no kick', async () => {
  const printer: PrinterConfig = { connection: { kind: 'tcp', host: '127.0.0.1', port: vp.port }, width: 58, drawer: { kind: 'serial', path: pair.b, baudRate: 9600 }, drawerPulse: { m: 1, t1: 0x32, t2: 0x64 }, autoPrint: true }
  const r = await core.dispatch('devices:configure', { printer })
  if (!r.ok) throw new Error(r.error.message)
  const sale = await core.dispatch('cash:sale', { amountFen: 880, givenFen: 1000 })
  if (!sale.ok) throw new Error(sale.error.message)
  await until(() => drawerBytes().length >= 5)
  expect(drawerBytes()).toEqual([0x1b, 0x70, 0x01, 0x32, 0x64])
  const receipts = () => vp.jobs.filter((j) => j.length > 0 && j[0] !== 0x10).map((j) => parseEscPos(j))
  await until(() => receipts().some((p) => p.cuts > 0))
  expect(receipts().flatMap((p) => p.drawerPulses)).toEqual([])
  expect(receipts()[0]!.lines.join('\n')).toMatch(/找零\s+￥1\.20/)

  // No-sale opening (PIN): the drawer's port again.
  const open = await core.dispatch('cash:noSale', { reason: '换零钱', pin: PIN })
  if (!open.ok) throw new Error(open.error.message)
  await until(() => drawerBytes().length >= 10)
  expect(drawerBytes().slice(5)).toEqual([0x1b, 0x70, 0x01, 0x32, 0x64])
  await until(() => core.services.printing.jobs().every((j) => j.state === 'printed'))
})

it('a serial drawer is never held behind the printer: with the printer away, or with no printer at all, the drawer opens at once', async () => {
  const port = vp.port
  await vp.stop() // refused
  const base: PrinterConfig = { connection: { kind: 'tcp', host: '127.0.0.1', port }, width: 58, drawer: { kind: 'serial', path: pair.b, baudRate: 115200 }, drawerPulse: { m: 0, t1: 0x19, t2: 0xfa }, autoPrint: true }
  const r = await core.dispatch('devices:configure', { printer: base })
  if (!r.ok) throw new Error(r.error.message)
  // An earlier receipt is failing (it holds the printer lane), then a cash sale: the drawer opens anyway.
  const first = await core.dispatch('cash:sale', { amountFen: 100, givenFen: 100 })
  if (!first.ok) throw new Error(first.error.message)
  await until(() => core.services.printing.jobs().some((j) => j.kind === 'sale' && j.state === 'retrying' && j.lastError === 'refused'))
  await until(() => drawerBytes().length >= 5)
  const second = await core.dispatch('cash:sale', { amountFen: 200, givenFen: 500 })
  if (!second.ok) throw new Error(second.error.message)
  await until(() => drawerBytes().length >= 10)
  expect(drawerBytes()).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa, 0x1b, 0x70, 0x00, 0x19, 0xfa])
  expect(core.services.printing.jobs().filter((j) => j.kind === 'sale').map((j) => j.state)).toEqual(['retrying', expect.stringMatching(/queued|retrying/)])

  // No receipt printer at all: the drawer still opens; receipts wait, listed.
  const none = await core.dispatch('devices:configure', { printer: { ...base, connection: { kind: 'none' } } })
  if (!none.ok) throw new Error(none.error.message)
  const third = await core.dispatch('cash:sale', { amountFen: 300, givenFen: 500 })
  if (!third.ok) throw new Error(third.error.message)
  await until(() => drawerBytes().length >= 15)
  const sales = () => core.services.printing.jobs().filter((j) => j.kind === 'sale')
  await until(() => sales()[0]!.lastError === 'no-printer')
  expect(sales().map((j) => j.state)).toEqual(['retrying', 'queued', 'queued'])
})
