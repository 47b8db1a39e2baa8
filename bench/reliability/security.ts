// Security: each attack from issue #12 tried for real against the core, the
// harness and the gateway transport, and counted. An attack "holds" when every
// try was refused and nothing changed (settings, shift, face camera, server up).
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { connect as tcp } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import WebSocket from 'ws'
import { createCore, type Core } from '../../electron/core/create-core'
import { silentLogger } from '../../electron/kernel/logger'
import { sha256OfFile } from '../../electron/devices/face-library'
import { postForm } from '../../electron/gateway/transport'
import { startHarness } from '../../electron/harness/server'
import { realClock } from '../../electron/payments/clock'
import { calls, type CallName } from '../../electron/shared/contract'
import { CUSTOMER_CALLS, customerTransport } from '../../electron/shared/customer-slice'
import { buildFakeFaceLibrary } from '../../native-bridge/face/fake-vendor/build'
import { tempDir } from '../lib/gateway'

export interface AttackResult {
  attack: string
  tried: number
  refused: number
  /** Every try refused and nothing changed. */
  held: boolean
  detail: string
}

const PIN = '246813'
type Answer = { ok: boolean; error?: { code: string } }

async function core(dir: string, clockOffset = { ms: 0 }): Promise<Core> {
  const clock = { ...realClock, now: () => realClock.now() + clockOffset.ms }
  return createCore({ userDataDir: dir, transport: 'browser', version: 'security', log: silentLogger, clock, reviewSweepMs: 0 })
}

/** Runs `tries`, counting answers that are refusals with one of `codes`. */
async function count(tries: (() => Promise<Answer>)[], codes: string[]): Promise<{ tried: number; refused: number; seen: Set<string> }> {
  let refused = 0
  const seen = new Set<string>()
  for (const t of tries) {
    const r = await t()
    const code = r.ok ? 'OK' : (r.error?.code ?? '?')
    seen.add(code)
    if (!r.ok && codes.includes(code)) refused++
  }
  return { tried: tries.length, refused, seen }
}

async function noPinYet(): Promise<AttackResult> {
  const dir = tempDir('sec-nopin')
  const c = await core(dir.path)
  const before = JSON.stringify(c.services.settings.view())
  const d = (name: CallName, payload: unknown) => () => c.dispatch(name, payload) as Promise<Answer>
  const r = await count(
    [
      d('settings:update', { patch: { gatewayUrl: 'https://evil.example.com/gw' } }),
      d('settings:update', { patch: { gatewayUrl: 'https://evil.example.com/gw' }, pin: PIN }),
      d('settings:update', { patch: { agentKey: 'stolen-agent-key' }, pin: '' }),
      d('settings:setMode', { mode: 'live' }),
      d('settings:activate', { mobile: '13800000000', valid: '123456' }),
      d('devices:setFaceSdkFolders', { folders: ['/'], pin: PIN }),
      d('shifts:close', { pin: PIN }),
    ],
    ['PIN_NOT_SET', 'PIN_REQUIRED'],
  )
  const unchanged = JSON.stringify(c.services.settings.view()) === before
  await c.close()
  dir.remove()
  return { attack: 'settings, activation, live mode before any supervisor PIN exists', ...r, held: r.refused === r.tried && unchanged, detail: [...r.seen].join(' ') }
}

async function pinGuessing(): Promise<AttackResult> {
  const dir = tempDir('sec-pin')
  const offset = { ms: 0 }
  let c = await core(dir.path, offset)
  c.services.settings.setPin(PIN)
  await c.dispatch('shifts:open', { cashier: 'x', floatFen: 0 })
  const tries: (() => Promise<Answer>)[] = []
  // Empty PINs are asked again, never counted: 20 of them, then the guesses.
  for (let i = 0; i < 20; i++) tries.push(() => c.dispatch('shifts:close', { pin: '' }) as Promise<Answer>)
  let guess = 100000
  const wrong = () => String(guess++)
  for (let i = 0; i < 5; i++) tries.push(() => c.dispatch('shifts:close', { pin: wrong() }) as Promise<Answer>)
  for (let i = 0; i < 30; i++) tries.push(() => c.dispatch('settings:update', { patch: { storeName: 'x' }, pin: wrong() }) as Promise<Answer>)
  const first = await count(tries, ['PIN_REQUIRED', 'PIN_INVALID', 'PIN_LOCKED'])
  // The right PIN while locked, after a restart, and with the clock set back a day.
  const right = () => c.dispatch('shifts:close', { pin: PIN }) as Promise<Answer>
  const lockedNow = await count([right], ['PIN_LOCKED'])
  await c.close()
  offset.ms = -24 * 3600_000
  c = await core(dir.path, offset)
  // This version turns the supervisor PIN into manager 0001 at start, so the counter starts locked
  // (COUNTER_LOCKED); signing in as 0001 with the right PIN must meet the same lock (it went with the PIN).
  const signIn = () => c.dispatch('operators:signIn', { operatorNo: '0001', pin: PIN }) as Promise<Answer>
  const afterRestart = await count([right, signIn, right], ['PIN_LOCKED', 'COUNTER_LOCKED'])
  const stillOpen = c.services.shifts.current() !== null
  await c.close()
  dir.remove()
  const tried = first.tried + lockedNow.tried + afterRestart.tried
  const refused = first.refused + lockedNow.refused + afterRestart.refused
  return { attack: 'PIN guessing (empty PINs, 35 guesses, right PIN while locked, restart, clock set back)', tried, refused, held: refused === tried && stillOpen, detail: [...new Set([...first.seen, ...lockedNow.seen, ...afterRestart.seen])].join(' ') }
}

async function nativeCode(): Promise<AttackResult> {
  const dir = tempDir('sec-native')
  const c = await core(dir.path)
  c.services.settings.setPin(PIN)
  const lib = buildFakeFaceLibrary()
  const sdk = dirname(lib)
  await c.dispatch('devices:setFaceSdkFolders', { folders: [sdk], pin: PIN })
  const outside = mkdtempSync(join(tmpdir(), 'sec-evil-'))
  const evil = join(outside, 'libevil.so')
  copyFileSync(lib, evil)
  const link = join(sdk, 'liblink.so')
  symlinkSync(evil, link)
  const d = (payload: unknown) => () => c.dispatch('devices:configure', payload) as Promise<Answer>
  const vendor = (libraryPath: string, extra: object = {}) => ({ face: { kind: 'vendor', libraryPath, ...extra } })
  const r = await count(
    [
      d(vendor(lib)),
      d({ ...vendor(lib), pin: '999999' }),
      d({ ...vendor(evil), pin: PIN }),
      d({ ...vendor(link), pin: PIN }),
      d({ ...vendor(`${sdk}/../${outside.split('/').pop() ?? ''}/libevil.so`), pin: PIN }),
      d({ ...vendor('libevil.so'), pin: PIN }),
      d({ ...vendor(lib, { sha256: 'f'.repeat(64) }), pin: PIN }),
      () => c.dispatch('devices:setFaceSdkFolders', { folders: [outside], pin: '999999' }) as Promise<Answer>,
    ],
    ['PIN_REQUIRED', 'PIN_INVALID', 'DEVICE', 'PIN_LOCKED'],
  )
  const face = c.services.devices.status().find((s) => s.device === 'face')
  const audited = c.services.journal.audit.all().filter((a) => a.call.startsWith('devices:faceLibrary') && a.error !== null).length
  // The control: the supervisor's own choice, pinned, does load.
  const good = (await c.dispatch('devices:configure', { ...vendor(lib, { sha256: sha256OfFile(lib) }), pin: PIN })) as Answer
  await c.close()
  dir.remove()
  return {
    attack: 'native code: face SDK library without PIN / outside the SDK folder / symlink / traversal / wrong hash',
    ...r,
    held: r.refused === r.tried && face?.kind === 'simulated' && audited === r.tried && good.ok,
    detail: `${audited} refusals audited; supervisor's pinned choice ${good.ok ? 'accepted' : 'REFUSED'}`,
  }
}

async function harness(): Promise<AttackResult> {
  const dir = tempDir('sec-harness')
  const c = await core(dir.path)
  const web = mkdtempSync(join(tmpdir(), 'sec-web-'))
  writeFileSync(join(web, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  const h = await startHarness({ core: c, log: silentLogger, staticDir: web })
  const open = (query: string, origin = `http://127.0.0.1:${h.port}`) =>
    new Promise<Answer>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${h.port}/pos${query}`, { origin })
      ws.once('open', () => {
        ws.close()
        resolve({ ok: true })
      })
      ws.once('unexpected-response', (_q, res) => resolve({ ok: false, error: { code: `HTTP${res.statusCode}` } }))
      ws.once('error', () => resolve({ ok: false, error: { code: 'ERROR' } }))
    })
  const http = (path: string) => async (): Promise<Answer> => {
    const res = await fetch(`http://127.0.0.1:${h.port}${path}`)
    return res.status === 400 ? { ok: false, error: { code: 'HTTP400' } } : { ok: true }
  }
  const garbage = (): Promise<Answer> =>
    new Promise((resolve) => {
      const s = tcp(h.port, '127.0.0.1', () => s.write('\u0000\u0001GARBAGE\r\n\r\n'))
      let got = ''
      s.on('data', (b) => (got += b.toString()))
      s.on('close', () => resolve(got.includes('400') ? { ok: false, error: { code: 'HTTP400' } } : { ok: true }))
      s.on('error', () => resolve({ ok: false, error: { code: 'HTTP400' } }))
    })
  const oversized = (): Promise<Answer> =>
    new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${h.port}/pos?token=${h.token}`, { origin: `http://127.0.0.1:${h.port}` })
      ws.on('error', () => {})
      ws.once('open', () => ws.send('x'.repeat(2 * 1024 * 1024)))
      ws.once('close', (code) => resolve({ ok: false, error: { code: code === 1009 ? 'CLOSED1009' : `CLOSED${code}` } }))
    })
  const r = await count(
    [
      () => open(''),
      () => open('?token='),
      () => open(`?token=${h.token.slice(1)}x`),
      () => open(`?token=${h.token}`, 'http://evil.example'),
      () => open(`?token=${h.token}`, 'null'),
      http('/%'),
      http('/%E0%A4%A'),
      http('/..%2F%'),
      garbage,
      oversized,
    ],
    ['HTTP403', 'HTTP400', 'CLOSED1009'],
  )
  const stillUp = (await open(`?token=${h.token}`)).ok && (await fetch(h.url)).status === 200
  await h.close()
  await c.close()
  dir.remove()
  return { attack: 'browser harness: no/wrong token, foreign origin, malformed URLs, garbage HTTP, oversized frame', ...r, held: r.refused === r.tried && stillUp, detail: `server ${stillUp ? 'still up' : 'DOWN'}; ${[...r.seen].join(' ')}` }
}

async function customerDisplay(): Promise<AttackResult> {
  const reached: string[] = []
  const pos = customerTransport({
    invoke: (name) => {
      reached.push(name)
      return Promise.resolve({ ok: true, value: null })
    },
    subscribe: () => () => {},
  })
  const forbidden = (Object.keys(calls) as CallName[]).filter((n) => !CUSTOMER_CALLS.has(n))
  const r = await count(
    forbidden.map((n) => () => pos.invoke(n, { pin: PIN }) as Promise<Answer>),
    ['FORBIDDEN'],
  )
  return { attack: 'customer display preload: every call outside its read-only slice (refunds, settings, shifts, payments, devices)', ...r, held: r.refused === r.tried && reached.length === 0, detail: `${reached.length} reached IPC (main refuses them again: ipc.test.ts)` }
}

async function transport(): Promise<AttackResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sec-cert-'))
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'pipe' })
  let reachedTls = 0
  const tls = createHttpsServer({ key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) }, (_q, res) => {
    reachedTls++
    res.end('{}')
  })
  const big = createServer((_q, res) => res.end(`{"a":"${'x'.repeat(1024 * 1024)}"}`))
  const listen = async (s: Server) => {
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok))
    return (s.address() as AddressInfo).port
  }
  const tlsPort = await listen(tls as unknown as Server)
  const bigPort = await listen(big)
  const ex = (url: string, live: boolean) => async (): Promise<Answer> => {
    const e = await postForm(url, { a: '1' }, 3_000, 'k', { live })
    return e.ok ? { ok: true } : { ok: false, error: { code: /certificate rejected/.test(e.reason) ? 'CERT' : /refused before sending/.test(e.reason) ? 'REFUSED' : /too large/.test(e.reason) ? 'TOO_LARGE' : 'OTHER' } }
  }
  const r = await count(
    [ex(`https://127.0.0.1:${tlsPort}/pay`, true), ex(`https://127.0.0.1:${tlsPort}/pay`, false), ex('http://gateway.example.com/pay', true), ex(`http://127.0.0.1:${bigPort}/pay`, true)],
    ['CERT', 'REFUSED', 'TOO_LARGE'],
  )
  await new Promise<void>((ok) => tls.close(() => ok()))
  await new Promise<void>((ok) => big.close(() => ok()))
  return { attack: 'gateway transport: self-signed certificate, plain http in live mode, oversized answer', ...r, held: r.refused === r.tried && reachedTls === 0, detail: `${reachedTls} requests reached the untrusted server` }
}

export async function runSecurity(log: (s: string) => void = () => {}): Promise<AttackResult[]> {
  const out: AttackResult[] = []
  for (const attack of [noPinYet, pinGuessing, nativeCode, harness, customerDisplay, transport]) {
    log(`security: ${attack.name}`)
    out.push(await attack())
  }
  return out
}
