import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryLogger } from '../kernel/logger'
import type { AppProblem } from '../shared/contract'
import { installErrorHandlers, watchResponsiveness } from './errors'
import { app, BrowserWindow, dialog, resetFakeElectron } from './test-support/fake-electron'

vi.mock('electron', () => import('./test-support/fake-electron'))

function setup(options: { coreReady?: boolean } = {}) {
  const log = memoryLogger()
  const proc = new EventEmitter()
  const problems: AppProblem[] = []
  let t = 1_000_000
  installErrorHandlers({ log, proc, report: () => (options.coreReady === false ? null : (p) => problems.push(p)), now: () => (t += 1000) })
  return { log, proc, problems }
}

beforeEach(() => resetFakeElectron())

describe('main process errors', () => {
  it('an uncaught exception is logged, reported, shown in a dialog, and the app relaunches', () => {
    const { log, proc, problems } = setup()
    proc.emit('uncaughtException', new Error('boom with merchantKey=SECRET123'))
    expect(log.lines[0]).toMatchObject({ level: 'error', message: 'main: uncaught exception' })
    expect(problems).toEqual([expect.objectContaining({ kind: 'crash' })])
    // The cashier never sees the error text (it could carry a secret).
    expect(problems[0]?.message).not.toContain('SECRET123')
    expect(dialog.errorBoxes).toHaveLength(1)
    expect(app.relaunched).toBe(1)
    expect(app.exitCodes).toEqual([1])
  })

  it('an unhandled rejection is logged and reported, and the app keeps running', () => {
    const { log, proc, problems } = setup()
    proc.emit('unhandledRejection', new Error('late failure'))
    expect(log.text()).toContain('main: unhandled rejection')
    expect(log.text()).toContain('late failure')
    expect(problems).toHaveLength(1)
    expect(app.exitCodes).toEqual([])
    expect(dialog.errorBoxes).toHaveLength(0)
  })

  it('before the core exists, errors are still logged', () => {
    const { log, proc, problems } = setup({ coreReady: false })
    proc.emit('unhandledRejection', 'early')
    expect(problems).toEqual([])
    expect(log.text()).toContain('early')
  })
})

describe('renderer and child processes', () => {
  it('a crashed renderer is logged, reported and reloaded', () => {
    const { log, problems } = setup()
    const win = new BrowserWindow({})
    void win.loadURL('app://counter/index.html')
    app.emit('render-process-gone', {}, win.webContents, { reason: 'crashed', exitCode: 139 })
    expect(win.webContents.reloads).toBe(1)
    expect(problems).toEqual([expect.objectContaining({ kind: 'renderer-gone' })])
    expect(log.lines[0]).toMatchObject({ level: 'error', message: 'renderer gone', fields: { reason: 'crashed', exitCode: 139 } })
  })

  it('a renderer that keeps crashing is not reloaded forever: a dialog instead', () => {
    setup()
    const win = new BrowserWindow({})
    for (let i = 0; i < 5; i++) app.emit('render-process-gone', {}, win.webContents, { reason: 'oom', exitCode: 1 })
    expect(win.webContents.reloads).toBe(3)
    expect(dialog.errorBoxes.length).toBeGreaterThanOrEqual(1)
  })

  it('a clean exit is not a crash to recover from', () => {
    setup()
    const win = new BrowserWindow({})
    app.emit('render-process-gone', {}, win.webContents, { reason: 'clean-exit', exitCode: 0 })
    expect(win.webContents.reloads).toBe(0)
  })

  it('a crashed GPU process is logged and reported; a clean exit is ignored', () => {
    const { log, problems } = setup()
    app.emit('child-process-gone', {}, { type: 'Utility', reason: 'clean-exit', exitCode: 0 })
    expect(log.lines).toHaveLength(0)
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 9 })
    expect(log.text()).toContain('child process gone')
    expect(problems).toHaveLength(1)
  })

  it('an unresponsive window is logged and reported', () => {
    const log = memoryLogger()
    const problems: AppProblem[] = []
    const win = new BrowserWindow({})
    watchResponsiveness(win as unknown as Parameters<typeof watchResponsiveness>[0], 'cashier', { log, report: () => (p) => problems.push(p), now: () => 5 })
    win.emit('unresponsive')
    win.emit('responsive')
    expect(problems).toEqual([expect.objectContaining({ kind: 'renderer-gone', at: 5 })])
    expect(log.lines.map((l) => l.message)).toEqual(['window unresponsive', 'window responsive again'])
  })
})
