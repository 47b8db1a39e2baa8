// Shapes shared by every scanner adapter and decoder. Decoders are pure: they
// turn bytes/reports into `ScannerRead`s; adapters do the I/O around them.
import type { EventEmitter } from 'node:events'

// The scanners' own words for where a read came from and why one was refused.
// The contract has the same lists (electron/shared/contract/devices.ts); the
// device service checks at compile time that they agree (native-bridge depends
// on nothing in electron/).
export type ScanSource = 'hid' | 'serial' | 'wedge' | 'simulated'
export type RejectReason = 'control-chars' | 'not-text' | 'too-long' | 'incomplete' | 'glued' | 'not-payment-code'

/** The longest code we accept; longer reads are rejected as too-long. */
export const MAX_CODE_CHARS = 128
/** Enough bytes for MAX_CODE_CHARS of 4-byte UTF-8 plus a terminator: beyond this a decoder stops buffering. */
export const MAX_CODE_BYTES = MAX_CODE_CHARS * 4 + 2

/** What a decoder hands on: a candidate text (still to be validated) or a rejection it already knows about. */
export type ScannerRead = { kind: 'text'; text: string } | { kind: 'reject'; reason: RejectReason; message: string }

export const textRead = (text: string): ScannerRead => ({ kind: 'text', text })
export const rejectRead = (reason: RejectReason, message: string): ScannerRead => ({ kind: 'reject', reason, message })

export interface ScannerAdapterEvents {
  /** One decoded read (candidate code or rejection). */
  read: [ScannerRead]
  /** The device went away (unplug, read error). The adapter is closed after this; the service reconnects. */
  lost: [Error]
}

/**
 * One open connection to one scanner. `open()` rejects when the device is not
 * there; after `lost` the adapter is done and the service builds a new one.
 */
export interface ScannerAdapter extends EventEmitter<ScannerAdapterEvents> {
  readonly source: ScanSource
  /** Human-readable description for status lines (no secrets). */
  readonly describe: string
  open(): Promise<void>
  close(): Promise<void>
}

/** Shown in settings and README: why keyboard-mode HID scanners are read as wedge on Windows. */
export const WINDOWS_KEYBOARD_HID_NOTE =
  'Windows 独占键盘模式的 HID 扫码枪：请按"键盘输入 (wedge)"方式使用，或把扫码枪切换到 HID-POS 或串口模式。' +
  ' (On Windows the OS owns keyboard-mode HID scanners: read them as keyboard wedge, or switch the scanner to HID-POS or serial mode.)'
