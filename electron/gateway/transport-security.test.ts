// The gateway transport's limits, against real servers on loopback: a
// certificate the system does not trust is a failure (never ignored), live mode
// never sends over plain http to another host, sockets and answer sizes are
// bounded, and waiting for a socket counts against the timeout.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createGatewayClient } from './client'
import { GatewayAgents, MAX_ANSWER_BYTES, postForm, refuseLive } from './transport'

const servers: { close(cb: () => void): void }[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((ok) => s.close(() => ok()))))
})

async function listen(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return `127.0.0.1:${(server.address() as AddressInfo).port}`
}

function selfSignedCert(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'counter-cert-'))
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'pipe' })
  return { key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) }
}

describe('gateway transport limits', () => {
  it('a self-signed certificate is a failure: nothing is sent, the reason says why', async () => {
    let requests = 0
    const server = createHttpsServer(selfSignedCert(), (_req, res) => {
      requests++
      res.end('{}')
    })
    const host = await listen(server as unknown as Server)
    for (const live of [false, true]) {
      const ex = await postForm(`https://${host}/pay`, { a: '1' }, 5_000, 'k', { live })
      expect(ex).toMatchObject({ ok: false, httpStatus: null })
      expect(!ex.ok && ex.reason).toMatch(/certificate rejected/)
    }
    expect(requests).toBe(0)
  })

  it('live mode: plain http only to loopback, and never with certificate checks turned off', () => {
    expect(refuseLive('http://gateway.example.com/pay')).toMatch(/https/)
    expect(refuseLive('http://10.0.0.5/pay')).toMatch(/https/)
    expect(refuseLive('http://127.0.0.1:8080/pay')).toBeNull()
    expect(refuseLive('https://gateway.example.com/pay')).toBeNull()
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'
    try {
      expect(refuseLive('https://gateway.example.com/pay')).toMatch(/certificate checks are off/)
    } finally {
      if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before
    }
  })

  it('a live client refuses a non-https gateway before sending anything', async () => {
    const client = createGatewayClient({ baseUrl: 'http://gateway.invalid', agentId: 'A1', mchId: 'M1', keys: { agent: 'agent-key', merchant: 'mkey' }, mode: 'live', timeoutMs: 1_000 })
    const out = await client.orderQuery({ outTradeNo: 'T2024000001', paytype: 'WECHAT' })
    expect(out).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/refused before sending/) })
  })

  it('at most maxSockets requests (and sockets) at once; all are answered', async () => {
    let inFlight = 0
    let peak = 0
    let connections = 0
    const server = createServer((_req: IncomingMessage, res: ServerResponse) => {
      inFlight++
      peak = Math.max(peak, inFlight)
      setTimeout(() => {
        inFlight--
        res.end('{}')
      }, 30)
    })
    server.on('connection', () => connections++)
    const host = await listen(server)
    const agents = new GatewayAgents(3)
    const all = await Promise.all(Array.from({ length: 20 }, () => postForm(`http://${host}/q`, {}, 20_000, 'k', { agents })))
    agents.close()
    expect(all.every((ex) => ex.httpStatus === 200)).toBe(true)
    expect(peak).toBeLessThanOrEqual(3)
    expect(connections).toBeLessThanOrEqual(3)
  })

  it('waiting for a free socket counts against the timeout', async () => {
    const server = createServer(() => {}) // never answers
    const host = await listen(server)
    const agents = new GatewayAgents(1)
    const first = postForm(`http://${host}/q`, {}, 400, 'k', { agents })
    const second = await postForm(`http://${host}/q`, {}, 100, 'k', { agents })
    expect(!second.ok && second.reason).toMatch(/timed out after 100 ms before an answer/)
    expect(!(await first).ok).toBe(true)
    agents.close()
  })

  it('an oversized answer is refused, not read into memory', async () => {
    const server = createServer((_req, res) => {
      res.write('{"a":"')
      const chunk = 'x'.repeat(64 * 1024)
      for (let i = 0; i < (MAX_ANSWER_BYTES / chunk.length) * 2; i++) res.write(chunk)
      res.end('"}')
    })
    const host = await listen(server)
    const ex = await postForm(`http://${host}/q`, {}, 5_000, 'k')
    expect(!ex.ok && ex.reason).toMatch(/answer too large/)
  })
})
