import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSafeSecretStore, SECRETS_FILE } from './secret-store'
import { resetFakeElectron, safeStorage } from './test-support/fake-electron'

vi.mock('electron', () => import('./test-support/fake-electron'))

let dir: string
beforeEach(() => {
  resetFakeElectron()
  dir = mkdtempSync(join(tmpdir(), 'counter-secrets-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('safeStorage secret store', () => {
  it('round-trips secrets and never writes them in the clear', () => {
    const store = createSafeSecretStore(dir)
    expect(store.encrypted).toBe(true)
    store.set('merchantKey', 'MERCHANT-KEY-0123456789')
    store.set('agentKey', 'AGENT-KEY-abcdef')
    const onDisk = readFileSync(join(dir, SECRETS_FILE), 'utf8')
    expect(onDisk).not.toContain('MERCHANT-KEY')
    expect(onDisk).not.toContain('AGENT-KEY')
    expect(statSync(join(dir, SECRETS_FILE)).mode & 0o777).toBe(0o600)
    // A fresh store (next start) reads them back.
    const again = createSafeSecretStore(dir)
    expect(again.get('merchantKey')).toBe('MERCHANT-KEY-0123456789')
    again.set('agentKey', null)
    expect(again.get('agentKey')).toBeNull()
  })

  it.runIf(process.platform === 'linux')('says it is not encrypted when Linux has no keyring (basic_text)', () => {
    safeStorage.backend = 'basic_text'
    const store = createSafeSecretStore(dir)
    expect(store.encrypted).toBe(false)
    store.set('pinHash', 'hash-value')
    expect(store.get('pinHash')).toBe('hash-value')
  })

  it('without safeStorage it falls back to a plain file and says so', () => {
    safeStorage.available = false
    const store = createSafeSecretStore(dir)
    expect(store.encrypted).toBe(false)
    store.set('pinHash', 'hash-value')
    expect(createSafeSecretStore(dir).get('pinHash')).toBe('hash-value')
  })
})
