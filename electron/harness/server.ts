// The browser harness: the same core, the same contract, over a WebSocket on
// loopback, plus the built renderer served as static files. Used by the e2e
// suite and by machines without the Electron binary (`npm run start:browser`).
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Core } from '../core/create-core'
import type { Logger } from '../core/logger'
import { fail } from '../shared/result'
import { HARNESS_PATH, parseClientMessage, type ServerMessage } from '../shared/harness-protocol'

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

// Same policy as the Electron window, plus the harness's own WebSocket.
function csp(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ')
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const { core, log } = options
  const root = resolve(options.staticDir)
  let port = 0

  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')
    const file = normalize(join(root, path === '/' ? 'index.html' : path))
    const target = file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html')
    if (!existsSync(target)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('renderer not built: run `npm run build:web`')
      return
    }
    res.writeHead(200, {
      'content-type': MIME[extname(target)] ?? 'application/octet-stream',
      'content-security-policy': csp(port),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    })
    createReadStream(target).pipe(res)
  })

  // The only trusted sender is a page this server served: same origin, loopback.
  const trusted = (req: IncomingMessage) => req.headers.origin === `http://127.0.0.1:${port}` || req.headers.origin === `http://localhost:${port}`

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 })
  server.on('upgrade', (req, socket, head) => {
    if (req.url !== HARNESS_PATH || !trusted(req)) {
      log.warn('harness: connection from unknown sender refused', { origin: String(req.headers.origin ?? '(none)').slice(0, 100) })
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
    server,
    close: async () => {
      unsubscribe()
      for (const ws of clients) ws.terminate()
      await new Promise<void>((ok) => wss.close(() => ok()))
      await new Promise<void>((ok) => server.close(() => ok()))
    },
  }
}
