// Secrets (agent key, merchant key, PIN hash) encrypted at rest with Electron's
// safeStorage (DPAPI on Windows, the keyring on Linux) in <userData>/secrets.json.
// Call after app 'ready' (safeStorage needs it on Linux). Where the OS offers no
// real encryption (Linux without a keyring falls back to a fixed key), the store
// says so: `encrypted` is false and settings show it.
import { join } from 'node:path'
import { safeStorage } from 'electron'
import { fileSecretStore, type Cipher, type SecretStore } from '../kernel/secrets'

export const SECRETS_FILE = 'secrets.json'

export const safeStorageCipher: Cipher = {
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (sealed) => safeStorage.decryptString(sealed),
}

/** True when safeStorage protects data with an OS secret, not a built-in key. */
export function osEncryptionAvailable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'
}

export function createSafeSecretStore(userDataDir: string): SecretStore {
  const path = join(userDataDir, SECRETS_FILE)
  if (!safeStorage.isEncryptionAvailable()) return fileSecretStore(path)
  const store = fileSecretStore(path, safeStorageCipher)
  if (osEncryptionAvailable()) return store
  return { get: (name) => store.get(name), set: (name, value) => store.set(name, value), encrypted: false }
}
