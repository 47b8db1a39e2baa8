// Pure decoder for 8-byte HID boot-keyboard reports: [modifiers, reserved,
// key1..key6]. A scanner "types" each character as a press report followed by
// a release (all-zero) report, and ends the code with Enter or Tab.
import { MAX_CODE_CHARS, rejectRead, textRead, type RejectReason, type ScannerRead } from './types'

const LEFT_SHIFT = 0x02
const RIGHT_SHIFT = 0x20
// Ctrl, Alt, GUI on either side: a scanner never sends these with a code character.
const OTHER_MODIFIERS = 0x01 | 0x04 | 0x08 | 0x10 | 0x40 | 0x80
const ERROR_ROLLOVER = 0x01
const ENTER = 0x28
const KEYPAD_ENTER = 0x58
const TAB = 0x2b

// keycode -> [unshifted, shifted] (US layout, which is what scanners emulate).
const KEYMAP = new Map<number, readonly [string, string]>()
for (let i = 0; i < 26; i++) {
  const c = String.fromCharCode(0x61 + i)
  KEYMAP.set(0x04 + i, [c, c.toUpperCase()])
}
const DIGIT_ROW: readonly [string, string][] = [
  ['1', '!'], ['2', '@'], ['3', '#'], ['4', '$'], ['5', '%'],
  ['6', '^'], ['7', '&'], ['8', '*'], ['9', '('], ['0', ')'],
]
DIGIT_ROW.forEach((pair, i) => KEYMAP.set(0x1e + i, pair))
const SYMBOLS: readonly [number, string, string][] = [
  [0x2c, ' ', ' '], [0x2d, '-', '_'], [0x2e, '=', '+'], [0x2f, '[', '{'], [0x30, ']', '}'],
  [0x31, '\\', '|'], [0x33, ';', ':'], [0x34, "'", '"'], [0x35, '`', '~'], [0x36, ',', '<'],
  [0x37, '.', '>'], [0x38, '/', '?'],
  // keypad: some scanners send digits from the numeric keypad
  [0x54, '/', '/'], [0x55, '*', '*'], [0x56, '-', '-'], [0x57, '+', '+'], [0x63, '.', '.'],
]
for (const [code, plain, shifted] of SYMBOLS) KEYMAP.set(code, [plain, shifted])
for (let i = 0; i < 9; i++) KEYMAP.set(0x59 + i, [String(i + 1), String(i + 1)])
KEYMAP.set(0x62, ['0', '0'])

export class KeyboardReportDecoder {
  private text = ''
  private taint: { reason: RejectReason; message: string } | null = null
  private held = new Set<number>()

  /** Feed one input report. Returns the reads it completes (usually none). */
  push(report: Uint8Array | readonly number[]): ScannerRead[] {
    const bytes = normalise(report)
    if (!bytes) {
      this.mark('not-text', `HID keyboard report of unexpected length ${report.length}`)
      return []
    }
    const modifiers = bytes[0] ?? 0
    const keys = bytes.slice(2).filter((k) => k !== 0)
    // Phantom state (too many keys at once): carries no key information.
    if (keys.includes(ERROR_ROLLOVER)) return []
    const out: ScannerRead[] = []
    const shift = (modifiers & (LEFT_SHIFT | RIGHT_SHIFT)) !== 0
    // Only keys not already down are new presses: a repeated report is not a second character.
    const pressed = keys.filter((k) => !this.held.has(k))
    this.held = new Set(keys)
    for (const key of pressed) {
      if (key === ENTER || key === KEYPAD_ENTER || key === TAB) {
        const read = this.finish()
        if (read) out.push(read)
        continue
      }
      if ((modifiers & OTHER_MODIFIERS) !== 0) {
        this.mark('control-chars', 'Ctrl/Alt/GUI key combination inside a scan')
        continue
      }
      const entry = KEYMAP.get(key)
      if (!entry) {
        this.mark('not-text', `HID keycode 0x${key.toString(16).padStart(2, '0')} is not a text character`)
        continue
      }
      this.append(shift ? entry[1] : entry[0])
    }
    return out
  }

  /** True while part of a code is buffered (the adapter then arms its idle timer). */
  pending(): boolean {
    return this.text.length > 0 || this.taint !== null
  }

  /** The idle timer fired with no terminator: what was buffered is a half-read code. */
  idle(): ScannerRead[] {
    if (!this.pending()) return []
    const taint = this.taint
    this.reset()
    return [taint ? rejectRead(taint.reason, taint.message) : rejectRead('incomplete', 'scan stopped before its terminator (Enter/Tab)')]
  }

  reset(): void {
    this.text = ''
    this.taint = null
    this.held.clear()
  }

  private append(ch: string): void {
    if (this.taint) return
    if (this.text.length >= MAX_CODE_CHARS) {
      this.mark('too-long', `scan longer than ${MAX_CODE_CHARS} characters`)
      return
    }
    this.text += ch
  }

  private mark(reason: RejectReason, message: string): void {
    if (!this.taint) this.taint = { reason, message }
    this.text = ''
  }

  private finish(): ScannerRead | null {
    const taint = this.taint
    const text = this.text
    this.text = ''
    this.taint = null
    if (taint) return rejectRead(taint.reason, taint.message)
    // A lone Enter (e.g. the key-up of a previous scan's Enter seen twice) is not a scan.
    return text.length > 0 ? textRead(text) : null
  }
}

// 8 bytes, or 9 with a leading non-zero report id (hidraw on devices with report ids).
function normalise(report: Uint8Array | readonly number[]): number[] | null {
  const arr = Array.from(report)
  if (arr.length === 8) return arr
  if (arr.length === 9 && arr[0] !== 0) return arr.slice(1)
  return null
}
