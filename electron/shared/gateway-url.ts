// The one rule for a gateway base URL: a live counter talks https; plain http
// is accepted in demo mode and, in live mode, only for a loopback host (a local
// test gateway or a proxy on this machine). Shared so the renderer can say it
// while typing; the settings service enforces it.
import type { AppMode } from './contract/app'

export type GatewayUrlProblem = 'invalid' | 'https-required'

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname)
}

/** null when `url` may be used as the gateway in `mode`. */
export function gatewayUrlProblem(url: string, mode: AppMode): GatewayUrlProblem | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'invalid'
  }
  if (parsed.protocol === 'https:') return null
  if (parsed.protocol !== 'http:') return 'invalid'
  return mode === 'demo' || isLoopbackHost(parsed.hostname) ? null : 'https-required'
}
