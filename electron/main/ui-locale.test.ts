import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { chromiumLocale, readUiLanguage, rememberUiLanguage } from './ui-locale'

let dir: string | undefined
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }))

describe('the UI language for Chromium’s own controls (--lang before ready)', () => {
  it('reads the copy main keeps in userData; none or damaged: Chinese', () => {
    dir = mkdtempSync(join(tmpdir(), 'counter-lang-'))
    expect(readUiLanguage(dir)).toBe('zh-CN')
    rememberUiLanguage(dir, 'en')
    expect(readFileSync(join(dir, 'ui-language'), 'utf8')).toBe('en')
    expect(readUiLanguage(dir)).toBe('en')
    expect(chromiumLocale(readUiLanguage(dir))).toBe('en-US')
    rememberUiLanguage(dir, 'zh-CN')
    expect(chromiumLocale(readUiLanguage(dir))).toBe('zh-CN')
    writeFileSync(join(dir, 'ui-language'), 'klingon')
    expect(readUiLanguage(dir)).toBe('zh-CN')
  })
})
