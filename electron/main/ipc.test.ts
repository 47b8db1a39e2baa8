import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCore, type Core } from '../core/create-core'
import { memoryLogger, type MemoryLogger } from '../core/logger'
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
  unregister = registerIpc({ core, origin, trusted: () => windows.contents(), log })
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

  it('the customer display is trusted too', async () => {
    const customer = windows.customer as unknown as BrowserWindow
    const answer = await ipcMain.invoke('app:echo', customer.webContents, customer.webContents.mainFrame, { text: '你好' })
    expect(answer).toEqual({ ok: true, value: { text: '你好' } })
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
    expect(problemsSent(customer)).toEqual([['app:problem', problem]])
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
