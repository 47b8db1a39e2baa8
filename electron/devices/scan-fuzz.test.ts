// Throws seeded random input at every scanner decoder, through the validator,
// and checks that nothing escapes as a throw and every accepted code conforms.
// A failure prints the seed and case number: rerun with the same seed to replay it.
import { describe, expect, it } from 'vitest'
import { ScanEvent } from '../shared/contract'
import { payTypeOfAuthCode } from '../gateway/paytype'
import { HidPosReportDecoder } from '../../native-bridge/scanners/hid-pos-report'
import { KeyboardReportDecoder } from '../../native-bridge/scanners/keyboard-report'
import { SerialStreamDecoder, type SerialTerminator } from '../../native-bridge/scanners/serial-stream'
import type { ScannerRead, ScanSource } from '../../native-bridge/scanners/types'
import { isTwoPaymentCodes, ScanValidator } from './scan-validator'

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed)
const CASES = 10_000

/** mulberry32: small, fast, reproducible. */
function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! }
}

const validator = new ScanValidator(() => 1)
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

// Plain checks, not expect(): they run hundreds of thousands of times.
function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(`non-conforming: ${what}`)
}

function assertConforming(source: ScanSource, reads: ScannerRead[], tally: { ok: number; rejected: number }): string[] {
  const codes: string[] = []
  for (const read of reads) {
    if (read.kind === 'text') check(!LONE_SURROGATE.test(read.text), 'decoder produced a lone surrogate')
    const v = validator.check(source, read)
    if (!v.ok) {
      tally.rejected++
      continue
    }
    tally.ok++
    const { code, paytype } = v.scan
    check(ScanEvent.safeParse(v.scan).success, 'scan outside the contract')
    check(code.length > 0 && code.length <= 128, `length ${code.length}`)
    check(!CONTROL.test(code), 'control character in a code')
    check(!code.includes('\ufffd'), 'replacement character in a code')
    check(paytype === payTypeOfAuthCode(code), 'paytype disagrees with payTypeOfAuthCode')
    check(!isTwoPaymentCodes(code), 'two payment codes emitted as one')
    codes.push(code)
  }
  return codes
}

/** Random bytes, half the time biased to digits and terminators so real-looking codes turn up too. */
function randomBytes(r: ReturnType<typeof prng>, max: number): Uint8Array {
  const n = r.int(max)
  const out = new Uint8Array(n)
  const biased = r.next() < 0.5
  for (let i = 0; i < n; i++) out[i] = biased ? r.pick([0x30 + r.int(10), 0x30 + r.int(10), 0x30 + r.int(10), 0x0d, 0x0a, r.int(256)]) : r.int(256)
  return out
}

function run(name: string, body: (r: ReturnType<typeof prng>, i: number) => void) {
  const r = prng(SEED ^ name.length)
  for (let i = 0; i < CASES; i++) {
    try {
      body(r, i)
    } catch (e) {
      throw new Error(`${name}: case ${i} with FUZZ_SEED=${SEED}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
}

describe(`scanner decoders under fuzz (seed ${SEED}, ${CASES} cases each)`, () => {
  it.each(['CR', 'LF', 'CRLF', 'timeout'] as const)('serial %s', (mode: SerialTerminator) => {
    const tally = { ok: 0, rejected: 0 }
    const term = { CR: [0x0d], LF: [0x0a], CRLF: [0x0d, 0x0a], timeout: [] }[mode]
    run(`serial-${mode}`, (r) => {
      const d = new SerialStreamDecoder(mode)
      const input = randomBytes(r, 300)
      const reads: ScannerRead[] = []
      // random chunking, with idle ticks in between
      for (let at = 0; at < input.length; ) {
        const len = 1 + r.int(40)
        reads.push(...d.push(input.subarray(at, at + len)))
        at += len
        if (r.next() < 0.1) reads.push(...d.idle())
      }
      reads.push(...d.idle())
      const codes = assertConforming('serial', reads, tally)
      // Oracle: in terminator modes every code was on the wire followed by its terminator
      // (in LF mode, CRLF too: a CRLF scanner on an LF port).
      if (mode !== 'timeout') {
        const wire = Buffer.from(input)
        for (const c of codes) {
          const bytes = Buffer.from(c, 'utf8')
          const onWire = wire.includes(Buffer.from([...bytes, ...term])) || (mode === 'LF' && wire.includes(Buffer.from([...bytes, 0x0d, 0x0a])))
          check(onWire, 'code not on the wire followed by its terminator')
        }
      }
    })
    expect(tally.ok).toBeGreaterThan(100)
    expect(tally.rejected).toBeGreaterThan(100)
  })

  it('HID boot keyboard', () => {
    const tally = { ok: 0, rejected: 0 }
    run('keyboard', (r) => {
      const d = new KeyboardReportDecoder()
      const reads: ScannerRead[] = []
      const reports = r.int(60)
      for (let k = 0; k < reports; k++) {
        const roll = r.next()
        let report: number[]
        if (roll < 0.05) report = Array.from({ length: r.int(12) }, () => r.int(256)) // wrong length / garbage
        else if (roll < 0.35) report = [0, 0, 0, 0, 0, 0, 0, 0] // release
        else {
          const mod = r.pick([0, 0, 0, 0x02, 0x20, 0x01, r.int(256)])
          const key = r.pick([0x1e + r.int(10), 0x1e + r.int(10), 0x04 + r.int(26), 0x28, 0x2b, r.int(256)])
          report = [mod, 0, key, r.next() < 0.1 ? r.int(256) : 0, 0, 0, 0, 0]
        }
        reads.push(...d.push(report))
        if (r.next() < 0.05) reads.push(...d.idle())
      }
      reads.push(...d.idle())
      assertConforming('hid', reads, tally)
    })
    expect(tally.ok).toBeGreaterThan(100)
    expect(tally.rejected).toBeGreaterThan(100)
  })

  it('HID POS', () => {
    const tally = { ok: 0, rejected: 0 }
    run('hidpos', (r) => {
      const d = new HidPosReportDecoder()
      const reads: ScannerRead[] = []
      const reports = 1 + r.int(6)
      for (let k = 0; k < reports; k++) {
        const len = r.next() < 0.9 ? r.int(57) : r.int(256)
        const report = Array.from({ length: r.next() < 0.95 ? 64 : r.int(70) }, () => 0)
        report[0] = r.next() < 0.9 ? 0x02 : r.int(256)
        report[1] = len
        const data = randomBytes(r, len + 1)
        for (let j = 0; j < Math.min(len, data.length); j++) if (5 + j < report.length) report[5 + j] = data[j]!
        if (report.length > 63) report[63] = r.next() < 0.3 ? 1 : 0
        reads.push(...d.push(report))
        if (r.next() < 0.1) reads.push(...d.idle())
      }
      reads.push(...d.idle())
      assertConforming('hid', reads, tally)
    })
    expect(tally.ok).toBeGreaterThan(100)
    expect(tally.rejected).toBeGreaterThan(100)
  })
})
