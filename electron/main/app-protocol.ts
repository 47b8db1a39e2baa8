// Serves the built renderer (out/renderer, inside app.asar when packaged) on
// app://counter/. A custom privileged scheme instead of file:// because the
// grantFileProtocolExtraPrivileges fuse is off: file:// pages then behave as in
// a browser (no ES module scripts), and file:// could reach any file on disk.
// Every response carries our CSP header.
import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { protocol } from 'electron'
import type { Logger } from '../kernel/logger'
import { APP_HOST, APP_SCHEME } from './app-origin'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
}

/** Must run before app 'ready': gives app:// a real origin, so 'self' in the CSP and fetch work. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ])
}

/** The file under rendererDir for an app:// URL, or null if it is not ours or escapes the folder. */
export function resolveBundleFile(rendererDir: string, url: string): string | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return null
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(u.pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  const base = resolve(rendererDir)
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`)
  return file.startsWith(base + sep) ? file : null
}

/** Answers one app:// request: the file with its type and our CSP, or 404. */
export async function serveBundleFile(rendererDir: string, url: string, csp: string): Promise<Response> {
  const headers = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff' }
  const file = resolveBundleFile(rendererDir, url)
  if (!file) return new Response('not found', { status: 404, headers })
  try {
    const body = await readFile(file)
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'
    return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, 'content-type': type } })
  } catch {
    return new Response('not found', { status: 404, headers })
  }
}

/** After 'ready': route app:// to the renderer folder. */
export function handleAppScheme(rendererDir: string, csp: string, log: Logger): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const response = await serveBundleFile(rendererDir, request.url, csp)
    if (response.status === 404) log.warn('app protocol: not found', { url: request.url.slice(0, 200) })
    return response
  })
}
