// The secrets file: durable writes, and a file that cannot be read fails
// closed — the PIN keeps guarding, no key is overwritten, the file is untouched.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { memoryLogger } from './logger'
import { createCore } from '../core/create-core'
import { fileSecretStore } from './secrets'

const dirs: string[] = []
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'counter-secrets-'))
  dirs.push(d)
  return d
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('fileSecretStore', () => {
  it('writes atomically (no temp file left), mode 0600, and reads back', () => {
    const path = join(temp(), 'secrets.json')
    const store = fileSecretStore(path)
    store.set('merchantKey', 'K1')
    store.set('pinHash', 'H')
    expect(store.get('merchantKey')).toBe('K1')
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ merchantKey: 'K1', pinHash: 'H' })
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(() => statSync(`${path}.tmp`)).toThrow()
  })

  it.each([
    ['not JSON', '{"pinHash": "scrypt$'],
    ['an array', '["x"]'],
    ['a non-string value', '{"pinHash": 5}'],
    ['empty', ''],
  ])('%s: every read and write refuses with SECRETS_UNREADABLE and the file is left as it was', (_name, content) => {
    const path = join(temp(), 'secrets.json')
    writeFileSync(path, content)
    const store = fileSecretStore(path)
    expect(() => store.get('pinHash')).toThrow(expect.objectContaining({ code: 'SECRETS_UNREADABLE' }))
    expect(() => store.set('merchantKey', 'NEW')).toThrow(expect.objectContaining({ code: 'SECRETS_UNREADABLE' }))
    expect(readFileSync(path, 'utf8')).toBe(content)
  })

  it('a value that no longer decrypts refuses too (never read as "not set")', () => {
    const path = join(temp(), 'secrets.json')
    const cipher = { encrypt: (s: string) => Buffer.from(s), decrypt: () => { throw new Error('key changed') } }
    fileSecretStore(path, cipher).set('pinHash', 'H')
    expect(() => fileSecretStore(path, cipher).get('pinHash')).toThrow(expect.objectContaining({ code: 'SECRETS_UNREADABLE' }))
  })
})

describe('a core whose secrets file is damaged', () => {
  it('keeps the PIN guard: settings and PIN changes are refused, the keys file is not rewritten', async () => {
    const dir = temp()
    let core = await createCore({ userDataDir: dir, transport: 'browser', version: 'test', log: memoryLogger() })
    const set = await core.dispatch('settings:setPin', { next: '975318' })
    expect(set.ok).toBe(true)
    await core.close()
    const damaged = readFileSync(join(dir, 'secrets.json'), 'utf8').slice(0, 20)
    writeFileSync(join(dir, 'secrets.json'), damaged)

    core = await createCore({ userDataDir: dir, transport: 'browser', version: 'test', log: memoryLogger() })
    expect(core.info().journal.findings.map((f) => f.code)).toContain('secrets-unreadable')
    for (const [name, payload] of [
      ['settings:update', { patch: { storeName: 'x' } }],
      ['settings:setPin', { next: '864213', current: '975318' }],
      ['settings:setMode', { mode: 'live' }],
      ['journal:setBackupOptions', { options: { keep: 5, secondFolder: '' } }],
    ] as const) {
      const r = await core.dispatch(name, payload)
      expect(r.ok ? `${name} accepted` : r.error.code).toBe('SECRETS_UNREADABLE')
    }
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toBe(damaged)
    await core.close()
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toBe(damaged)
  })
})
