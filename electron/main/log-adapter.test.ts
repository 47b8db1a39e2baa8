import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { adaptLogger, redactFields, redactText, rotateLogFile, type LogSink } from './log-adapter'

function recordingSink() {
  const calls: { level: string; params: unknown[] }[] = []
  const sink: LogSink = {
    info: (...params) => calls.push({ level: 'info', params }),
    warn: (...params) => calls.push({ level: 'warn', params }),
    error: (...params) => calls.push({ level: 'error', params }),
  }
  return { sink, calls }
}

describe('log adapter', () => {
  it('passes message and fields to the sink at the right level', () => {
    const { sink, calls } = recordingSink()
    const log = adaptLogger(sink)
    log.info('started', { version: '1.0' })
    log.warn('careful')
    log.error('failed', {})
    expect(calls).toEqual([
      { level: 'info', params: ['started', { version: '1.0' }] },
      { level: 'warn', params: ['careful'] },
      { level: 'error', params: ['failed'] },
    ])
  })

  it('masks payment codes in messages and fields, and drops secret fields', () => {
    const { sink, calls } = recordingSink()
    adaptLogger(sink).error('pay failed for 134567890123456789', {
      merchantKey: 'k-123',
      agentKey: 'k-456',
      pinHash: 'abc',
      sign: 'DEADBEEF',
      auth_code: '287654321098765432',
      nested: { note: 'code 6212345678901234567 rejected', amountFen: 1234 },
      outTradeNo: 'CT20250101_0001',
    })
    const text = JSON.stringify(calls)
    for (const secret of ['134567890123456789', 'k-123', 'k-456', 'DEADBEEF', '287654321098765432', '6212345678901234567']) expect(text).not.toContain(secret)
    expect(text).toContain('1345**********6789')
    expect(text).toContain('CT20250101_0001')
    expect(text).toContain('1234')
  })

  it('leaves short numbers (amounts, timestamps) alone', () => {
    expect(redactText('amount 100000 at 1735689600000')).toBe('amount 100000 at 1735689600000')
    expect(redactFields({ at: 1735689600000, list: [1, 2] })).toEqual({ at: 1735689600000, list: [1, 2] })
  })
})

describe('log rotation', () => {
  let dir = ''
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('shifts main.log → main.1.log → … and drops the oldest', () => {
    dir = mkdtempSync(join(tmpdir(), 'counter-log-'))
    const path = join(dir, 'main.log')
    for (let generation = 1; generation <= 4; generation++) {
      writeFileSync(path, `gen ${generation}`)
      rotateLogFile(path, 2)
    }
    expect(existsSync(path)).toBe(false)
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('gen 4')
    expect(readFileSync(join(dir, 'main.2.log'), 'utf8')).toBe('gen 3')
    expect(existsSync(join(dir, 'main.3.log'))).toBe(false)
  })
})
