// The browser harness: the same core, the same contract, over a WebSocket on
// loopback, plus the built renderer served as static files. Used by the e2e
// suite and by machines without the Electron binary (`npm run start:browser`).
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Core } from '../core/create-core'
import type { Logger } from '../kernel/logger'
import { fail } from '../shared/result'
import { HARNESS_MAX_MESSAGE_BYTES, HARNESS_PATH, HARNESS_TOKEN_META, parseClientMessage, type ServerMessage } from '../shared/harness-protocol'
import { harnessContentSecurityPolicy } from '../shared/csp'

export interface HarnessOptions {
  core: Core
  log: Logger
  /** Built renderer (vite build --config app/vite.config.ts → out/web). */
  staticDir: string
  port?: number
}

export interface Harness {
  url: string
  port: number
  /** This launch's token (tests present it like the served page does). */
  token: string
  server: Server
  close(): Promise<void>
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wav': 'audio/wav',
  '.ico': 'image/x-icon',
}

/** The page with this launch's token in a meta tag (after <head>, else after the doctype). */
function withToken(html: string, token: string): string {
  const meta = `<meta name="${HARNESS_TOKEN_META}" content="${token}">`
  const at = /<head[^>]*>/i.exec(html) ?? /<!doctype[^>]*>/i.exec(html)
  return at ? html.slice(0, at.index + at[0].length) + meta + html.slice(at.index + at[0].length) : meta + html
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const { core, log } = options
  const root = resolve(options.staticDir)
  let port = 0

  // Only a page this server served knows the token: a page of another site (or
  // another local program guessing the port) cannot drive the core.
  const token = randomBytes(24).toString('base64url')
  const tokenOk = (given: string | null) => {
    const a = Buffer.from(given ?? '')
    const b = Buffer.from(token)
    return a.length === b.length && timingSafeEqual(a, b)
  }

  const server = createServer((req, res) => {
    let path: string
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('bad request: malformed URL')
      return
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path))
    const target = file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html')
    if (!existsSync(target)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('renderer not built: run `npm run build:web`')
      return
    }
    res.writeHead(200, {
      'content-type': MIME[extname(target)] ?? 'application/octet-stream',
      'content-security-policy': harnessContentSecurityPolicy(port),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    })
    if (extname(target) === '.html') {
      res.end(withToken(readFileSync(target, 'utf8'), token))
      return
    }
    createReadStream(target).on('error', () => res.destroy()).pipe(res)
  })
  // Garbage on the socket (bad request line, oversized headers, resets): answer 400 or drop it; never crash.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    log.warn('harness: bad HTTP request', { error: err.code ?? err.message })
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n')
    else socket.destroy()
  })

  // The only trusted sender is a page this server served: same origin, loopback.
  const trusted = (req: IncomingMessage) => req.headers.origin === `http://127.0.0.1:${port}` || req.headers.origin === `http://localhost:${port}`

  const wss = new WebSocketServer({ noServer: true, maxPayload: HARNESS_MAX_MESSAGE_BYTES })
  wss.on('error', (e) => log.warn('harness: websocket server error', { error: e.message }))
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', (e: Error) => log.warn('harness: socket error', { error: e.message }))
    let url: URL | null = null
    try {
      url = new URL(req.url ?? '', 'http://harness')
    } catch {
      url = null
    }
    if (!url || url.pathname !== HARNESS_PATH || !trusted(req) || !tokenOk(url.searchParams.get('token'))) {
      log.warn('harness: connection from unknown sender refused', { origin: String(req.headers.origin ?? '(none)').slice(0, 100), token: url?.searchParams.has('token') ? 'wrong' : 'missing' })
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n')
      socket.destroy()
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  const clients = new Set<WebSocket>()
  const send = (ws: WebSocket, msg: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg))
  }
  const unsubscribe = core.bus.subscribe((event, payload) => {
    for (const ws of clients) send(ws, { type: 'event', event, payload })
  })

  wss.on('connection', (ws) => {
    clients.add(ws)
    ws.on('close', () => clients.delete(ws))
    // e.g. a frame above maxPayload: ws closes this socket with 1009; only it goes.
    ws.on('error', (e) => log.warn('harness: connection closed on error', { error: e.message.slice(0, 200) }))
    ws.on('message', async (data) => {
      const msg = parseClientMessage(data.toString())
      if (!msg.ok) {
        log.warn('harness: malformed message refused', { reason: msg.reason })
        send(ws, { type: 'result', id: msg.id, result: fail('VALIDATION', msg.reason) })
        return
      }
      const result = await core.dispatch(msg.name, msg.payload)
      send(ws, { type: 'result', id: msg.id, result })
    })
  })

  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok))
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    server,
    close: async () => {
      unsubscribe()
      for (const ws of clients) ws.terminate()
      await new Promise<void>((ok) => wss.close(() => ok()))
      await new Promise<void>((ok) => server.close(() => ok()))
    },
  }
}
