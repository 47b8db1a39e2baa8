// The real FFI path: koffi in a forked worker against a C library compiled here.
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildFakeFaceLibrary } from './fake-vendor/build'
import { FaceBridgeError, type FaceStatus } from './types'
import { VendorFaceCamera } from './vendor-camera'
import { faceCodeRequest } from './vendor-protocol'

let libraryPath = ''
const cameras: VendorFaceCamera[] = []
beforeAll(() => {
  libraryPath = buildFakeFaceLibrary()
})
afterEach(async () => {
  await Promise.all(cameras.splice(0).map((c) => c.close()))
})

function camera(timeouts?: { faceCodeMs?: number }) {
  const c = new VendorFaceCamera({ libraryPath, restart: { initialMs: 50, maxMs: 200 }, ...(timeouts ? { timeouts } : {}) })
  const seen: FaceStatus[] = []
  c.onStatus((s) => seen.push(s))
  cameras.push(c)
  return { c, seen }
}

const order = (outTradeNo: string) => ({ authinfo: 'AUTH-1', appid: 'wx2b029c08a6232582', mchId: '1900007071', storeId: 'store_01', outTradeNo, totalFee: 1 })

function until(c: VendorFaceCamera, state: FaceStatus['state']): Promise<void> {
  if (c.status().state === state) return Promise.resolve()
  return new Promise((resolve) => {
    const off = c.onStatus((s) => {
      if (s.state === state) {
        off()
        resolve()
      }
    })
  })
}

describe('VendorFaceCamera over a real C library', () => {
  it('round-trips UTF-8, maps every scripted answer, and releases every response', async () => {
    const { c } = camera()
    await c.start()
    expect(c.status().state).toBe('connected')

    const text = '人脸支付 测试 — ¥12.34 😀'
    const echo = await c.call({ cmd: 'fakeEcho', text })
    expect(echo.echo).toEqual({ cmd: 'fakeEcho', text })
    expect(await c.getRawdata()).toBe('RAW-原始数据-0001')
    expect(await c.getFaceCode(order('T20240001'))).toEqual({ kind: 'ok', faceCode: 'FACECODE-0123456789', openid: 'o_顾客_42' })
    expect(await c.getFaceCode(order('CANCEL0001'))).toEqual({ kind: 'user-cancel' })
    expect(await c.getFaceCode(order('SCANPAY001'))).toEqual({ kind: 'scan-payment' })
    expect(await c.getFaceCode(order('SDKERR0001'))).toEqual({ kind: 'error', message: '摄像头异常' })
    await c.reportResult({ authinfo: 'AUTH-1', appid: 'wx1', mchId: 'm', storeId: 's', paid: true })

    // A non-zero return code is a typed error, not a result.
    const failed = await c.getFaceCode(order('FAILRC0001')).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(FaceBridgeError)
    expect(failed).toMatchObject({ code: 'vendor-rc', returnCode: -7 })

    // init + echo + rawdata + 4 face codes + pay result = 8 answered calls, 1 call with rc -7 and no response.
    const counters = await c.call({ cmd: 'fakeCounters' })
    expect(counters).toMatchObject({ calls: 10, releases: 8 })
    const after = await c.call({ cmd: 'fakeCounters' })
    expect(after).toMatchObject({ calls: 11, releases: 9 })
  })

  it('survives abort() in vendor code: the call fails typed, status goes failed, the worker comes back', async () => {
    const { c, seen } = camera()
    await c.start()
    const crashed = await c.getFaceCode(order('ABORT0001')).catch((e: unknown) => e)
    expect(crashed).toBeInstanceOf(FaceBridgeError)
    expect((crashed as FaceBridgeError).code).toBe('crashed')
    expect(seen.map((s) => s.state)).toContain('failed')
    await until(c, 'connected')
    expect(await c.getRawdata()).toBe('RAW-原始数据-0001')
    // A fresh process: its counters started again (init, rawdata, this call).
    expect(await c.call({ cmd: 'fakeCounters' })).toMatchObject({ calls: 3, releases: 2 })
  })

  it('kills and restarts a worker that hangs in vendor code', async () => {
    const { c, seen } = camera()
    await c.start()
    const started = Date.now()
    const hung = await c.call(faceCodeRequest(order('HANG0001')), 400).catch((e: unknown) => e)
    expect(hung).toMatchObject({ name: 'FaceBridgeError', code: 'timeout' })
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(seen.some((s) => s.state === 'failed' && s.detail.includes('did not answer'))).toBe(true)
    await until(c, 'connected')
    expect(await c.getFaceCode(order('T20240002'))).toMatchObject({ kind: 'ok' })
  })

  it('reports a missing library as failed, and calls fail as unavailable', async () => {
    const c = new VendorFaceCamera({ libraryPath: '/nonexistent/libwxpayface.so', restart: { initialMs: 5_000, maxMs: 5_000 } })
    cameras.push(c)
    await c.start()
    expect(c.status()).toMatchObject({ state: 'failed' })
    expect(c.status().detail).toContain('could not be loaded')
    await expect(c.getRawdata()).rejects.toMatchObject({ code: 'unavailable' })
  })
})
