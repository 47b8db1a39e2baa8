import { describe, expect, it } from 'vitest'
import { HidPosReportDecoder, hidPosReports } from './hid-pos-report'

const enc = (s: string) => new TextEncoder().encode(s)

describe('HidPosReportDecoder', () => {
  it('decodes a single recorded scanned-data report', () => {
    // report id 2, 13 data bytes, "]E0", "6901234567892", flags 0
    const r = new Array<number>(64).fill(0)
    r.splice(0, 18, 0x02, 13, 0x5d, 0x45, 0x30, ...enc('6901234567892'))
    expect(new HidPosReportDecoder().push(r)).toEqual([{ kind: 'text', text: '6901234567892' }])
  })

  it('joins continuation reports into one code', () => {
    const code = 'https://example.invalid/' + 'x'.repeat(80)
    const d = new HidPosReportDecoder()
    const [first, second] = hidPosReports(enc(code))
    expect(d.push(first!)).toEqual([])
    expect(d.pending()).toBe(true)
    expect(d.push(second!)).toEqual([{ kind: 'text', text: code }])
  })

  it('drops one trailing CR/LF suffix but keeps UTF-8 text intact', () => {
    const d = new HidPosReportDecoder()
    expect(hidPosReports(enc('条码ABC\r\n')).flatMap((r) => d.push(r))).toEqual([{ kind: 'text', text: '条码ABC' }])
  })

  it('ignores reports with other ids', () => {
    expect(new HidPosReportDecoder().push([0x04, 1, 2, 3])).toEqual([])
  })

  it('rejects invalid UTF-8, a bad length byte, overlong data and a missing continuation', () => {
    const d = new HidPosReportDecoder()
    expect(hidPosReports(Uint8Array.from([0x31, 0xff, 0x32])).flatMap((r) => d.push(r))).toEqual([expect.objectContaining({ reason: 'not-text' })])
    expect(d.push([0x02, 57, 0, 0, 0])).toEqual([expect.objectContaining({ reason: 'not-text' })])
    expect(hidPosReports(enc('9'.repeat(600))).flatMap((r) => d.push(r))).toEqual([expect.objectContaining({ reason: 'too-long' })])
    const [first] = hidPosReports(enc('1'.repeat(100)))
    expect(d.push(first!)).toEqual([])
    expect(d.idle()).toEqual([expect.objectContaining({ reason: 'incomplete' })])
    expect(d.push(hidPosReports(enc('134567890123456789'))[0]!)).toEqual([{ kind: 'text', text: '134567890123456789' }])
  })
})
