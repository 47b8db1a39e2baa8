// Where keys (agent key, merchant trade code) live. Electron main supplies a
// safeStorage-backed store (encrypted at rest); the browser harness and tests
// use the file store below. Secrets never leave the main process.
import { chmodSync, existsSync, readFileSync } from 'node:fs'
import { PosFailure } from '../shared/result'
import { writeFileDurably } from './durable-file'

/** journalMarker and backupOptions are not secret: they live here because this store outlives the journal's folder. */
export type SecretName = 'agentKey' | 'merchantKey' | 'pinHash' | 'journalMarker' | 'backupOptions' | 'storeDb'

export interface SecretStore {
  /** Throws SECRETS_UNREADABLE when the store exists but cannot be read: callers fail closed. */
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

const unreadable = (why: 'not-json' | 'read-error' | 'unexpected-content' | 'cannot-decrypt') =>
  new PosFailure('SECRETS_UNREADABLE', `密钥文件无法读取（${why}）：主管密码和密钥保持原样，相关操作已停止，请联系技术支持`, { reason: why })

/**
 * A JSON file of secrets (base64 of ciphertext when a cipher is given), mode 0600,
 * written durably (temp file, fsync, rename, fsync the folder). A file that is
 * there but cannot be read or parsed is never treated as empty: that would drop
 * the PIN and let the next save overwrite the keys. Every get and set throws
 * SECRETS_UNREADABLE instead, and the file is left untouched for support.
 */
export function fileSecretStore(path: string, cipher?: Cipher): SecretStore {
  const read = (): Record<string, string> => {
    if (!existsSync(path)) return {}
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'))
    } catch (e) {
      throw unreadable(e instanceof SyntaxError ? 'not-json' : 'read-error')
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string')) {
      throw unreadable('unexpected-content')
    }
    return parsed as Record<string, string>
  }
  const open = (v: string): string => {
    if (!cipher) return v
    try {
      return cipher.decrypt(Buffer.from(v, 'base64'))
    } catch {
      throw unreadable('cannot-decrypt')
    }
  }
  return {
    encrypted: Boolean(cipher),
    get(name) {
      const v = read()[name]
      return v === undefined ? null : open(v)
    },
    set(name, value) {
      const data = read()
      if (value === null) delete data[name]
      else data[name] = cipher ? cipher.encrypt(value).toString('base64') : value
      writeFileDurably(path, JSON.stringify(data), 0o600)
      chmodSync(path, 0o600)
    },
  }
}
