// Where keys (agent key, merchant trade code) live. Electron main supplies a
// safeStorage-backed store (encrypted at rest); the browser harness and tests
// use the file store below. Secrets never leave the main process.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export type SecretName = 'agentKey' | 'merchantKey' | 'pinHash'

export interface SecretStore {
  get(name: SecretName): string | null
  set(name: SecretName, value: string | null): void
  /** True when values are encrypted at rest (safeStorage); shown in settings. */
  readonly encrypted: boolean
}

/** Encrypt/decrypt pair, e.g. Electron's safeStorage. */
export interface Cipher {
  encrypt(plain: string): Buffer
  decrypt(sealed: Buffer): string
}

/** A JSON file of secrets (base64 of ciphertext when a cipher is given), written atomically, mode 0600. */
export function fileSecretStore(path: string, cipher?: Cipher): SecretStore {
  const read = (): Record<string, string> => {
    if (!existsSync(path)) return {}
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>
    } catch {
      return {}
    }
  }
  const write = (data: Record<string, string>) => {
    mkdirSync(dirname(path), { recursive: true })
    const tmp = `${path}.tmp`
    writeFileSync(tmp, JSON.stringify(data), { mode: 0o600 })
    renameSync(tmp, path)
    chmodSync(path, 0o600)
  }
  return {
    encrypted: Boolean(cipher),
    get(name) {
      const v = read()[name]
      if (v === undefined) return null
      return cipher ? cipher.decrypt(Buffer.from(v, 'base64')) : v
    },
    set(name, value) {
      const data = read()
      if (value === null) delete data[name]
      else data[name] = cipher ? cipher.encrypt(value).toString('base64') : value
      write(data)
    },
  }
}
