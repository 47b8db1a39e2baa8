import { describe, expect, it } from 'vitest'
import { SerialStreamDecoder, type SerialTerminator } from './serial-stream'

const enc = (s: string) => new TextEncoder().encode(s)
function run(mode: SerialTerminator, ...chunks: (string | Uint8Array)[]) {
  const d = new SerialStreamDecoder(mode)
  const out = chunks.flatMap((c) => d.push(typeof c === 'string' ? enc(c) : c))
  return { out, d }
}

describe('SerialStreamDecoder', () => {
  it.each([
    ['CR', '134567890123456789\r'],
    ['LF', '134567890123456789\n'],
    ['CRLF', '134567890123456789\r\n'],
  ] as const)('%s: one code per terminator, split across chunks', (mode, wire) => {
    const { out, d } = run(mode, wire.slice(0, 5), wire.slice(5, 12), wire.slice(12))
    expect(out).toEqual([{ kind: 'text', text: '134567890123456789' }])
    expect(d.pending()).toBe(false)
  })

  it('CR: several codes in one chunk; a CRLF scanner on a CR port does not make empty codes', () => {
    expect(run('CR', 'A1\rB2\r\nC3\r').out).toEqual([{ kind: 'text', text: 'A1' }, { kind: 'text', text: 'B2' }, { kind: 'text', text: 'C3' }])
  })

  it('LF: a CRLF scanner on an LF port loses only the CR', () => {
    expect(run('LF', 'A1\r\n').out).toEqual([{ kind: 'text', text: 'A1' }])
  })

  it('CRLF: a lone CR or LF stays inside the code (the validator calls that glued)', () => {
    expect(run('CRLF', 'A1\rB2\r\n').out).toEqual([{ kind: 'text', text: 'A1\rB2' }])
    expect(run('CRLF', 'A1\nB2\r\n').out).toEqual([{ kind: 'text', text: 'A1\nB2' }])
  })

  it('terminator mode: a pause before the terminator is a half read', () => {
    const { out, d } = run('CRLF', '13456789')
    expect(out).toEqual([])
    expect(d.idle()).toEqual([expect.objectContaining({ kind: 'reject', reason: 'incomplete' })])
    expect(d.push(enc('6901234567892\r\n'))).toEqual([{ kind: 'text', text: '6901234567892' }])
  })

  it('timeout mode: the pause ends the code, trailing CR/LF dropped', () => {
    const { out, d } = run('timeout', '1345', '67\r\n')
    expect(out).toEqual([])
    expect(d.idle()).toEqual([{ kind: 'text', text: '134567' }])
    expect(d.idle()).toEqual([])
  })

  it('rejects bytes that are not UTF-8 and keeps decoding after them', () => {
    const { out } = run('CR', Uint8Array.from([0x31, 0xc3, 0x28, 0x0d]), '中文码\r')
    expect(out).toEqual([expect.objectContaining({ reason: 'not-text' }), { kind: 'text', text: '中文码' }])
  })

  it('rejects an overlong read once, without buffering it, in every mode', () => {
    for (const mode of ['CR', 'LF', 'CRLF'] as const) {
      const term = mode === 'CR' ? '\r' : mode === 'LF' ? '\n' : '\r\n'
      expect(run(mode, '7'.repeat(5000) + term + 'ok' + term).out).toEqual([expect.objectContaining({ reason: 'too-long' }), { kind: 'text', text: 'ok' }])
    }
    const { d } = run('timeout', '7'.repeat(5000))
    expect(d.idle()).toEqual([expect.objectContaining({ reason: 'too-long' })])
  })
})
