import { describe, expect, it } from 'vitest'
import { KeyboardReportDecoder } from './keyboard-report'
import { keyboardReports } from './test-reports'
import type { ScannerRead } from './types'

function feed(reports: (readonly number[])[]): ScannerRead[] {
  const d = new KeyboardReportDecoder()
  return reports.flatMap((r) => d.push(r))
}

describe('KeyboardReportDecoder', () => {
  it('decodes a recorded WeChat code: digits, release reports, Enter', () => {
    // "134" + Enter as a scanner sends it: press, all-zero release, press, …
    const recorded = [
      [0, 0, 0x1e, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0x20, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0x21, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0x28, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0],
    ]
    expect(feed(recorded)).toEqual([{ kind: 'text', text: '134' }])
  })

  it('reads upper case and shifted symbols with the LEFT shift key', () => {
    const recorded = [
      [0x02, 0, 0x04, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // A
      [0x00, 0, 0x04, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // a
      [0x02, 0, 0x1f, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // @
      [0x00, 0, 0x2b, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // Tab
    ]
    expect(feed(recorded)).toEqual([{ kind: 'text', text: 'Aa@' }])
  })

  it('reads upper case and shifted symbols with the RIGHT shift key', () => {
    const recorded = [
      [0x20, 0, 0x05, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // B
      [0x20, 0, 0x38, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // ?
      [0x00, 0, 0x38, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // /
      [0x00, 0, 0x28, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0],
    ]
    expect(feed(recorded)).toEqual([{ kind: 'text', text: 'B?/' }])
  })

  it('round-trips every supported printable character with either shift key', () => {
    const all = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_=+[]{}\\|;:\'",.<>/?`~ '
    for (const side of ['left', 'right'] as const) {
      expect(feed(keyboardReports(all + '\n', side))).toEqual([{ kind: 'text', text: all }])
    }
  })

  it('reads keypad digits and keypad Enter', () => {
    const recorded = [[0, 0, 0x59, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0x62, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0x58, 0, 0, 0, 0, 0]]
    expect(feed(recorded)).toEqual([{ kind: 'text', text: '10' }])
  })

  it('treats a repeated identical report as one key press, and a re-press after release as a new one', () => {
    const recorded = [
      [0, 0, 0x1e, 0, 0, 0, 0, 0], [0, 0, 0x1e, 0, 0, 0, 0, 0], [0, 0, 0x1e, 0, 0, 0, 0, 0], // held: one "1"
      [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0x1e, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // second "1"
      [0, 0, 0x28, 0, 0, 0, 0, 0], [0, 0, 0x28, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // Enter held
    ]
    expect(feed(recorded)).toEqual([{ kind: 'text', text: '11' }])
  })

  it('handles rollover: several keys in one report, then a still-held key', () => {
    const recorded = [
      [0, 0, 0x1e, 0x1f, 0, 0, 0, 0], // "1","2" pressed together, in slot order
      [0, 0, 0x1f, 0x20, 0, 0, 0, 0], // 2 still held, 3 new
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0x28, 0, 0, 0, 0, 0],
    ]
    expect(feed(recorded)).toEqual([{ kind: 'text', text: '123' }])
  })

  it('ignores ErrorRollOver phantom reports and accepts a 9-byte report with a report id', () => {
    const recorded = [[0, 0, 1, 1, 1, 1, 1, 1], [1, 0, 0, 0x1e, 0, 0, 0, 0, 0], [1, 0, 0, 0x28, 0, 0, 0, 0, 0]]
    expect(feed(recorded)).toEqual([{ kind: 'text', text: '1' }])
  })

  it('splits back-to-back scans at each terminator and ignores a lone Enter', () => {
    const reports = keyboardReports('12\n\n34\t')
    expect(feed(reports)).toEqual([{ kind: 'text', text: '12' }, { kind: 'text', text: '34' }])
  })

  it('rejects Ctrl/Alt combinations and unknown keycodes at the terminator', () => {
    const ctrl = [[0x01, 0, 0x10, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0x28, 0, 0, 0, 0, 0]]
    expect(feed(ctrl)).toEqual([expect.objectContaining({ kind: 'reject', reason: 'control-chars' })])
    const f1 = [[0, 0, 0x3a, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0x28, 0, 0, 0, 0, 0]]
    expect(feed(f1)).toEqual([expect.objectContaining({ kind: 'reject', reason: 'not-text' })])
    expect(feed([[0, 0, 0x1e], [0, 0, 0x28, 0, 0, 0, 0, 0]])).toEqual([expect.objectContaining({ reason: 'not-text' })])
  })

  it('rejects an overlong read once, then decodes the next scan normally', () => {
    const reports = keyboardReports('9'.repeat(200) + '\n' + '6901234567892\n')
    expect(feed(reports)).toEqual([expect.objectContaining({ kind: 'reject', reason: 'too-long' }), { kind: 'text', text: '6901234567892' }])
  })

  it('reports a half-read code when the scanner goes quiet before Enter', () => {
    const d = new KeyboardReportDecoder()
    for (const r of keyboardReports('1345')) expect(d.push(r)).toEqual([])
    expect(d.pending()).toBe(true)
    expect(d.idle()).toEqual([expect.objectContaining({ kind: 'reject', reason: 'incomplete' })])
    expect(d.pending()).toBe(false)
    expect(d.idle()).toEqual([])
  })
})
