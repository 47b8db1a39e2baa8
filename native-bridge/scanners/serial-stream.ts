// Pure decoder for a serial scanner's byte stream. With a terminator (CR, LF,
// CRLF) a code ends at the terminator and a pause mid-code means a half read;
// with 'timeout' (scanners that send no terminator) a pause ends the code.
import { decodeUtf8Strict } from './utf8'
import { MAX_CODE_BYTES, rejectRead, textRead, type ScannerRead } from './types'

export type SerialTerminator = 'CR' | 'LF' | 'CRLF' | 'timeout'

const CR = 0x0d
const LF = 0x0a

export class SerialStreamDecoder {
  private buf: number[] = []
  private overflow = false
  private afterCr = false // last byte was a CR that ended a code in CR mode
  private prev = -1 // previous byte, even when an overlong read is no longer buffered

  constructor(private readonly terminator: SerialTerminator) {}

  push(chunk: Uint8Array): ScannerRead[] {
    const out: ScannerRead[] = []
    for (const byte of chunk) {
      const endsCode = this.isEnd(byte)
      this.prev = byte
      if (endsCode) {
        out.push(this.finish())
        this.afterCr = this.terminator === 'CR'
        continue
      }
      // A scanner set to CRLF on a CR port: the LF right after the CR is its tail, not a new code.
      if (this.afterCr && byte === LF && this.buf.length === 0) {
        this.afterCr = false
        continue
      }
      this.afterCr = false
      this.add(byte)
    }
    return out
  }

  pending(): boolean {
    return this.buf.length > 0 || this.overflow
  }

  /** The line went quiet (inter-byte timeout). */
  idle(): ScannerRead[] {
    this.afterCr = false
    this.prev = -1
    if (!this.pending()) return []
    if (this.terminator === 'timeout') {
      // Some "no terminator" scanners still end with CR/LF: drop one trailing pair.
      while (this.buf.length > 0 && (this.buf.at(-1) === LF || this.buf.at(-1) === CR)) this.buf.pop()
      return this.buf.length > 0 || this.overflow ? [this.finish()] : []
    }
    const read = this.overflow ? rejectRead('too-long', 'serial scan longer than 128 characters') : rejectRead('incomplete', `serial scan stopped before its ${this.terminator} terminator`)
    this.reset()
    return [read]
  }

  reset(): void {
    this.buf = []
    this.overflow = false
    this.afterCr = false
    this.prev = -1
  }

  private isEnd(byte: number): boolean {
    switch (this.terminator) {
      case 'CR':
        return byte === CR
      case 'LF':
        return byte === LF
      case 'CRLF':
        return byte === LF && this.prev === CR
      case 'timeout':
        return false
    }
  }

  private add(byte: number): void {
    if (this.overflow) return
    if (this.buf.length >= MAX_CODE_BYTES) {
      this.overflow = true
      this.buf = []
      return
    }
    this.buf.push(byte)
  }

  private finish(): ScannerRead {
    let bytes = this.buf
    const overflow = this.overflow
    this.buf = []
    this.overflow = false
    if (overflow) return rejectRead('too-long', 'serial scan longer than 128 characters')
    if (this.terminator === 'CRLF') bytes = bytes.slice(0, -1) // the CR of the CRLF
    if (this.terminator === 'LF' && bytes.at(-1) === CR) bytes = bytes.slice(0, -1) // CRLF scanner on an LF port
    const text = decodeUtf8Strict(Uint8Array.from(bytes))
    if (text === null) return rejectRead('not-text', 'serial scan is not valid UTF-8 text')
    return textRead(text)
  }
}
