import type { WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryLogger } from '../kernel/logger'
import { resolveAppOrigin } from './app-origin'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { applySecurityBaseline, hardenWebContents, withCspHeader } from './security'
import { app, BrowserWindow, FakeDownloadItem, resetFakeElectron, session } from './test-support/fake-electron'
import { AppWindows } from './windows'

vi.mock('electron', () => import('./test-support/fake-electron'))

const origin = resolveAppOrigin({ isPackaged: true })

function setup() {
  const log = memoryLogger()
  applySecurityBaseline(origin, log)
  const windows = new AppWindows({ origin, preloadPath: '/app/out/preload/index.cjs', log, show: false })
  const win = windows.openCashier() as unknown as BrowserWindow
  return { log, win }
}

beforeEach(() => resetFakeElectron())

describe('window webPreferences', () => {
  it('has every security flag set explicitly, and our preload', () => {
    const { win } = setup()
    expect(win.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      devTools: false,
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
    })
  })
})

describe('Content-Security-Policy', () => {
  it('is the strict policy from the design', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ')
    expect(directives).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'none'",
      ]),
    )
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/)
  })

  it('is set on every response by the session, replacing any CSP the server sent', () => {
    setup()
    const listener = session.defaultSession.headersListener
    expect(listener).not.toBeNull()
    let answer: { responseHeaders?: Record<string, string[]> } = {}
    listener?.({ url: 'app://counter/index.html', responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, (r) => (answer = r))
    expect(answer.responseHeaders).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'X-Other': ['1'] })
  })

  it('withCspHeader works without headers', () => {
    expect(withCspHeader(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] })
  })

  it('in development allows only the dev server websocket and the inline refresh preamble', () => {
    const dev = resolveAppOrigin({ isPackaged: false, devServerUrl: 'http://localhost:5173' })
    expect(dev.csp).toContain("connect-src 'self' ws://localhost:5173")
    expect(dev.csp).toContain("script-src 'self' 'unsafe-inline'")
    expect(dev.csp).toContain("object-src 'none'")
  })
})

describe('navigation and new windows', () => {
  it('refuses navigation and redirects to a foreign URL, and logs it', () => {
    const { win, log } = setup()
    expect(win.webContents.attempt('will-navigate', 'https://evil.example/phish')).toBe(true)
    expect(win.webContents.attempt('will-redirect', 'file:///etc/passwd')).toBe(true)
    expect(win.webContents.attempt('will-navigate', 'app://evil/index.html')).toBe(true)
    expect(log.text()).toContain('security: navigation blocked')
    expect(log.text()).toContain('https://evil.example/phish')
    expect(log.text()).toContain('security: redirect blocked')
  })

  it('allows navigation within our own app', () => {
    const { win } = setup()
    expect(win.webContents.attempt('will-navigate', 'app://counter/index.html#/customer')).toBe(false)
  })

  it('denies window.open and <webview> for every webContents, even ones we did not create', () => {
    const { win } = setup()
    expect(win.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' })
    expect(win.webContents.windowOpenHandler?.({ url: 'app://counter/index.html' })).toEqual({ action: 'deny' })
    expect(win.webContents.attempt('will-attach-webview', 'https://evil.example')).toBe(true)
    // Any other webContents (devtools, a future window) is hardened the moment it is created.
    const other = new BrowserWindow({})
    expect(other.webContents.windowOpenHandler?.({ url: 'https://x.example' })).toEqual({ action: 'deny' })
    expect(app.listenerCount('web-contents-created')).toBeGreaterThan(0)
  })

  it('hardenWebContents in the dev origin trusts only the dev server', () => {
    const dev = resolveAppOrigin({ isPackaged: false, devServerUrl: 'http://localhost:5173' })
    const win = new BrowserWindow({})
    hardenWebContents(win.webContents as unknown as WebContents, dev, memoryLogger())
    expect(win.webContents.attempt('will-navigate', 'http://localhost:5173/#/customer')).toBe(false)
    expect(win.webContents.attempt('will-navigate', 'http://localhost:5174/')).toBe(true)
    expect(win.webContents.attempt('will-navigate', 'app://counter/index.html')).toBe(true)
  })

  it('in the packaged app, DevTools opened by any means are closed again', () => {
    const packaged = new BrowserWindow({})
    hardenWebContents(packaged.webContents as unknown as WebContents, origin, memoryLogger(), true)
    packaged.webContents.emit('devtools-opened')
    expect(packaged.webContents.devToolsClosed).toBe(1)
    const dev = new BrowserWindow({})
    hardenWebContents(dev.webContents as unknown as WebContents, origin, memoryLogger(), false)
    dev.webContents.emit('devtools-opened')
    expect(dev.webContents.devToolsClosed).toBe(0)
  })
})

describe('permissions', () => {
  it('denies every permission request and check, and logs requests', () => {
    const { log } = setup()
    const ses = session.defaultSession
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'openExternal']) {
      let granted: boolean | null = null
      ses.permissionRequest?.({}, permission, (g) => (granted = g), { requestingUrl: 'app://counter/index.html' })
      expect(granted).toBe(false)
      expect(ses.permissionCheck?.({}, permission, 'app://counter', {})).toBe(false)
    }
    expect(ses.devicePermission?.({ deviceType: 'hid', origin: 'app://counter' })).toBe(false)
    expect(log.lines.filter((l) => l.message === 'security: permission request denied')).toHaveLength(7)
  })
})

describe('downloads', () => {
  it('only files our page made (blob: of our origin) are saved; anything else is cancelled and logged', () => {
    const { log } = setup()
    const ours = new FakeDownloadItem('blob:app://counter/6f1c2a9e-0000-4000-8000-000000000000', 'shift-1-Z.csv')
    const foreign = new FakeDownloadItem('https://evil.example/payload.exe', 'payload.exe')
    const foreignBlob = new FakeDownloadItem('blob:https://evil.example/abc', 'x.csv')
    for (const item of [ours, foreign, foreignBlob]) session.defaultSession.events.emit('will-download', {}, item, {})
    expect([ours.cancelled, foreign.cancelled, foreignBlob.cancelled]).toEqual([false, true, true])
    expect(log.lines.filter((l) => l.message === 'security: download blocked')).toHaveLength(2)
  })
})

describe('app origin', () => {
  it('packaged: only app://counter is ours, whatever the environment says', () => {
    const packaged = resolveAppOrigin({ isPackaged: true, devServerUrl: 'http://evil.example' })
    expect(packaged.kind).toBe('bundle')
    expect(packaged.pageUrl()).toBe('app://counter/index.html')
    expect(packaged.pageUrl('/customer')).toBe('app://counter/index.html#/customer')
    for (const url of ['app://counter/index.html', 'app://counter/assets/x.js']) expect(packaged.isAppUrl(url)).toBe(true)
    for (const url of ['http://evil.example/', 'app://counter.evil/', 'app://user@counter/', 'file:///app/index.html', 'https://counter/', 'not a url', ''])
      expect(packaged.isAppUrl(url)).toBe(false)
  })

  it('unpackaged with a dev server: that origin only; a non-http dev URL is ignored', () => {
    const dev = resolveAppOrigin({ isPackaged: false, devServerUrl: 'http://localhost:5173' })
    expect(dev.kind).toBe('dev')
    expect(dev.pageUrl('/customer')).toBe('http://localhost:5173/#/customer')
    expect(resolveAppOrigin({ isPackaged: false, devServerUrl: 'javascript:alert(1)' }).kind).toBe('bundle')
    expect(resolveAppOrigin({ isPackaged: false }).kind).toBe('bundle')
  })
})
