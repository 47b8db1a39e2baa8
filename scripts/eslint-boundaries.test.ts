// Each layer rule of scripts/eslint-boundaries.js (and the renderer's) fires on
// a sample violation, and the allowed neighbour of each passes: the project's
// own ESLint config, run on text placed at a path in that folder.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x\n`, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layer boundaries (eslint)', () => {
  const cases: [rule: string, file: string, code: string, says: RegExp][] = [
    ['renderer: no Node', 'app/src/lib/sample.ts', `import x from 'node:fs'`, /window\.pos only/],
    ['renderer: nothing of electron/ but shared', 'app/src/lib/sample.ts', `import x from '../../../electron/payments/engine'`, /only electron\/shared/],
    ['shared: no Node', 'electron/shared/sample.ts', `import x from 'node:path'`, /no Node/],
    ['domains: no Electron', 'electron/payments/sample.ts', `import x from 'electron'`, /plain Node/],
    ['kernel: no Electron', 'electron/kernel/sample.ts', `import x from 'electron'`, /plain Node/],
    ['domains: not the composition root', 'electron/payments/sample.ts', `import x from '../core/create-core'`, /composition root/],
    ['native-bridge: nothing from electron/', 'native-bridge/scanners/sample.ts', `import x from '../../electron/shared/contract'`, /its own types/],
    ['only journal/ uses SQLite', 'electron/shifts/sample.ts', `import x from 'better-sqlite3'`, /Only electron\/journal/],
    ['only main/ipc.ts registers IPC', 'electron/main/windows-sample.ts', `import { ipcMain as x } from 'electron'`, /ipc\.ts registers IPC/],
    ['no test-support in production', 'electron/payments/sample.ts', `import x from '../test-support/payments-kit'`, /tests, bench and e2e/],
  ]
  for (const [rule, file, code, says] of cases) {
    it(`${rule}: refused`, async () => {
      const messages = await restricted(file, code)
      expect(messages.length, `${file}: ${code}`).toBe(1)
      expect(messages[0]).toMatch(says)
    })
  }

  it('domains: no journal.db (repositories only)', async () => {
    const [result] = await eslint.lintText(`export const rows = (s: { journal: { db: { prepare(q: string): unknown } } }) => s.journal.db.prepare('SELECT 1')\n`, { filePath: 'electron/payments/sample.ts' })
    const messages = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax')
    expect(messages.map((m) => m.message)).toEqual([expect.stringMatching(/repositories/)])
  })

  it('renderer components: window.pos only through their store', async () => {
    const code = `export const go = () => window.pos.orders.get({ outTradeNo: 'x' })\n`
    const [screen] = await eslint.lintText(code, { filePath: 'app/src/screens/orders/Sample.tsx' })
    expect((screen?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message)).toEqual([expect.stringMatching(/through their store/)])
    const [store] = await eslint.lintText(code, { filePath: 'app/src/state/sample-store.ts' })
    expect((store?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax')).toEqual([])
  })

  it('renderer components: a refused call is worded with errorText, never error.message', async () => {
    const code = `export const say = (r: { error: { message: string } }, error: { message: string }) => [r.error.message, error.message]\n`
    const [screen] = await eslint.lintText(code, { filePath: 'app/src/screens/orders/Sample.tsx' })
    expect((screen?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message)).toEqual([expect.stringMatching(/errorText/), expect.stringMatching(/errorText/)])
    const [words] = await eslint.lintText(code, { filePath: 'app/src/lib/error-text.ts' })
    expect((words?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax')).toEqual([])
  })

  const allowed: [why: string, file: string, code: string][] = [
    ['the renderer uses the contract', 'app/src/lib/sample.ts', `import x from '../../../electron/shared/contract'`],
    ['the journal uses SQLite', 'electron/journal/sample.ts', `import x from 'better-sqlite3'`],
    ['ipc.ts registers IPC', 'electron/main/ipc.ts', `import { ipcMain as x } from 'electron'`],
    ['main/ uses Electron', 'electron/main/sample.ts', `import { app as x } from 'electron'`],
    ['domains use the kernel', 'electron/payments/sample.ts', `import x from '../kernel/logger'`],
    ['the composition root builds domains', 'electron/core/sample.ts', `import x from '../payments/engine'`],
    ['tests use test-support', 'electron/payments/sample.test.ts', `import x from '../test-support/payments-kit'`],
    ['native-bridge uses its own types', 'native-bridge/scanners/sample.ts', `import x from './types'`],
  ]
  for (const [why, file, code] of allowed) {
    it(`${why}: allowed`, async () => {
      expect(await restricted(file, code)).toEqual([])
    })
  }
})
