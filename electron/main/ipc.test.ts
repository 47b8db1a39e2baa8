import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCore, type Core } from '../core/create-core'
import { memoryLogger, type MemoryLogger } from '../kernel/logger'
import { calls } from '../shared/contract'
import { resolveAppOrigin } from './app-origin'
import { registerIpc } from './ipc'
import { BrowserWindow, FakeFrame, fakeDisplay, ipcMain, resetFakeElectron, screen } from './test-support/fake-electron'
import { AppWindows } from './windows'

vi.mock('electron', () => import('./test-support/fake-electron'))

const origin = resolveAppOrigin({ isPackaged: true })
let dir: string
let core: Core
let log: MemoryLogger
let windows: AppWindows
let dispatch: ReturnType<typeof vi.spyOn>
let cashier: BrowserWindow
let unregister: () => void

beforeEach(async () => {
  resetFakeElectron()
  screen.displays = [fakeDisplay(1, 0), fakeDisplay(2, 1920)]
  dir = mkdtempSync(join(tmpdir(), 'counter-ipc-'))
  log = memoryLogger()
  core = await createCore({ userDataDir: dir, transport: 'electron', version: '0.1.0-test', log })
  dispatch = vi.spyOn(core, 'dispatch')
  windows = new AppWindows({ origin, preloadPath: '/p/index.cjs', log, show: false })
  cashier = windows.openCashier() as unknown as BrowserWindow
  windows.openCustomer()
  unregister = registerIpc({ core, origin, trusted: () => windows.contents(), customer: () => windows.customerContents(), log })
})

afterEach(async () => {
  unregister()
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

// Only app:problem: the real core may emit other events of its own meanwhile.
const problemsSent = (win: BrowserWindow) => win.webContents.sent.filter(([channel]) => channel === 'app:problem')

const fromCashier = (name: string, payload: unknown) => ipcMain.invoke(name, cashier.webContents, cashier.webContents.mainFrame, payload)

describe('IPC registration', () => {
  it('registers exactly one handler per contract call, and removes them all again', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(calls).sort())
    unregister()
    expect(ipcMain.handlers.size).toBe(0)
    unregister = () => {}
  })
})

describe('trusted sender', () => {
  it('gets app:info through the real core', async () => {
    const answer = await fromCashier('app:info', {})
    expect(answer).toMatchObject({ ok: true, value: { name: 'Counter', version: '0.1.0-test', mode: 'demo', transport: 'electron' } })
    expect(dispatch).toHaveBeenCalledWith('app:info', {})
  })

  it('the customer display is trusted too, for its read-only slice', async () => {
    const customer = windows.customer as unknown as BrowserWindow
    const answer = await ipcMain.invoke('app:info', customer.webContents, customer.webContents.mainFrame, {})
    expect(answer).toMatchObject({ ok: true, value: { name: 'Counter' } })
  })
})

describe('untrusted sender: FORBIDDEN, logged, never reaches the core', () => {
  async function expectRefused(answer: Promise<unknown>, reason: string) {
    expect(await answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: `refused: ${reason}` } })
    expect(dispatch).not.toHaveBeenCalled()
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'ipc: sender refused', fields: expect.objectContaining({ call: 'app:echo', reason }) }))
  }

  it('a webContents that is not one of our windows', async () => {
    const stranger = new BrowserWindow({})
    await stranger.loadURL('app://counter/index.html')
    await expectRefused(ipcMain.invoke('app:echo', stranger.webContents, stranger.webContents.mainFrame, { text: 'hi' }), 'not one of our windows')
  })

  it('a subframe of our window', async () => {
    const frame = cashier.webContents.subframe('app://counter/index.html')
    await expectRefused(ipcMain.invoke('app:echo', cashier.webContents, frame, { text: 'hi' }), 'not the main frame')
  })

  it('a frame that claims to be top-level but is not our main frame', async () => {
    const other = new FakeFrame('app://counter/index.html', 999, 1, null)
    await expectRefused(ipcMain.invoke('app:echo', cashier.webContents, other, { text: 'hi' }), 'not the main frame')
  })

  it('our window showing a foreign page', async () => {
    cashier.webContents.mainFrame.url = 'https://evil.example/'
    await expectRefused(fromCashier('app:echo', { text: 'hi' }), 'page is not our app')
  })

  it('a frame that is already gone', async () => {
    await expectRefused(ipcMain.invoke('app:echo', cashier.webContents, null, { text: 'hi' }), 'frame is gone')
  })

  it('a window that was closed', async () => {
    const customer = windows.customer as unknown as BrowserWindow
    customer.close()
    await expectRefused(ipcMain.invoke('app:echo', customer.webContents, customer.webContents.mainFrame, { text: 'hi' }), 'not one of our windows')
  })
})

describe('malformed payloads: VALIDATION from the contract', () => {
  it.each([
    ['wrong type', { text: 42 }],
    ['extra field', { text: 'hi', admin: true }],
    ['a 1 MB string', { text: 'x'.repeat(1024 * 1024) }],
    ['not an object', 'hello'],
    ['missing payload', undefined],
  ])('%s', async (_what, payload) => {
    const answer = (await fromCashier('app:echo', payload)) as { ok: boolean; error?: { code: string; message: string } }
    expect(answer.ok).toBe(false)
    expect(answer.error?.code).toBe('VALIDATION')
    expect(answer.error?.message.length).toBeLessThan(1000)
  })

  it('extra fields on a call without arguments', async () => {
    expect(await fromCashier('app:info', { mode: 'live' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})

describe('events from the core', () => {
  it('reach every window showing our app, and nothing else', async () => {
    const customer = windows.customer as unknown as BrowserWindow
    const stranger = new BrowserWindow({})
    await stranger.loadURL('app://counter/index.html')
    const problem = { kind: 'device' as const, message: '扫码枪已断开', at: 1 }
    core.bus.emit('app:problem', problem)
    expect(problemsSent(cashier)).toEqual([['app:problem', problem]])
    expect(problemsSent(customer)).toEqual([]) // not one of the customer display's events
    expect(stranger.webContents.sent).toEqual([])
  })

  it('skip a window on a foreign page and stop after unregistering', () => {
    cashier.webContents.mainFrame.url = 'https://evil.example/'
    core.bus.emit('app:problem', { kind: 'device', message: 'x', at: 1 })
    expect(problemsSent(cashier)).toEqual([])
    unregister()
    unregister = () => {}
    cashier.webContents.mainFrame.url = 'app://counter/index.html'
    core.bus.emit('app:problem', { kind: 'device', message: 'x', at: 2 })
    expect(problemsSent(cashier)).toEqual([])
  })
})

describe('the customer display reaches only its read-only slice', () => {
  const PIN = '246813'
  // Valid requests (a right PIN included): refused for who sends them, not for what they say.
  const attempts: [string, unknown][] = [
    ['refunds:create', { outTradeNo: 'T2024000001', amountFen: 100, pin: PIN }],
    ['refunds:recheck', { outRefundNo: 'R2024000001' }],
    ['settings:update', { patch: { gatewayUrl: 'https://evil.example/gw' }, pin: PIN }],
    ['settings:setMode', { mode: 'live', pin: PIN }],
    ['settings:setPin', { current: PIN, next: '135792' }],
    ['settings:activate', { mobile: '13800000000', valid: '123456', pin: PIN }],
    ['settings:sendSms', { mobile: '13800000000' }],
    ['shifts:open', { cashier: '顾客', floatFen: 0 }],
    ['shifts:close', { pin: PIN }],
    ['shifts:xReport', {}],
    ['shifts:list', {}],
    ['orders:search', {}],
    ['orders:acknowledge', { outTradeNo: 'T2024000001', pin: PIN }],
    ['payment:payByCode', { amountFen: 100, authCode: '134567890123456789' }],
    ['payment:stop', { outTradeNo: 'T2024000001' }],
    ['devices:configure', { face: { kind: 'vendor', libraryPath: '/tmp/evil.so' }, pin: PIN }],
    ['devices:setFaceSdkFolders', { folders: ['/'], pin: PIN }],
    ['devices:wedgeScan', { code: '134567890123456789' }],
    ['app:echo', { text: 'hi' }],
  ]

  it('every refund, settings, shift, order, payment and device call is FORBIDDEN, logged, and never reaches the core', async () => {
    core.services.settings.setPin(PIN)
    const customer = windows.customer as unknown as BrowserWindow
    const before = JSON.stringify(core.services.settings.view())
    for (const [name, payload] of attempts) {
      const answer = await ipcMain.invoke(name, customer.webContents, customer.webContents.mainFrame, payload)
      expect(answer, name).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'refused: not for the customer display' } })
    }
    expect(dispatch).not.toHaveBeenCalled()
    expect(JSON.stringify(core.services.settings.view())).toBe(before)
    expect(core.services.shifts.current()).toBeNull()
    expect(log.lines.filter((l) => l.message === 'ipc: call refused for the customer display')).toHaveLength(attempts.length)
    // Every contract call outside the slice is covered above.
    const slice = ['app:info', 'app:health', 'settings:get', 'payment:current']
    const untested = Object.keys(calls).filter((n) => !slice.includes(n) && !attempts.some(([a]) => a === n))
    for (const name of untested) {
      const answer = await ipcMain.invoke(name, customer.webContents, customer.webContents.mainFrame, {})
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    // The same calls from the cashier window do reach the core.
    expect(await fromCashier('shifts:open', { cashier: '张三', floatFen: 0 })).toMatchObject({ ok: true })
  })

  it('gets its mirror events but never raw scans', async () => {
    const customer = windows.customer as unknown as BrowserWindow
    const scan = { source: 'hid' as const, code: '134567890123456789', paytype: 'WECHAT' as const, at: 1 }
    core.bus.emit('devices:scan', scan)
    expect(cashier.webContents.sent).toContainEqual(['devices:scan', scan])
    expect(customer.webContents.sent.filter(([c]) => c === 'devices:scan')).toEqual([])
    core.services.settings.setPin(PIN)
    expect(customer.webContents.sent.map(([c]) => c)).toContain('settings:changed')
  })
})
