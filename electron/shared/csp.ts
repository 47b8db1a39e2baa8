// The renderer's Content-Security-Policy, written once. Electron main sets it as
// a response header on every page it serves (app:// protocol and the dev
// server); the browser harness serves the same policy plus its own WebSocket.
// No Node, no Electron here, so every process, the build config and tests can read it.

/** Production policy: only our own bundle; antd needs inline styles (style-src 'unsafe-inline'). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

/**
 * Dev-server policy (never used when packaged): Vite's HMR needs its websocket
 * and React Refresh injects one inline preamble script.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const ws = new URL(devServerUrl)
  ws.protocol = ws.protocol === 'https:' ? 'wss:' : 'ws:'
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${ws.origin}`,
  )
}

/** The browser harness (development and CI): the same policy plus the harness's WebSocket on loopback. */
export function harnessContentSecurityPolicy(port: number): string {
  return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ws://127.0.0.1:${port}`)
}
