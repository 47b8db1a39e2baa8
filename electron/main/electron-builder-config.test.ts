// electron-builder.yml checked by electron-builder's own schema validator
// (no packaging: that would download Electron), plus the settings that matter
// for security and native modules.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
  win: { target: { target: string; arch: string[] }[]; forceCodeSigning: boolean; signtoolOptions: { signingHashAlgorithms: string[]; rfc3161TimeStampServer: string } }
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

describe('Windows code signing (scripts/dist.mjs)', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  // Only what the plan reads: a clean environment plus the variables under test.
  const plan = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, ['scripts/dist.mjs', '--check', ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' })
    return { status: r.status, plan: JSON.parse(r.stdout) as { ok: boolean; signing: string; builderArgs: string[]; message: string } }
  }

  it('a Windows release needs a signature: the config forces it, sha256 with a timestamp', () => {
    expect(config.win.forceCodeSigning).toBe(true)
    expect(config.win.signtoolOptions.signingHashAlgorithms).toEqual(['sha256'])
    expect(config.win.signtoolOptions.rfc3161TimeStampServer).toMatch(/^http/)
  })

  it('no certificate and no signing tool: refused (exit 2) before anything is built', () => {
    expect(plan(['--win'])).toMatchObject({ status: 2, plan: { ok: false, signing: 'none' } })
    expect(plan(['--win'], { WIN_CSC_LINK: 'C:/cert.pfx' })).toMatchObject({ status: 2, plan: { ok: false, message: expect.stringContaining('PASSWORD') } })
  })

  it('signs from the environment: a certificate, or a signing tool; unsigned only when asked', () => {
    expect(plan(['--win'], { WIN_CSC_LINK: 'C:/cert.pfx', WIN_CSC_KEY_PASSWORD: 'x' })).toMatchObject({ status: 0, plan: { signing: 'certificate', builderArgs: [] } })
    expect(plan(['--win'], { COUNTER_SIGN_COMMAND: 'signtool sign {file}' })).toMatchObject({ status: 0, plan: { signing: 'tool', builderArgs: ['-c.win.signtoolOptions.sign=scripts/sign-windows.cjs'] } })
    expect(plan(['--win', '--unsigned'])).toMatchObject({ status: 0, plan: { signing: 'unsigned', builderArgs: ['-c.win.forceCodeSigning=false'] } })
    expect(plan(['--win'], { COUNTER_ALLOW_UNSIGNED: '1' })).toMatchObject({ status: 0, plan: { signing: 'unsigned' } })
    expect(plan([])).toMatchObject({ status: 0, plan: { signing: process.platform === 'win32' ? 'none' : 'not-applicable' } })
  })

  it('the custom signer runs COUNTER_SIGN_COMMAND on the file, and fails loudly when it fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counter-sign-'))
    const file = join(dir, 'Counter Setup.exe')
    writeFileSync(file, 'MZ')
    const signer = require(join(root, 'scripts/sign-windows.cjs')) as { default: (c: { path: string }) => Promise<void> }
    const before = process.env.COUNTER_SIGN_COMMAND
    try {
      process.env.COUNTER_SIGN_COMMAND = `"${process.execPath}" -e "require('fs').writeFileSync(process.argv[1] + '.signed', 'ok')" {file}`
      await signer.default({ path: file })
      expect(existsSync(`${file}.signed`)).toBe(true)
      process.env.COUNTER_SIGN_COMMAND = `"${process.execPath}" -e "process.exit(3)" {file}`
      await expect(signer.default({ path: file })).rejects.toThrow(/signing failed/)
    } finally {
      if (before === undefined) delete process.env.COUNTER_SIGN_COMMAND
      else process.env.COUNTER_SIGN_COMMAND = before
    }
  })
})
