// An in-memory stand-in for the parts of the `electron` module our glue uses.
// Tests load it with `vi.mock('electron', () => import('./test-support/fake-electron'))`:
// the Electron binary cannot run on these machines, so this is the one place
// where a mock is right. It records what the code asked Electron to do and lets
// a test play the part of Chromium (navigate, crash, send IPC).
import { EventEmitter } from 'node:events'
import type { BrowserWindowConstructorOptions, Display } from 'electron'

let nextProcessId = 100

export class FakeFrame {
  constructor(
    public url: string,
    public readonly processId: number,
    public readonly routingId: number,
    public readonly parent: FakeFrame | null,
  ) {}
}

interface FakeNavEvent {
  url: string
  preventDefault(): void
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame
  readonly sent: [string, unknown][] = []
  destroyed = false
  reloads = 0
  devToolsClosed = 0
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  constructor() {
    super()
    this.mainFrame = new FakeFrame('', nextProcessId++, 1, null)
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload])
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  getURL(): string {
    return this.mainFrame.url
  }
  loadURL(url: string): Promise<void> {
    this.mainFrame.url = url
    return Promise.resolve()
  }
  reload(): void {
    this.reloads++
  }
  closeDevTools(): void {
    this.devToolsClosed++
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  /** Chromium asks to navigate/redirect; true when our code prevented it. */
  attempt(kind: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false
    const event: FakeNavEvent = { url, preventDefault: () => (prevented = true) }
    this.emit(kind, event)
    return prevented
  }
  subframe(url: string): FakeFrame {
    return new FakeFrame(url, this.mainFrame.processId, 7, this.mainFrame)
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  destroyed = false
  shown = false
  constructor(public readonly options: BrowserWindowConstructorOptions) {
    super()
    FakeBrowserWindow.all.push(this)
    app.emit('web-contents-created', {}, this.webContents)
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  close(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.emit('closed')
  }
  show(): void {
    this.shown = true
  }
  focus(): void {}
  isMinimized(): boolean {
    return false
  }
  restore(): void {}
}
export { FakeBrowserWindow as BrowserWindow }

class FakeApp extends EventEmitter {
  isPackaged = false
  relaunched = 0
  exitCodes: number[] = []
  relaunch(): void {
    this.relaunched++
  }
  exit(code = 0): void {
    this.exitCodes.push(code)
  }
  quit(): void {}
  enableSandbox(): void {}
  getVersion(): string {
    return '0.1.0-test'
  }
  getPath(): string {
    return '/nonexistent'
  }
  requestSingleInstanceLock(): boolean {
    return true
  }
  whenReady(): Promise<void> {
    return Promise.resolve()
  }
}
export const app = new FakeApp()

type InvokeHandler = (event: unknown, payload: unknown) => unknown
export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    // Electron throws on a second handler for the same channel; so do we.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  },
  /** What Chromium does on ipcRenderer.invoke from `sender`'s `frame`. */
  async invoke(channel: string, sender: FakeWebContents, frame: FakeFrame | null, payload: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler({ sender, senderFrame: frame }, payload)
  },
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void
type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void
export const session = {
  defaultSession: {
    headersListener: null as HeadersListener | null,
    permissionRequest: null as PermissionRequest | null,
    permissionCheck: null as ((...args: unknown[]) => boolean) | null,
    devicePermission: null as ((...args: unknown[]) => boolean) | null,
    events: new EventEmitter(),
    on(event: string, listener: (...args: unknown[]) => void): void {
      this.events.on(event, listener)
    },
    webRequest: {
      onHeadersReceived(listener: HeadersListener): void {
        session.defaultSession.headersListener = listener
      },
    },
    setPermissionRequestHandler(handler: PermissionRequest): void {
      this.permissionRequest = handler
    },
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
      this.permissionCheck = handler
    },
    setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
      this.devicePermission = handler
    },
  },
}

/** A download Chromium is about to start (session 'will-download'). */
export class FakeDownloadItem {
  cancelled = false
  constructor(
    private readonly url: string,
    private readonly filename: string,
  ) {}
  getURL(): string {
    return this.url
  }
  getFilename(): string {
    return this.filename
  }
  cancel(): void {
    this.cancelled = true
  }
}

export const protocol = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    this.privileged.push(...schemes)
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    this.handlers.set(scheme, handler)
  },
}

class FakeScreen extends EventEmitter {
  displays: Display[] = []
  getAllDisplays(): Display[] {
    return this.displays
  }
  getPrimaryDisplay(): Display {
    const first = this.displays[0]
    if (!first) throw new Error('no display')
    return first
  }
}
export const screen = new FakeScreen()

export function fakeDisplay(id: number, x: number, width = 1920, height = 1080): Display {
  return { id, bounds: { x, y: 0, width, height }, workArea: { x, y: 0, width, height } } as Display
}

export const dialog = {
  errorBoxes: [] as { title: string; content: string }[],
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content })
  },
}

export const Menu = { setApplicationMenu(): void {} }

/** Reversible and visibly not plaintext: bytes XOR 0x5a, prefixed like Chromium's "v10". */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  isEncryptionAvailable(): boolean {
    return this.available
  },
  getSelectedStorageBackend(): string {
    return this.backend
  },
  encryptString(plain: string): Buffer {
    return Buffer.concat([Buffer.from('v10'), Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a))])
  },
  decryptString(sealed: Buffer): string {
    if (sealed.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    return Buffer.from(sealed.subarray(3).map((b) => b ^ 0x5a)).toString('utf8')
  },
}

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api)
  },
}

class FakeIpcRenderer extends EventEmitter {
  invoked: [string, unknown][] = []
  answer: (channel: string, payload: unknown) => Promise<unknown> = () => Promise.resolve({ ok: true, value: null })
  invoke(channel: string, payload: unknown): Promise<unknown> {
    this.invoked.push([channel, payload])
    return this.answer(channel, payload)
  }
}
export const ipcRenderer = new FakeIpcRenderer()

/** Back to a fresh Electron between tests. */
export function resetFakeElectron(): void {
  FakeBrowserWindow.all = []
  app.removeAllListeners()
  app.isPackaged = false
  app.relaunched = 0
  app.exitCodes = []
  ipcMain.handlers.clear()
  Object.assign(session.defaultSession, { headersListener: null, permissionRequest: null, permissionCheck: null, devicePermission: null })
  session.defaultSession.events.removeAllListeners()
  protocol.privileged = []
  protocol.handlers.clear()
  screen.removeAllListeners()
  screen.displays = [fakeDisplay(1, 0)]
  dialog.errorBoxes = []
  safeStorage.available = true
  safeStorage.backend = 'gnome_libsecret'
  contextBridge.exposed.clear()
  ipcRenderer.removeAllListeners()
  ipcRenderer.invoked = []
}
