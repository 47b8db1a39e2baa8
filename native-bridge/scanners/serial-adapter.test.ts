import { afterEach, describe, expect, it } from 'vitest'
import { SerialPortMock } from 'serialport'

// The binding SerialPortMock really uses (importing @serialport/binding-mock directly may load a second copy).
const MockBinding = SerialPortMock.binding
import { SerialScannerAdapter } from './serial-adapter'
import { SocatPair } from './socat-pair'
import type { ScannerRead } from './types'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  MockBinding.reset()
})

function collect(adapter: SerialScannerAdapter) {
  const reads: ScannerRead[] = []
  const lost: Error[] = []
  adapter.on('read', (r) => reads.push(r))
  adapter.on('lost', (e) => lost.push(e))
  return { reads, lost }
}

async function waitFor(cond: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('SerialScannerAdapter over a real socat pty pair', () => {
  async function setup(terminator: 'CR' | 'LF' | 'CRLF' | 'timeout', idleMs = 120) {
    const pair = new SocatPair()
    await pair.start()
    cleanups.push(() => pair.stop())
    const adapter = new SerialScannerAdapter({ path: pair.b, baudRate: 9600, terminator, idleMs })
    cleanups.push(() => adapter.close())
    const got = collect(adapter)
    await adapter.open()
    return { pair, adapter, ...got }
  }

  it('reads CRLF-terminated codes written in pieces, including UTF-8', async () => {
    const { pair, reads } = await setup('CRLF')
    pair.write('1345678901')
    await new Promise((r) => setTimeout(r, 20))
    pair.write('23456789\r\n中文条码\r\n')
    await waitFor(() => reads.length === 2)
    expect(reads).toEqual([{ kind: 'text', text: '134567890123456789' }, { kind: 'text', text: '中文条码' }])
  })

  it('timeout mode: a pause ends the code', async () => {
    const { pair, reads } = await setup('timeout', 60)
    pair.write('6901234567892')
    await waitFor(() => reads.length === 1)
    expect(reads).toEqual([{ kind: 'text', text: '6901234567892' }])
  })

  it('a pause before the terminator is a half read', async () => {
    const { pair, reads } = await setup('CR')
    pair.write('13456')
    await waitFor(() => reads.length === 1)
    expect(reads[0]).toMatchObject({ kind: 'reject', reason: 'incomplete' })
  })

  it('killing socat (unplug) is reported as lost, and a code cut off by it is rejected', async () => {
    const { pair, reads, lost } = await setup('LF', 5_000)
    pair.write('28123456')
    await new Promise((r) => setTimeout(r, 50))
    await pair.stop()
    await waitFor(() => lost.length === 1)
    expect(reads).toEqual([expect.objectContaining({ kind: 'reject', reason: 'incomplete' })])
  })

  it('open() rejects when the device is not there', async () => {
    const adapter = new SerialScannerAdapter({ path: '/nonexistent/ttyUSB9', baudRate: 9600, terminator: 'CR' })
    await expect(adapter.open()).rejects.toThrow()
  })
})

describe('SerialScannerAdapter with @serialport/binding-mock', () => {
  it('reads data and reports a disconnect from the port as lost', async () => {
    MockBinding.createPort('/dev/ROBOT', { echo: false, record: false })
    let port: SerialPortMock | null = null
    const adapter = new SerialScannerAdapter({
      path: '/dev/ROBOT',
      baudRate: 115200,
      terminator: 'CR',
      createPort: (o) => (port = new SerialPortMock({ ...o, autoOpen: false })),
    })
    cleanups.push(() => adapter.close())
    const { reads, lost } = collect(adapter)
    await adapter.open()
    port!.port!.emitData('134567890123456789\r')
    await waitFor(() => reads.length === 1)
    // The stream's own disconnect path (what a failing read on an unplugged port triggers).
    port!.close(undefined, Object.assign(new Error('device unplugged'), { disconnected: true }))
    await waitFor(() => lost.length === 1)
    expect(lost[0]!.message).toBe('device unplugged')
    expect(reads).toEqual([{ kind: 'text', text: '134567890123456789' }])
  })
})
