// The security baseline (../shared/DESIGN.md "Security baseline"), written once
// and explicitly: every window gets secureWebPreferences, the session gets the
// CSP header and deny-all permission handlers, and every webContents ever
// created (windows, devtools, anything) gets navigation and window-open guards.
import { app, session, type Session, type WebContents, type WebPreferences } from 'electron'
import type { Logger } from '../kernel/logger'
import type { AppOrigin } from './app-origin'

/** `devTools`: only in development; the packaged app never opens them (a counter is used by anyone). */
export function secureWebPreferences(preloadPath: string, devTools = false): WebPreferences {
  return {
    preload: preloadPath,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  }
}

/** Replace any CSP the server sent (any letter case) with ours. */
export function withCspHeader(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value
  }
  out['Content-Security-Policy'] = [csp]
  return out
}

/** CSP header on every response and no permission for anything (camera, mic, notifications, HID, serial…). */
export function secureSession(ses: Session, origin: AppOrigin, log: Logger): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, origin.csp) })
  })
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    log.warn('security: permission request denied', { permission, url: String(details.requestingUrl ?? '').slice(0, 200) })
    callback(false)
  })
  ses.setPermissionCheckHandler(() => false)
  // Devices are driven from main (node-hid, serialport), never from a page.
  ses.setDevicePermissionHandler(() => false)
  // Downloads: only files our own page made (the shift report CSV is a blob: of our origin);
  // Electron then asks the cashier where to save it.
  ses.on('will-download', (_event, item) => {
    const url = item.getURL()
    if (url.startsWith('blob:') && origin.isAppUrl(url.slice('blob:'.length))) {
      log.info('download: saving a file from the app', { file: item.getFilename().slice(0, 100) })
      return
    }
    log.warn('security: download blocked', { url: url.slice(0, 200) })
    item.cancel()
  })
}

/** Navigation, redirects, new windows and <webview> refused unless it is our own page. */
export function hardenWebContents(contents: WebContents, origin: AppOrigin, log: Logger, packaged = false): void {
  if (packaged) {
    // Belt and braces over webPreferences.devTools = false: anything that opens them closes them again.
    contents.on('devtools-opened', () => {
      contents.closeDevTools()
      log.warn('security: devtools closed (packaged app)')
    })
  }
  const guard = (kind: string) => (event: { preventDefault(): void; url: string }) => {
    if (origin.isAppUrl(event.url)) return
    event.preventDefault()
    log.warn(`security: ${kind} blocked`, { url: event.url.slice(0, 200) })
  }
  contents.on('will-navigate', guard('navigation'))
  contents.on('will-redirect', guard('redirect'))
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('security: webview blocked')
  })
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('security: window.open denied', { url: url.slice(0, 200) })
    return { action: 'deny' }
  })
}

/** Applies the whole baseline: the default session now, every webContents as it is created. */
export function applySecurityBaseline(origin: AppOrigin, log: Logger): void {
  secureSession(session.defaultSession, origin, log)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origin, log, app.isPackaged))
}
