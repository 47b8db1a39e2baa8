import { beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryLogger } from '../kernel/logger'
import { resolveAppOrigin } from './app-origin'
import { BrowserWindow, fakeDisplay, resetFakeElectron, screen } from './test-support/fake-electron'
import { AppWindows } from './windows'

vi.mock('electron', () => import('./test-support/fake-electron'))

beforeEach(() => resetFakeElectron())

function make(kind: 'bundle' | 'dev' = 'bundle') {
  const origin = resolveAppOrigin(kind === 'bundle' ? { isPackaged: true } : { isPackaged: false, devServerUrl: 'http://localhost:5173' })
  const created: string[] = []
  const windows = new AppWindows({ origin, preloadPath: '/p/index.cjs', log: memoryLogger(), show: false, onCreated: (_w, name) => created.push(name) })
  return { windows, created }
}

const asFake = (w: unknown) => w as BrowserWindow

describe('cashier window', () => {
  it('loads our bundle page, once', () => {
    const { windows, created } = make()
    const win = asFake(windows.openCashier())
    expect(win.webContents.getURL()).toBe('app://counter/index.html')
    expect(asFake(windows.openCashier())).toBe(win)
    expect(created).toEqual(['cashier'])
    expect(windows.contents()).toEqual([win.webContents])
  })

  it('loads the dev server in development', () => {
    const { windows } = make('dev')
    expect(asFake(windows.openCashier()).webContents.getURL()).toBe('http://localhost:5173/')
  })
})

describe('customer display', () => {
  it('is not opened with a single screen', () => {
    const { windows } = make()
    windows.openCashier()
    expect(windows.openCustomer()).toBeNull()
    expect(windows.contents()).toHaveLength(1)
  })

  it('opens full screen on the second screen at #/customer', () => {
    screen.displays = [fakeDisplay(1, 0), fakeDisplay(2, 1920, 1024, 768)]
    const { windows, created } = make()
    windows.openCashier()
    const win = asFake(windows.openCustomer())
    expect(win.webContents.getURL()).toBe('app://counter/index.html#/customer')
    expect(win.options).toMatchObject({ x: 1920, y: 0, width: 1024, height: 768, fullscreen: true, frame: false, focusable: false })
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    // Its own preload (the read-only customer slice), not the cashier's.
    expect(win.options.webPreferences?.preload).toBe('/p/customer.cjs')
    expect(created).toEqual(['cashier', 'customer'])
  })

  it('follows screens being plugged in and out', () => {
    const { windows } = make()
    windows.openCashier()
    const stop = windows.followDisplays()
    screen.displays = [fakeDisplay(1, 0), fakeDisplay(2, 1920)]
    screen.emit('display-added')
    const customer = asFake(windows.customer)
    expect(customer).not.toBeNull()
    screen.displays = [fakeDisplay(1, 0)]
    screen.emit('display-removed')
    expect(customer.destroyed).toBe(true)
    expect(windows.customer).toBeNull()
    stop()
    expect(screen.listenerCount('display-added')).toBe(0)
  })

  it('closes with the cashier window, and closed windows are no longer trusted', () => {
    screen.displays = [fakeDisplay(1, 0), fakeDisplay(2, 1920)]
    const { windows } = make()
    const cashier = asFake(windows.openCashier())
    const customer = asFake(windows.openCustomer())
    cashier.close()
    expect(customer.destroyed).toBe(true)
    expect(windows.contents()).toEqual([])
  })
})

describe('DevTools', () => {
  it('are off unless development asks for them', () => {
    screen.displays = [fakeDisplay(1, 0), fakeDisplay(2, 1920)]
    const { windows } = make()
    expect(asFake(windows.openCashier()).options.webPreferences?.devTools).toBe(false)
    expect(asFake(windows.openCustomer()).options.webPreferences?.devTools).toBe(false)
    const dev = new AppWindows({ origin: resolveAppOrigin({ isPackaged: false }), preloadPath: '/p/index.cjs', log: memoryLogger(), show: false, devTools: true })
    expect(asFake(dev.openCashier()).options.webPreferences?.devTools).toBe(true)
  })
})
