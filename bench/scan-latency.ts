// Row 1: scan-to-request latency. From the moment the scanner's terminator
// arrives (CR written into a real pty — the kernel's own pair, or through socat; the Enter report handed to the
// HID keyboard decoder) to the moment the sandbox has the pay request in hand:
// decoder → validator → devices:scan event → payment:payByCode through the
// core's dispatcher (zod) → order inserted and marked submitted in the journal
// (fsynced, on the real disk) → signed HTTP request on loopback.
import { EventEmitter } from 'node:events'
import { createCore, type Core } from '../electron/core/create-core'
import { silentLogger } from '../electron/kernel/logger'
import type { SandboxGateway } from '../electron/gateway/sandbox/server'
import { CODES } from '../electron/test-support/payments-kit'
import { HidScannerAdapter, type HidDeviceLike } from '../native-bridge/scanners/hid-adapter'
import { PtyPair } from '../native-bridge/scanners/pty-pair'
import { SocatPair } from '../native-bridge/scanners/socat-pair'
import { keyboardReports } from '../native-bridge/scanners/test-reports'
import { gatewayConfigFor, startSandbox, tempDir } from './lib/gateway'

export class InjectedHidDevice extends EventEmitter implements HidDeviceLike {
  async close(): Promise<void> {}
}

/** Arrival times (performance.now) of pay requests at the sandbox, in order. */
export function payArrivals(sandbox: SandboxGateway): { next(): Promise<number>; stop(): void } {
  const store = sandbox.state
  const original = store.record.bind(store)
  let waiting: ((t: number) => void) | null = null
  store.record = (req) => {
    if (req.call === 'pay') waiting?.(performance.now())
    original(req)
  }
  return {
    next: () => new Promise<number>((resolve) => (waiting = resolve)),
    stop: () => (store.record = original),
  }
}

export interface ScanSample {
  /** Terminator to pay request at the sandbox. */
  totalMs: number
  /** Terminator to the validated devices:scan event (decoder, validator). */
  decodeMs: number
  /** devices:scan to the order committed as submitted (dispatch, zod, one fsynced journal commit). */
  journalMs: number
  /** Submitted to the request at the sandbox (signing, HTTP on loopback). */
  sendMs: number
}

/** What the renderer does with a scan: pay by that code (the Electron IPC hop is not in this path). Returns the marks of the last sale. */
function payOnScan(core: Core): { scanAt: number; submittedAt: number } {
  const marks = { scanAt: 0, submittedAt: 0 }
  core.bus.on('devices:scan', (scan) => {
    marks.scanAt = performance.now()
    if (scan.paytype) void core.dispatch('payment:payByCode', { amountFen: 1234, authCode: scan.code })
  })
  core.bus.on('payment:update', (o) => {
    if (o.state === 'submitted') marks.submittedAt = performance.now()
  })
  return marks
}

const sample = (t0: number, arrived: number, marks: { scanAt: number; submittedAt: number }): ScanSample => ({
  totalMs: arrived - t0,
  decodeMs: marks.scanAt - t0,
  journalMs: marks.submittedAt - marks.scanAt,
  sendMs: arrived - marks.submittedAt,
})

export async function waitConnected(core: Core): Promise<void> {
  const until = Date.now() + 5_000
  while (!core.services.devices.status().some((s) => s.device === 'scanner' && s.state === 'connected')) {
    if (Date.now() > until) throw new Error(`scanner did not connect: ${JSON.stringify(core.services.devices.status())}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** How the scanner's bytes reach the serial port: a kernel pty pair (master written directly, like a device driver), or through socat's relay process. */
export type SerialLine = 'pty' | 'socat'

async function openLine(line: SerialLine): Promise<{ path: string; write(data: string): void; close(): Promise<void> }> {
  if (line === 'pty') {
    const pty = new PtyPair()
    return { path: pty.path, write: (d) => pty.write(d), close: async () => pty.close() }
  }
  const pair = new SocatPair()
  await pair.start()
  return { path: pair.b, write: (d) => pair.write(d), close: () => pair.stop() }
}

export async function serialScanLatency(samples: number, line: SerialLine = 'pty'): Promise<ScanSample[]> {
  const sandbox = await startSandbox()
  const pair = await openLine(line)
  const dir = tempDir('scan-serial')
  const core = await createCore({ userDataDir: dir.path, transport: 'browser', version: 'bench', log: silentLogger, gateway: gatewayConfigFor(sandbox.url) })
  const arrivals = payArrivals(sandbox)
  const out: ScanSample[] = []
  try {
    await core.services.devices.configure({ scanner: { kind: 'serial', path: pair.path, baudRate: 115200, terminator: 'CR' } })
    await waitConnected(core)
    const marks = payOnScan(core)
    for (let i = 0; i < samples; i++) {
      pair.write(CODES.instant)
      await pause(3) // the code's bytes are in the decoder; only the terminator is left
      const arrived = arrivals.next()
      const t0 = performance.now()
      pair.write('\r')
      out.push(sample(t0, await arrived, marks))
      await core.services.engine.idle()
    }
  } finally {
    arrivals.stop()
    await core.close()
    await pair.close()
    await sandbox.close()
    dir.remove()
  }
  return out
}

export async function hidScanLatency(samples: number): Promise<ScanSample[]> {
  const sandbox = await startSandbox()
  const device = new InjectedHidDevice()
  const dir = tempDir('scan-hid')
  const core = await createCore({
    userDataDir: dir.path,
    transport: 'browser',
    version: 'bench',
    log: silentLogger,
    gateway: gatewayConfigFor(sandbox.url),
    // No HID hardware here: the device object is injected, the adapter and decoder are the real ones.
    deviceAdapters: { scanner: (cfg) => (cfg.kind === 'hid' ? new HidScannerAdapter({ ...cfg, openDevice: async () => device }) : (() => { throw new Error('hid only') })()) },
  })
  const arrivals = payArrivals(sandbox)
  const reports = keyboardReports(`${CODES.instant}\n`).map((r) => Buffer.from(r))
  const body = reports.slice(0, -2)
  const [enter, release] = reports.slice(-2) as [Buffer, Buffer]
  const out: ScanSample[] = []
  try {
    await core.services.devices.configure({ scanner: { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61, protocol: 'keyboard' } })
    await waitConnected(core)
    const marks = payOnScan(core)
    for (let i = 0; i < samples; i++) {
      for (const r of body) device.emit('data', r)
      const arrived = arrivals.next()
      const t0 = performance.now()
      device.emit('data', enter)
      out.push(sample(t0, await arrived, marks))
      device.emit('data', release)
      await core.services.engine.idle()
    }
  } finally {
    arrivals.stop()
    await core.close()
    await sandbox.close()
    dir.remove()
  }
  return out
}
