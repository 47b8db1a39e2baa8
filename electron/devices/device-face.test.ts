// The device service with the vendor face camera against the gcc-built fake SDK:
// a vendor crash shows as `failed` and the camera comes back by itself.
import { dirname } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { EventBus } from '../kernel/event-bus'
import { silentLogger } from '../kernel/logger'
import type { DeviceStatus } from '../shared/contract'
import { buildFakeFaceLibrary } from '../../native-bridge/face/fake-vendor/build'
import { FaceBridgeError } from '../../native-bridge/face/types'
import { VendorFaceCamera } from '../../native-bridge/face/vendor-camera'
import { DeviceService, type DevicesConfig } from './device-service'
import { NO_PRINTER } from './printer-slot'

let libraryPath = ''
let service: DeviceService | null = null
beforeAll(() => {
  libraryPath = buildFakeFaceLibrary()
})
afterEach(async () => {
  await service?.close()
  service = null
})

async function waitFor(cond: () => boolean, ms = 8_000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('DeviceService with the vendor face camera', () => {
  it('reports the camera connected, failed on a vendor abort, then connected again', async () => {
    const bus = new EventBus(silentLogger)
    const faceStates: string[] = []
    bus.on('devices:status', (s: DeviceStatus) => {
      if (s.device === 'face') faceStates.push(s.state)
    })
    let cfg: DevicesConfig = { scanner: { kind: 'wedge' }, face: { kind: 'none' }, printer: NO_PRINTER }
    service = new DeviceService({
      bus,
      log: silentLogger,
      load: () => cfg,
      save: (c) => (cfg = c),
      adapters: { face: (c, preflight) => new VendorFaceCamera({ libraryPath: c.kind === 'vendor' ? c.libraryPath : '', preflight, restart: { initialMs: 50, maxMs: 100 } }) },
      // The supervisor's approval and the SDK folder (face-library.test.ts covers refusals).
      verifyPin: (pin) => {
        if (pin !== '246813') throw new Error('wrong PIN')
      },
      faceSdkFolders: { load: () => [dirname(libraryPath)], save: () => {} },
    })
    await service.start()
    expect(faceStates).toEqual(['disabled'])
    await service.configure({ face: { kind: 'vendor', libraryPath } }, '246813')
    expect(service.status().find((s) => s.device === 'face')).toMatchObject({ kind: 'vendor', state: 'connected' })
    const camera = service.face()!
    const err = await camera
      .getFaceCode({ authinfo: 'A', appid: 'wx1', mchId: 'm', storeId: 's', outTradeNo: 'ABORT0002', totalFee: 100 })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(FaceBridgeError)
    await waitFor(() => faceStates.lastIndexOf('connected') > faceStates.indexOf('failed') && faceStates.includes('failed'))
    expect(await camera.getRawdata()).toBe('RAW-原始数据-0001')
  })
})
