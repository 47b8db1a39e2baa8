// The one gate every scanner read passes before it becomes a `devices:scan`
// event: plain printable text, at most 128 characters, one code per read.
// Payment codes get their paytype; anything else that is clean text (a product
// barcode, a URL) is still a scan, with paytype null. Never throws.
import type { ScanEvent, ScanRejected } from '../shared/contract'
import { maskCode, payTypeOfAuthCode } from '../gateway/paytype'
import { MAX_CODE_CHARS, type ScannerRead, type ScanSource } from '../../native-bridge/scanners/types'

export type ScanVerdict = { ok: true; scan: ScanEvent } | { ok: false; rejected: ScanRejected }

const TERMINATOR_CHARS = /[\r\n\t]/
// C0, DEL and C1 control characters.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/
// Printable = letters, marks, numbers, punctuation, symbols and the plain space
// (U+FFFD, the mark of bytes that failed to decode, is refused separately).
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]+$/u

export class ScanValidator {
  constructor(private readonly now: () => number = Date.now) {}

  /** Check one decoded read (a decoder may already have rejected it). */
  check(source: ScanSource, read: ScannerRead): ScanVerdict {
    if (read.kind === 'reject') return this.reject(source, read.reason, read.message)
    return this.checkText(source, read.text)
  }

  checkText(source: ScanSource, text: string): ScanVerdict {
    if (typeof text !== 'string' || text.length === 0) return this.reject(source, 'incomplete', 'empty scan')
    if (TERMINATOR_CHARS.test(text)) return this.reject(source, 'glued', 'a terminator (Enter/Tab/CR/LF) in the middle of a scan: two codes read as one')
    if (CONTROL_CHARS.test(text)) return this.reject(source, 'control-chars', 'scan contains control characters')
    if (text.length > MAX_CODE_CHARS) return this.reject(source, 'too-long', `scan longer than ${MAX_CODE_CHARS} characters (${text.length})`)
    if (!PRINTABLE.test(text) || text.includes('\ufffd')) return this.reject(source, 'not-text', 'scan contains characters that are not printable text')
    const paytype = payTypeOfAuthCode(text)
    if (paytype === null && isTwoPaymentCodes(text)) {
      return this.reject(source, 'glued', `two payment codes read as one (${maskCode(text)})`)
    }
    return { ok: true, scan: { source, code: text, paytype, at: this.now() } }
  }

  private reject(source: ScanSource, reason: ScanRejected['reason'], message: string): ScanVerdict {
    return { ok: false, rejected: { source, reason, message, at: this.now() } }
  }
}

/** True when the digits split into two codes that would each pass as a payment code. */
export function isTwoPaymentCodes(text: string): boolean {
  if (!/^\d{32,48}$/.test(text)) return false // two codes are each at least 16 digits, at most 24
  for (let cut = 16; cut <= text.length - 16; cut++) {
    if (payTypeOfAuthCode(text.slice(0, cut)) !== null && payTypeOfAuthCode(text.slice(cut)) !== null) return true
  }
  return false
}
