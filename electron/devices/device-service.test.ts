import { afterEach, describe, expect, it } from 'vitest'
import { SerialPortMock } from 'serialport'
import { createDispatcher } from '../kernel/dispatch'
import { EventBus } from '../kernel/event-bus'
import { memoryLogger } from '../kernel/logger'
import type { DeviceStatus, EventName, ScanEvent, ScanRejected } from '../shared/contract'
import { SerialScannerAdapter } from '../../native-bridge/scanners/serial-adapter'
import { SocatPair } from '../../native-bridge/scanners/socat-pair'
import { defaultAdapterFactories, simulatedScanner } from './adapters'
import { DEFAULT_DEVICES_CONFIG, DeviceService, type DevicesConfig, type DeviceServiceOptions } from './device-service'
import { createDeviceHandlers } from './handlers'
import { defaultFaceSdkFolders } from './face-library'
import { DEFAULT_PRINTER_CONFIG, NO_PRINTER } from './printer-slot'

const MockBinding = SerialPortMock.binding
const services: DeviceService[] = []
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const s of services.splice(0)) await s.close()
  for (const c of cleanups.splice(0)) await c()
  MockBinding.reset()
  simulatedScanner.replug()
})

function setup(initial: DevicesConfig = DEFAULT_DEVICES_CONFIG, extra: Partial<DeviceServiceOptions> = {}) {
  const log = memoryLogger()
  const bus = new EventBus(log)
  const events: { name: EventName; payload: unknown }[] = []
  bus.subscribe((name, payload) => events.push({ name, payload }))
  let stored = structuredClone(initial)
  const saved: DevicesConfig[] = []
  const service = new DeviceService({
    bus,
    log,
    load: () => stored,
    save: (c) => {
      saved.push(c)
      stored = c
    },
    backoff: { initialMs: 20, maxMs: 80 },
    ...extra,
  })
  services.push(service)
  const dispatch = createDispatcher(createDeviceHandlers(service), log)
  const scans = () => events.filter((e) => e.name === 'devices:scan').map((e) => e.payload as ScanEvent)
  const rejected = () => events.filter((e) => e.name === 'devices:rejected').map((e) => e.payload as ScanRejected)
  const scannerStates = () => events.filter((e) => e.name === 'devices:status' && (e.payload as DeviceStatus).device === 'scanner').map((e) => (e.payload as DeviceStatus).state)
  return { service, dispatch, events, saved, log, scans, rejected, scannerStates }
}

async function waitFor(cond: () => boolean, ms = 4_000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('DeviceService', () => {
  it('defaults to a wedge scanner and the simulated face camera and printer, served through the contract', async () => {
    const { service, dispatch } = setup()
    await service.start()
    const status = await dispatch('devices:status', {})
    expect(status).toMatchObject({ ok: true })
    expect(status.ok && (status.value as DeviceStatus[]).map((s) => [s.device, s.kind, s.state])).toEqual([
      ['scanner', 'wedge', 'connected'],
      ['face', 'simulated', 'connected'],
      ['printer', 'simulated', 'connected'],
    ])
    expect(await dispatch('devices:config', {})).toEqual({ ok: true, value: { ...DEFAULT_DEVICES_CONFIG, faceSdkFolders: defaultFaceSdkFolders() } })
    expect(service.face()?.status().state).toBe('connected')
  })

  it('wedge scans: payment code with paytype, product barcode with null, bad input rejected with an event', async () => {
    const { service, dispatch, scans, rejected, log } = setup()
    await service.start()
    expect(await dispatch('devices:wedgeScan', { code: '134567890123456789' })).toMatchObject({ ok: true, value: { source: 'wedge', paytype: 'WECHAT' } })
    expect(await dispatch('devices:wedgeScan', { code: '6901234567892' })).toMatchObject({ ok: true, value: { paytype: null } })
    const glued = await dispatch('devices:wedgeScan', { code: '134567890123456789134567890123456789' })
    expect(glued).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } })
    expect(await dispatch('devices:wedgeScan', { code: 'abc\u0007' })).toMatchObject({ ok: false })
    expect(scans().map((s) => s.paytype)).toEqual(['WECHAT', null])
    expect(rejected().map((r) => r.reason)).toEqual(['glued', 'control-chars'])
    expect(log.text()).not.toContain('134567890123456789')
  })

  it('configure saves, switches to the simulated scanner, and its scans flow as events', async () => {
    const { service, dispatch, saved, scans } = setup()
    await service.start()
    const res = await dispatch('devices:configure', { scanner: { kind: 'simulated' } })
    expect(res.ok).toBe(true)
    expect(saved).toEqual([{ scanner: { kind: 'simulated' }, face: { kind: 'simulated' }, printer: DEFAULT_PRINTER_CONFIG }])
    await waitFor(() => service.status().some((s) => s.device === 'scanner' && s.state === 'connected'))
    service.simulateScan('281234567890123456')
    expect(scans()).toEqual([expect.objectContaining({ source: 'simulated', code: '281234567890123456', paytype: 'ALIPAY' })])
  })

  it('refuses an invalid configure payload and a failing save, changing nothing', async () => {
    const { service, dispatch } = setup(DEFAULT_DEVICES_CONFIG, {})
    await service.start()
    expect(await dispatch('devices:configure', { scanner: { kind: 'serial', path: '/dev/x', baudRate: 1234, terminator: 'CR' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const failing = setup(DEFAULT_DEVICES_CONFIG, { save: () => { throw new Error('disk full') } })
    await failing.service.start()
    expect((await failing.dispatch('devices:configure', { face: { kind: 'none' }, printer: NO_PRINTER })).ok).toBe(false)
    expect(failing.service.config()).toEqual(DEFAULT_DEVICES_CONFIG)
    expect(failing.service.status().find((s) => s.device === 'face')?.state).toBe('connected')
  })

  it('falls back to defaults when the saved config is unreadable', () => {
    const { service } = setup({ scanner: { kind: 'bogus' }, face: { kind: 'none' }, printer: NO_PRINTER } as unknown as DevicesConfig)
    expect(service.config()).toEqual({ scanner: { kind: 'wedge' }, face: { kind: 'none' }, printer: NO_PRINTER })
  })

  it('simulated unplug/replug: disconnected, retried with backoff, reconnected, nothing lost or doubled', async () => {
    const { service, scans, scannerStates } = setup({ scanner: { kind: 'simulated' }, face: { kind: 'none' }, printer: NO_PRINTER })
    await service.start()
    await waitFor(() => scannerStates().includes('connected'))
    service.simulateScan('6901234567892')
    simulatedScanner.unplug()
    expect(() => service.simulateScan('6901234567893')).toThrow(/not connected/)
    await waitFor(() => scannerStates().filter((s) => s === 'disconnected').length >= 2) // the unplug + a failed retry
    simulatedScanner.replug()
    await waitFor(() => scannerStates().filter((s) => s === 'connected').length === 2)
    service.simulateScan('6901234567894')
    expect(scans().map((s) => s.code)).toEqual(['6901234567892', '6901234567894'])
  })

  it('binding-mock serial: a code cut by unplug is rejected, the port is reopened when it comes back', async () => {
    let port: SerialPortMock | null = null
    const { service, scans, rejected, scannerStates } = setup(
      { scanner: { kind: 'serial', path: '/dev/ROBOT', baudRate: 9600, terminator: 'CRLF' }, face: { kind: 'none' }, printer: NO_PRINTER },
      {
        adapters: {
          scanner: (cfg) =>
            cfg.kind === 'serial'
              ? new SerialScannerAdapter({ ...cfg, idleMs: 5_000, createPort: (o) => (port = new SerialPortMock({ ...o, autoOpen: false })) })
              : defaultAdapterFactories.scanner(cfg),
        },
      },
    )
    MockBinding.createPort('/dev/ROBOT', { echo: false, record: false })
    await service.start()
    await waitFor(() => scannerStates().includes('connected'))
    port!.port!.emitData('134567890123456789\r\n1345')
    await waitFor(() => scans().length === 1)
    // Unplug: the device disappears and the open stream sees a disconnect.
    MockBinding.reset()
    port!.close(undefined, Object.assign(new Error('device unplugged'), { disconnected: true }))
    await waitFor(() => scannerStates().filter((s) => s === 'disconnected').length >= 2)
    expect(rejected()).toEqual([expect.objectContaining({ source: 'serial', reason: 'incomplete' })])
    MockBinding.createPort('/dev/ROBOT', { echo: false, record: false }) // replug
    await waitFor(() => scannerStates().filter((s) => s === 'connected').length === 2)
    port!.port!.emitData('281234567890123456\r\n')
    await waitFor(() => scans().length === 2)
    await new Promise((r) => setTimeout(r, 50))
    expect(scans().map((s) => s.code)).toEqual(['134567890123456789', '281234567890123456'])
  })

  it('real pty: killing socat disconnects, restarting it reconnects, scans before and after arrive once', async () => {
    const pair = new SocatPair()
    await pair.start()
    cleanups.push(() => pair.stop())
    const { service, scans, scannerStates } = setup({ scanner: { kind: 'serial', path: pair.b, baudRate: 9600, terminator: 'CR' }, face: { kind: 'none' }, printer: NO_PRINTER })
    await service.start()
    await waitFor(() => scannerStates().includes('connected'))
    pair.write('134567890123456789\r')
    await waitFor(() => scans().length === 1)
    await pair.stop()
    await waitFor(() => scannerStates().includes('disconnected'))
    await pair.start()
    await waitFor(() => scannerStates().filter((s) => s === 'connected').length === 2)
    pair.write('6212345678901234567\r')
    await waitFor(() => scans().length === 2)
    await new Promise((r) => setTimeout(r, 50))
    expect(scans().map((s) => [s.code, s.paytype])).toEqual([
      ['134567890123456789', 'WECHAT'],
      ['6212345678901234567', 'UNIONPAY'],
    ])
  })

  it('devices:list answers with arrays (empty here) and never throws', async () => {
    const { dispatch } = setup()
    const res = await dispatch('devices:list', {})
    expect(res.ok).toBe(true)
    if (res.ok) expect(res.value).toEqual({ hid: expect.any(Array), serial: expect.any(Array) })
    const broken = setup(DEFAULT_DEVICES_CONFIG, { listDevices: () => Promise.reject(new Error('no driver')) })
    expect(await broken.dispatch('devices:list', {})).toEqual({ ok: true, value: { hid: [], serial: [] } })
  })
})
