import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryLogger } from '../kernel/logger'
import { handleAppScheme, registerAppScheme, resolveBundleFile, serveBundleFile } from './app-protocol'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { protocol, resetFakeElectron } from './test-support/fake-electron'

vi.mock('electron', () => import('./test-support/fake-electron'))

let base: string
let renderer: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'counter-proto-'))
  renderer = join(base, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><div id="root"></div>')
  writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(base, 'secret.txt'), 'not for the page')
})
afterAll(() => rmSync(base, { recursive: true, force: true }))
beforeEach(() => resetFakeElectron())

describe('app:// scheme', () => {
  it('is registered privileged (standard + secure) so the page has a real origin', () => {
    registerAppScheme()
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }])
  })

  it('serves the page and assets with their type and our CSP', async () => {
    const page = await serveBundleFile(renderer, 'app://counter/index.html', CONTENT_SECURITY_POLICY)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await page.text()).toContain('id="root"')
    const root = await serveBundleFile(renderer, 'app://counter/', CONTENT_SECURITY_POLICY)
    expect(await root.text()).toContain('id="root"')
    const script = await serveBundleFile(renderer, 'app://counter/assets/index-abc.js', CONTENT_SECURITY_POLICY)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('never serves anything outside the renderer folder, another host, or a missing file', async () => {
    for (const url of [
      'app://counter/../secret.txt',
      'app://counter/%2e%2e/secret.txt',
      'app://counter/..%2fsecret.txt',
      'app://counter/assets/..%2f..%2fsecret.txt',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://counter/nope.js',
      'app://counter/%00.html',
    ]) {
      const answer = await serveBundleFile(renderer, url, CONTENT_SECURITY_POLICY)
      expect(answer.status, url).toBe(404)
      expect(await answer.text()).not.toContain('not for the page')
    }
    expect(resolveBundleFile(renderer, 'app://counter/%E0%A4%A')).toBeNull()
  })

  it('the registered handler serves requests and logs misses', async () => {
    const log = memoryLogger()
    handleAppScheme(renderer, CONTENT_SECURITY_POLICY, log)
    const handler = protocol.handlers.get('app')
    expect((await handler?.(new Request('app://counter/index.html')))?.status).toBe(200)
    expect((await handler?.(new Request('app://counter/missing.css')))?.status).toBe(404)
    expect(log.text()).toContain('app protocol: not found')
  })
})
