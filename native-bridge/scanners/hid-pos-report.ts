// Pure decoder for HID POS (usage page 0x8C, "Barcode Scanner") scanned-data
// input reports, in the layout Honeywell/Zebra scanners use in HID-POS mode:
//   byte 0      report id 0x02 (scanned data)
//   byte 1      number of data bytes in this report (0..56)
//   bytes 2..4  AIM symbology identifier (ignored here)
//   bytes 5..60 data
//   byte 63     bit 0 set = more data follows in the next report
// Other report ids (status, attributes) are ignored.
import { decodeUtf8Strict } from './utf8'
import { MAX_CODE_BYTES, rejectRead, textRead, type ScannerRead } from './types'

export const HID_POS_SCANNED_DATA_REPORT = 0x02
export const HID_POS_DATA_OFFSET = 5
export const HID_POS_MAX_DATA = 56
export const HID_POS_FLAGS_OFFSET = 63

export class HidPosReportDecoder {
  private chunks: number[] = []
  private overflow = false
  private broken: string | null = null
  private continuing = false

  push(report: Uint8Array | readonly number[]): ScannerRead[] {
    const bytes = Array.from(report)
    if (bytes[0] !== HID_POS_SCANNED_DATA_REPORT) return []
    const length = bytes[1] ?? 0
    if (bytes.length < HID_POS_DATA_OFFSET + length || length > HID_POS_MAX_DATA) {
      this.broken ??= `malformed HID POS report (length byte ${length}, report ${bytes.length} bytes)`
    } else if (!this.overflow) {
      const data = bytes.slice(HID_POS_DATA_OFFSET, HID_POS_DATA_OFFSET + length)
      if (this.chunks.length + data.length > MAX_CODE_BYTES) {
        this.overflow = true
        this.chunks = []
      } else this.chunks.push(...data)
    }
    this.continuing = ((bytes[HID_POS_FLAGS_OFFSET] ?? 0) & 0x01) !== 0
    return this.continuing ? [] : [this.finish()]
  }

  pending(): boolean {
    return this.continuing
  }

  /** No follow-up report arrived in time: the code was cut off. */
  idle(): ScannerRead[] {
    if (!this.continuing) return []
    this.reset()
    return [rejectRead('incomplete', 'HID POS scan announced more data that never came')]
  }

  reset(): void {
    this.chunks = []
    this.overflow = false
    this.broken = null
    this.continuing = false
  }

  private finish(): ScannerRead {
    const { chunks, overflow, broken } = this
    this.reset()
    if (broken) return rejectRead('not-text', broken)
    if (overflow) return rejectRead('too-long', 'HID POS scan longer than 128 characters')
    const text = decodeUtf8Strict(Uint8Array.from(chunks))
    if (text === null) return rejectRead('not-text', 'HID POS scan is not valid UTF-8 text')
    // A scanner may be set to append its own CR/LF suffix: drop exactly one.
    return textRead(text.replace(/(\r\n|\r|\n)$/, ''))
  }
}

/** Builds scanned-data reports for a code (tests, simulator, fuzz). */
export function hidPosReports(data: Uint8Array): Uint8Array[] {
  const reports: Uint8Array[] = []
  for (let at = 0; at === 0 || at < data.length; at += HID_POS_MAX_DATA) {
    const part = data.subarray(at, at + HID_POS_MAX_DATA)
    const r = new Uint8Array(64)
    r[0] = HID_POS_SCANNED_DATA_REPORT
    r[1] = part.length
    r.set([0x5d, 0x45, 0x30], 2) // "]E0": EAN-13, any symbology would do
    r.set(part, HID_POS_DATA_OFFSET)
    r[HID_POS_FLAGS_OFFSET] = at + HID_POS_MAX_DATA < data.length ? 1 : 0
    reports.push(r)
  }
  return reports
}
