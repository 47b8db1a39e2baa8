// The renderer's Content-Security-Policy, written once. main sets it as a
// response header on every page we serve (app:// protocol and the dev server).
// No Electron import here, so the build config and tests can read it too.

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
