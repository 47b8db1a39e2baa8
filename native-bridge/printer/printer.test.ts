// The printer over real transports: raw TCP to a virtual ESC/POS printer on
// loopback, and a real pty pair (socat) for serial. The bytes that arrive are
// read back into lines, cuts and drawer pulses.
import { createReadStream, type ReadStream } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { receiptDocument } from '../../electron/printing/receipt-doc'
import { renderEscPos } from '../../electron/printing/render'
import { SocatPair } from '../scanners/socat-pair'
import { decodeStatus, drawerKick } from './escpos'
import { Printer } from './printer'
import { SerialPrinterConnection } from './serial-connection'
import { TcpPrinterConnection } from './tcp-connection'
import { parseEscPos } from './testing/escpos-parser'
import { VirtualPrinter } from './testing/virtual-printer'
import { PrinterError } from './types'

const header = { storeName: '好邻居便利店', counterId: 'POS01', cashier: '张三', demo: false }
const saleDoc = receiptDocument({ kind: 'sale', header, outTradeNo: 'POS01202612020001', at: Date.UTC(2026, 11, 2, 1, 30), method: 'code', paytype: 'WECHAT', totalFen: 123456 })

describe('printer over TCP (virtual printer on loopback)', () => {
  let vp: VirtualPrinter
  beforeEach(async () => {
    vp = new VirtualPrinter()
    await vp.start()
  })
  afterEach(() => vp.stop())

  const printer = (opts = {}) => new Printer(new TcpPrinterConnection({ host: '127.0.0.1', port: vp.port }), { jobTimeoutMs: 2_000, statusTimeoutMs: 300, ...opts })

  it('prints a Chinese receipt: Chinese mode on, GB18030 text, full-width ￥, a cut', async () => {
    await printer().print(renderEscPos(saleDoc, 58))
    await vp.waitForJobs(1)
    const job = parseEscPos(vp.jobs[0]!)
    expect(job.chineseModeSwitches).toBeGreaterThan(0)
    expect(vp.jobs[0]!.includes(0xa3)).toBe(true)
    expect(job.lines).toContain('          好邻居便利店')
    expect(job.lines.some((l) => /^单号\s+POS01202612020001$/.test(l))).toBe(true)
    expect(job.lines.some((l) => l.startsWith('合计') && l.includes('￥1,234.56'))).toBe(true)
    expect(job.lines.every((l) => !l.includes('¥'))).toBe(true)
    expect(job.cuts).toBeGreaterThan(0)
    expect(job.barcodes[0]).toContain('POS')
  })

  it('kicks the drawer with all five bytes 1B 70 00 19 FA', async () => {
    await printer().openDrawer()
    await vp.waitForJobs(1)
    expect([...vp.jobs[0]!]).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa])
    expect([...drawerKick({ pin: 5, onMs: 100, offMs: 200 })]).toEqual([0x1b, 0x70, 0x01, 50, 100])
    expect(() => drawerKick({ pin: 2, onMs: 0, offMs: 200 })).toThrow(PrinterError)
  })

  it('reads status: healthy, paper out, cover open; silence is unknown, not broken', async () => {
    expect(await printer().status()).toMatchObject({ online: true, coverOpen: false, paperOut: false })
    vp.fault = 'paper-out'
    expect(await printer().status()).toMatchObject({ online: false, paperOut: true, paperNearEnd: true })
    vp.fault = 'cover-open'
    expect(await printer().status()).toMatchObject({ online: false, coverOpen: true })
    vp.fault = 'silent'
    expect(await printer().status()).toEqual({ online: 'unknown', coverOpen: 'unknown', paperOut: 'unknown', paperNearEnd: 'unknown', drawerOpen: 'unknown' })
  })

  it('a refused connection, a printer that stops reading, one that drops the job: typed errors in bounded time', async () => {
    const big = new Uint8Array(32 * 1024 * 1024).fill(0x41)
    vp.fault = 'stall'
    await expect(printer({ jobTimeoutMs: 300 }).print(big)).rejects.toMatchObject({ kind: 'timeout' })
    vp.fault = 'drop-mid-job'
    await expect(printer().print(big)).rejects.toBeInstanceOf(PrinterError)
    await vp.stop()
    await expect(printer().print(renderEscPos(saleDoc, 80))).rejects.toMatchObject({ kind: 'refused' })
  })
})

describe('printer over serial (socat pty pair)', () => {
  let pair: SocatPair
  let reader: ReadStream
  const received: Buffer[] = []
  beforeEach(async () => {
    pair = new SocatPair()
    await pair.start()
    received.length = 0
    reader = createReadStream(pair.a)
    reader.on('data', (c) => received.push(c as Buffer))
    // The pty reports EIO once socat goes away at the end of the test.
    reader.on('error', () => {})
  })
  afterEach(async () => {
    reader.destroy()
    await pair.stop()
  })

  it('sends the receipt and the drawer pulse through the port, byte for byte', async () => {
    const connection = new SerialPrinterConnection({ path: pair.b, baudRate: 115200 })
    const printer = new Printer(connection, { jobTimeoutMs: 3_000 })
    const bytes = renderEscPos(saleDoc, 80)
    await printer.print(bytes)
    await printer.openDrawer()
    const want = bytes.length + 5
    const deadline = Date.now() + 10_000
    while (Buffer.concat(received).length < want && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    await connection.close()
    const all = new Uint8Array(Buffer.concat(received))
    expect(all.length).toBe(want)
    const job = parseEscPos(all)
    expect(job.lines.some((l) => l.includes('好邻居便利店'))).toBe(true)
    expect(job.drawerPulses).toEqual([{ m: 0, t1: 0x19, t2: 0xfa }])
  })

  it('a port that does not exist is a typed error', async () => {
    const printer = new Printer(new SerialPrinterConnection({ path: '/dev/does-not-exist-printer', baudRate: 9600 }), { jobTimeoutMs: 1_000 })
    await expect(printer.print(Uint8Array.of(0x41))).rejects.toMatchObject({ kind: 'io' })
  })
})

describe('status bytes', () => {
  it('ignores malformed answers (bit pattern of a status byte not present)', () => {
    expect(decodeStatus({ printer: 0xff, offline: 0x00, paper: null }).online).toBe('unknown')
    expect(decodeStatus({ printer: 0x12, offline: 0x12, paper: 0x12 })).toEqual({ online: true, drawerOpen: false, coverOpen: false, paperOut: false, paperNearEnd: false })
  })
})
