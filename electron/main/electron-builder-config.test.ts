// electron-builder.yml checked by electron-builder's own schema validator
// (no packaging: that would download Electron), plus the settings that matter
// for security and native modules.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const configPath = fileURLToPath(new URL('../../electron-builder.yml', import.meta.url))
const yaml = require('js-yaml') as { load(text: string): unknown }
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

interface BuilderConfig {
  files: string[]
  asarUnpack: string[]
  electronFuses: Record<string, boolean>
  win: { target: { target: string; arch: string[] }[] }
  linux: { target: { target: string; arch: string[] }[] }
}

const config = yaml.load(readFileSync(configPath, 'utf8')) as BuilderConfig

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('a misspelt key would be caught by that validation', async () => {
    await expect(validateConfiguration({ ...config, electronFuse: {} }, new DebugLogger(false))).rejects.toThrow(/configuration/)
  })

  it('sets every Electron fuse explicitly', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: false,
    })
  })

  it('unpacks the native modules from asar and builds NSIS x64, AppImage and deb', () => {
    expect(config.asarUnpack).toContain('**/node_modules/{better-sqlite3,koffi,node-hid,serialport,@serialport}/**')
    expect(config.asarUnpack).toContain('**/*.node')
    expect(config.files).toContain('out/**')
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb'])
  })
})
