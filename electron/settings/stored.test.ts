// Settings read back from disk: each field checked against the contract; a bad
// one is named and left at its default, the good ones kept, the core up.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../core/create-core'
import { memoryLogger } from '../kernel/logger'
import { Journal } from '../journal'
import { readStoredSettings } from './stored'

describe('stored settings', () => {
  it('keeps good fields, names bad ones, ignores fields it does not know', () => {
    const read = readStoredSettings(JSON.stringify({ storeName: '一号店', maxSaleFen: -5, language: 'fr', futureThing: 1, speakOnSuccess: false }))
    expect(read.values).toEqual({ storeName: '一号店', speakOnSuccess: false })
    expect(read.damaged.sort()).toEqual(['language', 'maxSaleFen'])
  })

  it('an unparsable or non-object row is damaged as a whole', () => {
    expect(readStoredSettings('{"storeName":')).toEqual({ values: {}, damaged: ['(row)'] })
    expect(readStoredSettings('[1,2]')).toEqual({ values: {}, damaged: ['(row)'] })
    expect(readStoredSettings(null)).toEqual({ values: {}, damaged: [] })
  })

  describe('in a running core', () => {
    let dir = ''
    let core: Core | null = null
    afterEach(async () => {
      await core?.close()
      rmSync(dir, { recursive: true, force: true })
    })

    it('a damaged limit falls back to the default, the rest of the settings stay, the log says which', async () => {
      dir = mkdtempSync(join(tmpdir(), 'stored-settings-'))
      const j = Journal.inFolder(dir)
      j.setSetting('settings', JSON.stringify({ storeName: '二号店', maxSaleFen: 'lots', setupDone: true }))
      j.close()
      const log = memoryLogger()
      core = await createCore({ userDataDir: dir, transport: 'browser', version: 't', log })
      const s = core.services.settings
      expect(s.terminal().storeName).toBe('二号店')
      expect(s.terminal().maxSaleFen).toBe(50_000_00)
      expect(s.damagedFields()).toEqual(['maxSaleFen'])
      expect(log.lines.some((e) => e.level === 'warn' && e.message.startsWith('settings: stored values unreadable') && JSON.stringify(e.fields).includes('maxSaleFen'))).toBe(true)
    })
  })
})
