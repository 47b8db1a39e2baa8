// The browser-harness transport: the same contract over a loopback WebSocket.
// Malformed payloads get a typed VALIDATION error and never reach a service;
// a connection from a foreign origin is refused and logged.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startTestCore, type TestCore } from '../test-support/payments-kit'
import type { Result } from '../shared/result'
import { startHarness, type Harness } from './server'

let core: TestCore
let harness: Harness
let staticDir: string

beforeAll(async () => {
  core = await startTestCore()
  staticDir = mkdtempSync(join(tmpdir(), 'counter-web-'))
  mkdirSync(staticDir, { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>')
  harness = await startHarness({ core, log: core.log, staticDir })
})
afterAll(async () => {
  await harness.close()
  await core.dispose()
})

function connect(origin = `http://127.0.0.1:${harness.port}`, token: string | null = harness.token): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/pos${token === null ? '' : `?token=${encodeURIComponent(token)}`}`, { origin })
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
  })
}

let nextId = 1
function call(ws: WebSocket, name: string, payload: unknown): Promise<Result<unknown>> {
  const id = nextId++
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as { type: string; id?: number; result?: Result<unknown> }
      if (msg.type === 'result' && msg.id === id) {
        ws.off('message', onMessage)
        resolve(msg.result as Result<unknown>)
      }
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ type: 'call', id, name, payload }))
  })
}

describe('browser harness transport', () => {
  it('serves the UI with a strict CSP', async () => {
    const res = await fetch(harness.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('answers app:info through the contract', async () => {
    const ws = await connect()
    const r = await call(ws, 'app:info', {})
    expect(r.ok).toBe(true)
    expect(r.ok && (r.value as { mode: string }).mode).toBe('demo')
    ws.close()
  })

  it('refuses a connection from a foreign origin, and logs it', async () => {
    await expect(connect('http://evil.example')).rejects.toThrow(/403/)
    expect(core.log.text()).toContain('unknown sender refused')
  })

  it('the served page carries this launch’s token; the socket needs it (missing or wrong: 403)', async () => {
    const page = await (await fetch(harness.url)).text()
    expect(page).toContain(`<meta name="counter-harness-token" content="${harness.token}">`)
    expect(page.startsWith('<!doctype html>')).toBe(true) // still standards mode
    expect(harness.token.length).toBeGreaterThanOrEqual(32)
    await expect(connect(undefined, null)).rejects.toThrow(/403/)
    await expect(connect(undefined, '')).rejects.toThrow(/403/)
    await expect(connect(undefined, harness.token.slice(0, -1) + (harness.token.endsWith('A') ? 'B' : 'A'))).rejects.toThrow(/403/)
    // A second harness (another launch) has another token.
    const other = await startHarness({ core, log: core.log, staticDir })
    expect(other.token).not.toBe(harness.token)
    await other.close()
  })

  it('a malformed URL answers 400 and the server keeps serving', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/..%2F..%2Fetc%2Fpasswd%']) {
      const res = await fetch(`${harness.url.slice(0, -1)}${path}`)
      expect(res.status, path).toBe(400)
    }
    // Raw garbage on the socket: 400, still up.
    const { connect: tcp } = await import('node:net')
    const answer = await new Promise<string>((resolve) => {
      const sock = tcp(harness.port, '127.0.0.1', () => sock.write('\x00\x01 NOT HTTP\r\n\r\n'))
      let got = ''
      sock.on('data', (d) => (got += d.toString()))
      sock.on('close', () => resolve(got))
      sock.on('error', () => resolve(got))
    })
    expect(answer).toContain('400')
    expect((await fetch(harness.url)).status).toBe(200)
  })

  it('an oversized frame closes only that socket (1009, logged); the server and other sockets stay up', async () => {
    const bystander = await connect()
    const ws = await connect()
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    ws.on('error', () => {}) // the client sees the close; the server must not crash
    ws.send('x'.repeat(2 * 1024 * 1024))
    expect(await closed).toBe(1009)
    expect(core.log.text()).toContain('connection closed on error')
    const r = await call(bystander, 'app:health', {})
    expect(r.ok).toBe(true)
    const fresh = await connect()
    expect((await call(fresh, 'app:info', {})).ok).toBe(true)
    fresh.close()
    bystander.close()
  })

  it('malformed payloads get VALIDATION and change nothing', async () => {
    const ws = await connect()
    const before = core.services.journal.db.prepare('SELECT count(*) n FROM orders').get()
    const bad: [string, unknown][] = [
      ['payment:payByCode', { amountFen: '12.00', authCode: '134567890123450000' }], // wrong type
      ['payment:payByCode', { amountFen: 1.5, authCode: '134567890123450000' }], // float money
      ['payment:payByCode', { amountFen: 100, authCode: '134567890123450000', extra: 1 }], // extra field
      ['payment:payByCode', { amountFen: 100, authCode: 'x'.repeat(200_000) }], // huge string
      ['app:echo', { text: 'y'.repeat(10_000) }],
      ['payment:payByCode', null],
      ['refunds:create', { outTradeNo: "1'; DROP TABLE orders;--", amountFen: 1, pin: '1234' }],
    ]
    for (const [name, payload] of bad) {
      const r = await call(ws, name, payload)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('VALIDATION')
    }
    const unknown = await call(ws, 'payment:steal', {})
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_CALL')
    expect(core.services.journal.db.prepare('SELECT count(*) n FROM orders').get()).toEqual(before)
    expect(core.services.journal.audit.all()).toHaveLength(0)
    ws.close()
  })

  it('a message that is not JSON is answered, not fatal', async () => {
    const ws = await connect()
    const answer = new Promise<string>((resolve) => ws.once('message', (d) => resolve(d.toString())))
    ws.send('{not json')
    expect(JSON.parse(await answer).result.error.code).toBe('VALIDATION')
    const r = await call(ws, 'app:health', {})
    expect(r.ok).toBe(true)
    ws.close()
  })

  it('forwards core events to the page', async () => {
    const ws = await connect()
    const got = new Promise<{ event: string }>((resolve) =>
      ws.on('message', (d) => {
        const m = JSON.parse(d.toString()) as { type: string; event: string }
        if (m.type === 'event' && m.event === 'shifts:changed') resolve(m)
      }),
    )
    const r = await call(ws, 'shifts:open', { cashier: '张三', floatFen: 10000 })
    expect(r.ok).toBe(true)
    expect((await got).event).toBe('shifts:changed')
    ws.close()
  })
})
