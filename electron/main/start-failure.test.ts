// A start failure shows a dialog (zh-CN and English) and ends the app — with a
// real failure: the core asked to open its journal where a file blocks the folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCore } from '../core/create-core'
import { memoryLogger } from '../kernel/logger'
import { failStart } from './start-failure'
import { app, dialog, resetFakeElectron } from './test-support/fake-electron'

vi.mock('electron', () => import('./test-support/fake-electron'))

const dir = mkdtempSync(join(tmpdir(), 'counter-start-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(() => resetFakeElectron())

describe('start failure', () => {
  it('a core that cannot open its folder: logged, a dialog in both languages with the error code, exit 1', async () => {
    const blocker = join(dir, 'userData')
    writeFileSync(blocker, 'not a folder')
    const log = memoryLogger()
    const error = await createCore({ userDataDir: blocker, transport: 'electron', version: 't', log }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).not.toBeNull()
    failStart(log, error, '/logs/main.log')
    expect(log.text()).toContain('app: start failed')
    expect(dialog.errorBoxes).toHaveLength(1)
    const box = dialog.errorBoxes[0]!
    expect(box.title).toContain('无法启动')
    expect(box.content).toContain('不能收款')
    expect(box.content).toContain('cannot take payments')
    expect(box.content).toMatch(/ENOTDIR|EEXIST|SQLITE_CANTOPEN/)
    expect(box.content).toContain('/logs/main.log')
    expect(app.exitCodes).toEqual([1])
  })
})
