// Test support: reads the bytes a virtual printer received back into what a
// person would see on paper — text lines (GB18030 decoded while the printer is
// in Chinese mode), cuts, drawer pulses, status requests, images and QR codes.
// Understands the ESC/POS subset that receiptline and printer.ts emit; an
// unknown command is an error, so a test notices bytes it cannot explain.

export interface ParsedJob {
  lines: string[]
  chineseModeSwitches: number
  cuts: number
  drawerPulses: { m: number; t1: number; t2: number }[]
  statusRequests: number[]
  images: number
  qrCodes: string[]
  barcodes: string[]
  initCount: number
}

/** Fixed lengths of commands after their prefix bytes (ESC x → n bytes of parameters). */
const ESC_PARAMS: Record<number, number> = { 0x40: 0, 0x4d: 1, 0x20: 1, 0x33: 1, 0x7b: 1, 0x2d: 1, 0x45: 1, 0x61: 1, 0x24: 2, 0x5c: 2, 0x74: 1, 0x21: 1, 0x64: 1, 0x4a: 1, 0x32: 0, 0x47: 1, 0x56: 1, 0x72: 1 }
const GS_PARAMS: Record<number, number> = { 0x61: 1, 0x42: 1, 0x21: 1, 0x4c: 2, 0x57: 2, 0x72: 1, 0x68: 1, 0x77: 1, 0x48: 1, 0x66: 1, 0x62: 1 }
const FS_PARAMS: Record<number, number> = { 0x2e: 0, 0x26: 0, 0x2d: 1, 0x53: 2, 0x43: 1, 0x57: 1, 0x21: 1 }

export function parseEscPos(bytes: Uint8Array): ParsedJob {
  const job: ParsedJob = { lines: [], chineseModeSwitches: 0, cuts: 0, drawerPulses: [], statusRequests: [], images: 0, qrCodes: [], barcodes: [], initCount: 0 }
  const gb = new TextDecoder('gb18030')
  let chinese = false
  let text: number[] = []
  let line = ''
  const flushText = () => {
    if (text.length) line += chinese ? gb.decode(Uint8Array.from(text)) : String.fromCharCode(...text)
    text = []
  }
  // Columns: receiptline places cells with ESC $ (absolute) and ESC \ (relative), in dots of
  // the 12-dot-wide font A; a CJK character takes two columns.
  const column = () => [...line].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)
  const moveTo = (col: number) => {
    flushText()
    const pad = col - column()
    if (pad > 0) line += ' '.repeat(pad)
  }
  let i = 0
  const need = (n: number) => {
    if (i + n > bytes.length) throw new Error(`truncated command at byte ${i}`)
  }
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b === 0x0a) {
      flushText()
      job.lines.push(line.trimEnd())
      line = ''
      i += 1
    } else if (b === 0x1b) {
      need(2)
      const c = bytes[i + 1]!
      if (c === 0x70) {
        need(5)
        job.drawerPulses.push({ m: bytes[i + 2]!, t1: bytes[i + 3]!, t2: bytes[i + 4]! })
        i += 5
        continue
      }
      const n = ESC_PARAMS[c]
      if (n === undefined) throw new Error(`unknown ESC 0x${c.toString(16)} at byte ${i}`)
      flushText()
      if (c === 0x24) moveTo(Math.round((bytes[i + 2]! + bytes[i + 3]! * 256) / 12))
      if (c === 0x5c) moveTo(column() + Math.round((bytes[i + 2]! + bytes[i + 3]! * 256) / 12))
      if (c === 0x40) job.initCount += 1
      i += 2 + n
    } else if (b === 0x1d) {
      need(2)
      const c = bytes[i + 1]!
      flushText()
      if (c === 0x56) {
        // GS V m [n]: m 0/1/48/49 take no n; 65/66 take one.
        const m = bytes[i + 2]!
        job.cuts += 1
        i += m === 65 || m === 66 ? 4 : 3
      } else if (c === 0x28) {
        // GS ( fn pL pH …: length-prefixed (images, QR).
        need(5)
        const fn = bytes[i + 2]!
        const len = bytes[i + 3]! + bytes[i + 4]! * 256
        need(5 + len)
        const body = bytes.subarray(i + 5, i + 5 + len)
        if (fn === 0x6b && body[0] === 0x31 && body[1] === 0x50) job.qrCodes.push(new TextDecoder().decode(body.subarray(3)))
        i += 5 + len
      } else if (c === 0x6b) {
        // GS k m n d…: barcode with a length byte (m ≥ 65); CODE128 data starts with its code set ({A/{B/{C).
        need(4)
        const len = bytes[i + 3]!
        need(4 + len)
        job.barcodes.push(String.fromCharCode(...bytes.subarray(i + 4, i + 4 + len)))
        i += 4 + len
      } else if (c === 0x38 && bytes[i + 2] === 0x4c) {
        // GS 8 L p1 p2 p3 p4 …: 32-bit length-prefixed raster image.
        need(7)
        const len = bytes[i + 3]! + bytes[i + 4]! * 256 + bytes[i + 5]! * 65536 + bytes[i + 6]! * 16777216
        job.images += 1
        i += 7 + len
      } else {
        const n = GS_PARAMS[c]
        if (n === undefined) throw new Error(`unknown GS 0x${c.toString(16)} at byte ${i}`)
        i += 2 + n
      }
    } else if (b === 0x1c) {
      need(2)
      const c = bytes[i + 1]!
      flushText()
      if (c === 0x28) {
        need(5)
        i += 5 + bytes[i + 3]! + bytes[i + 4]! * 256
        continue
      }
      const n = FS_PARAMS[c]
      if (n === undefined) throw new Error(`unknown FS 0x${c.toString(16)} at byte ${i}`)
      if (c === 0x26) {
        chinese = true
        job.chineseModeSwitches += 1
      }
      if (c === 0x2e) chinese = false
      i += 2 + n
    } else if (b === 0x10 && bytes[i + 1] === 0x04) {
      need(3)
      flushText()
      job.statusRequests.push(bytes[i + 2]!)
      i += 3
    } else if (b < 0x20 && b !== 0x09) {
      throw new Error(`unexpected control byte 0x${b.toString(16)} at byte ${i}`)
    } else {
      text.push(b)
      i += 1
    }
  }
  flushText()
  if (line) job.lines.push(line.trimEnd())
  return job
}
