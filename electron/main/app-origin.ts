// Where the renderer comes from, and the one test of "is this URL ours?" used by
// navigation guards and the IPC sender check. Packaged (and `npm start`), the UI
// is the built bundle served on app://counter/ (see app-protocol.ts); only in
// development is it electron-vite's dev server (ELECTRON_RENDERER_URL).
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../shared/csp'

export const APP_SCHEME = 'app'
export const APP_HOST = 'counter'
export const APP_BUNDLE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

export interface AppOrigin {
  /** 'bundle' = app://counter (built files); 'dev' = the Vite dev server. */
  readonly kind: 'bundle' | 'dev'
  /** URL of the renderer page for a hash route ('' = the cashier, '/customer' = customer display). */
  pageUrl(route?: string): string
  /** True only for URLs of our renderer (same scheme, host and port). */
  isAppUrl(url: string): boolean
  /** The CSP header value for pages from this origin. */
  readonly csp: string
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * The dev server is trusted only when the app is not packaged: a packaged
 * build never loads code from a URL taken from the environment.
 */
export function resolveAppOrigin(options: { isPackaged: boolean; devServerUrl?: string | undefined }): AppOrigin {
  const dev = !options.isPackaged && options.devServerUrl ? parse(options.devServerUrl) : null
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:')) {
    const origin = dev.origin
    return {
      kind: 'dev',
      pageUrl: (route = '') => `${origin}/${route ? `#${route}` : ''}`,
      isAppUrl: (url) => parse(url)?.origin === origin,
      csp: devContentSecurityPolicy(origin),
    }
  }
  return {
    kind: 'bundle',
    pageUrl: (route = '') => `${APP_BUNDLE_URL}${route ? `#${route}` : ''}`,
    isAppUrl: (url) => {
      const u = parse(url)
      // Non-special schemes keep host in `host`; origin is "null" for them, so compare parts.
      return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === ''
    },
    csp: CONTENT_SECURITY_POLICY,
  }
}
