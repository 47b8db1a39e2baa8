// The app's windows: the cashier window, and a customer display (amount, QR
// code) on a second screen when one is connected. Both load our renderer from
// the app bundle (or the dev server in development); the customer display is
// the renderer's #/customer route. `AppWindows` is also the list the IPC sender
// check and event forwarding trust.
import { dirname, join } from 'node:path'
import { BrowserWindow, screen, type Display, type WebContents } from 'electron'
import type { Logger } from '../kernel/logger'
import type { AppOrigin } from './app-origin'
import { secureWebPreferences } from './security'

export const CUSTOMER_ROUTE = '/customer'

export interface WindowOptions {
  origin: AppOrigin
  /** The cashier window's preload (the whole contract). */
  preloadPath: string
  /** The customer display's own preload (the read-only slice); default: customer.cjs next to preloadPath. */
  customerPreloadPath?: string
  /** DevTools allowed (development only; the packaged app passes false). */
  devTools?: boolean
  log: Logger
  /** Show the window as soon as it is ready (false in tests). */
  show?: boolean
  /** Called for every window created (error handling hooks in). */
  onCreated?: (win: BrowserWindow, name: 'cashier' | 'customer') => void
}

export class AppWindows {
  cashier: BrowserWindow | null = null
  customer: BrowserWindow | null = null
  constructor(private readonly options: WindowOptions) {}

  /** Live webContents of our windows (never a destroyed one). */
  contents(): WebContents[] {
    return [this.cashier, this.customer].filter((w): w is BrowserWindow => w !== null && !w.isDestroyed()).map((w) => w.webContents)
  }

  /** The customer display's webContents, when it is open. */
  customerContents(): WebContents | null {
    return this.customer && !this.customer.isDestroyed() ? this.customer.webContents : null
  }

  isOurs(contents: WebContents): boolean {
    return this.contents().includes(contents)
  }

  openCashier(): BrowserWindow {
    if (this.cashier && !this.cashier.isDestroyed()) return this.cashier
    const win = new BrowserWindow({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 700,
      show: false,
      title: 'Counter 收银台',
      backgroundColor: '#ffffff',
      webPreferences: secureWebPreferences(this.options.preloadPath, this.options.devTools === true),
    })
    this.cashier = win
    this.options.onCreated?.(win, 'cashier')
    this.load(win, '')
    win.once('closed', () => {
      this.cashier = null
      // The customer display has no meaning without the cashier.
      this.closeCustomer()
    })
    return win
  }

  /** Opens the customer display on the first display that is not the primary one; none → nothing. */
  openCustomer(): BrowserWindow | null {
    if (this.customer && !this.customer.isDestroyed()) return this.customer
    const target = secondDisplay()
    if (!target) return null
    const { x, y, width, height } = target.bounds
    const win = new BrowserWindow({
      x,
      y,
      width,
      height,
      show: false,
      frame: false,
      fullscreen: true,
      focusable: false,
      title: 'Counter 顾客屏',
      backgroundColor: '#ffffff',
      webPreferences: secureWebPreferences(this.options.customerPreloadPath ?? join(dirname(this.options.preloadPath), 'customer.cjs'), this.options.devTools === true),
    })
    this.customer = win
    this.options.onCreated?.(win, 'customer')
    this.load(win, CUSTOMER_ROUTE)
    win.once('closed', () => {
      this.customer = null
    })
    return win
  }

  closeCustomer(): void {
    if (this.customer && !this.customer.isDestroyed()) this.customer.close()
    this.customer = null
  }

  /** Follow screens being plugged in and out. Returns a function that stops following. */
  followDisplays(): () => void {
    const changed = () => {
      if (secondDisplay()) {
        if (this.cashier && !this.cashier.isDestroyed()) this.openCustomer()
      } else this.closeCustomer()
    }
    screen.on('display-added', changed)
    screen.on('display-removed', changed)
    return () => {
      screen.off('display-added', changed)
      screen.off('display-removed', changed)
    }
  }

  private load(win: BrowserWindow, route: string): void {
    const url = this.options.origin.pageUrl(route)
    if (this.options.show !== false) win.once('ready-to-show', () => win.show())
    win.loadURL(url).catch((e: unknown) => {
      this.options.log.error('window: page failed to load', { url, error: e instanceof Error ? e.message : String(e) })
    })
  }
}

function secondDisplay(): Display | null {
  const primary = screen.getPrimaryDisplay()
  return screen.getAllDisplays().find((d) => d.id !== primary.id) ?? null
}
