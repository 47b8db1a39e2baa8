// Native code only with a supervisor: through the core's dispatch (as any
// renderer would try it) and against a real C library built here. The face SDK
// library needs the PIN, must come from an allowed folder, must match its pinned
// SHA-256 (checked again at every worker start and in the worker itself), and
// every choice, refused or accepted, is in the audit.
import { copyFileSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildFakeFaceLibrary } from '../../native-bridge/face/fake-vendor/build'
import { forkFaceWorker } from '../../native-bridge/face/worker-host'
import { startTestCore, type TestCore } from '../test-support/payments-kit'
import type { DeviceStatus } from '../shared/contract'
import { sha256OfFile } from './face-library'

const PIN = '246813'
let lib = ''
let sdkDir = ''
let core: TestCore
beforeAll(() => {
  lib = buildFakeFaceLibrary()
  sdkDir = dirname(lib)
})
afterEach(async () => {
  await core?.dispose()
})

async function ready(): Promise<TestCore> {
  core = await startTestCore()
  core.services.settings.setPin(PIN)
  const folders = await core.dispatch('devices:setFaceSdkFolders', { folders: [sdkDir], pin: PIN })
  expect(folders).toEqual({ ok: true, value: [sdkDir] })
  return core
}

const faceStatus = async () => ((await core.dispatch('devices:status', {})) as { value: DeviceStatus[] }).value.find((s) => s.device === 'face')
const faceAudit = () => core.services.journal.audit.all().filter((a) => a.call.startsWith('devices:faceLibrary'))

async function until(cond: () => Promise<boolean>, ms = 8_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('choosing the face SDK library', () => {
  it('without the PIN, or from outside the SDK folder, nothing is loaded and the config stays; each refusal is audited', async () => {
    await ready()
    const outside = mkdtempSync(join(tmpdir(), 'not-sdk-'))
    const stranger = join(outside, 'libevil.so')
    copyFileSync(lib, stranger)
    const link = join(sdkDir, 'liblink.so')
    symlinkSync(stranger, link)
    const tries: [unknown, string][] = [
      [{ face: { kind: 'vendor', libraryPath: lib } }, 'PIN_REQUIRED'],
      [{ face: { kind: 'vendor', libraryPath: lib }, pin: '999999' }, 'PIN_INVALID'],
      [{ face: { kind: 'vendor', libraryPath: stranger }, pin: PIN }, 'DEVICE'],
      [{ face: { kind: 'vendor', libraryPath: link }, pin: PIN }, 'DEVICE'], // a symlink inside pointing outside
      [{ face: { kind: 'vendor', libraryPath: join(sdkDir, '..', 'x', '..', dirname(stranger).split('/').pop() ?? '', 'libevil.so') }, pin: PIN }, 'DEVICE'],
      [{ face: { kind: 'vendor', libraryPath: 'libfakewxpayface.so' }, pin: PIN }, 'DEVICE'], // relative: the loader would search
      [{ face: { kind: 'vendor', libraryPath: lib, sha256: 'a'.repeat(64) }, pin: PIN }, 'DEVICE'],
    ]
    for (const [req, code] of tries) {
      const r = await core.dispatch('devices:configure', req)
      expect(!r.ok && r.error.code, JSON.stringify(req)).toBe(code)
    }
    expect(((await core.dispatch('devices:config', {})) as { value: { face: unknown } }).value.face).toEqual({ kind: 'simulated' })
    expect((await faceStatus())?.kind).toBe('simulated')
    const audit = faceAudit()
    expect(audit.filter((a) => a.call === 'devices:faceLibrary:configure')).toHaveLength(tries.length)
    expect(audit.every((a) => a.call !== 'devices:faceLibrary:configure' || (a.error !== null && JSON.parse(a.request).outcome === 'refused'))).toBe(true)
  })

  it('the folder list is the supervisor’s: no PIN, no change', async () => {
    await ready()
    const r = await core.dispatch('devices:setFaceSdkFolders', { folders: ['/'], pin: '999999' })
    expect(!r.ok && r.error.code).toBe('PIN_INVALID')
    expect(((await core.dispatch('devices:config', {})) as { value: { faceSdkFolders: string[] } }).value.faceSdkFolders).toEqual([sdkDir])
  })

  it('with the PIN, from the SDK folder, matching its pinned hash: loaded, and audited with the hash', async () => {
    await ready()
    const sha256 = sha256OfFile(lib)
    const r = await core.dispatch('devices:configure', { face: { kind: 'vendor', libraryPath: lib, sha256 }, pin: PIN })
    expect(r.ok).toBe(true)
    await until(async () => (await faceStatus())?.state === 'connected')
    const accepted = faceAudit().find((a) => a.error === null && a.call === 'devices:faceLibrary:configure')
    expect(JSON.parse(accepted?.request ?? '{}')).toMatchObject({ outcome: 'accepted', libraryPath: lib, sha256 })
  })

  it('a library replaced after it was approved is refused at the next worker start', async () => {
    await ready()
    const own = join(sdkDir, 'libswap.so')
    copyFileSync(lib, own)
    const sha256 = sha256OfFile(own)
    expect((await core.dispatch('devices:configure', { face: { kind: 'vendor', libraryPath: own, sha256 }, pin: PIN })).ok).toBe(true)
    await until(async () => (await faceStatus())?.state === 'connected')
    writeFileSync(own, Buffer.concat([Buffer.from(await import('node:fs').then((f) => f.readFileSync(lib))), Buffer.from('tampered')]))
    // Kill the worker through the SDK (the fake aborts on ABORT): the restart checks the file again.
    const face = core.services.devices.face()
    await face?.getFaceCode({ authinfo: 'A', appid: 'wx1', mchId: 'm', storeId: 's', outTradeNo: 'ABORT0002', totalFee: 100 }).catch(() => null)
    await until(async () => /SHA-256/.test(String((await faceStatus())?.detail.params?.['error'] ?? '')))
    expect((await faceStatus())?.state).toBe('failed')
  })

  it('the worker itself refuses a file whose hash is not the one it was given', async () => {
    const worker = forkFaceWorker(lib, 'b'.repeat(64))
    const reply = await new Promise<unknown>((resolve) => worker.on('message', resolve))
    expect(reply).toMatchObject({ type: 'load-failed', message: expect.stringContaining('SHA-256') })
    worker.kill()
  })
})
