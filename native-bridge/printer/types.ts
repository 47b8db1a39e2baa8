// Shapes shared by every receipt-printer connection. A connection moves bytes;
// the printer (printer.ts) knows ESC/POS. Nothing here imports electron/.
/** One open way to a printer: raw TCP 9100, a serial port, the OS spooler, or a simulator. */
export interface PrinterConnection {
  /** Human-readable description for status lines (no secrets). */
  readonly describe: string
  /** Sends bytes; resolves once they are handed to the OS (TCP/serial drained), rejects on any fault or timeout. */
  write(bytes: Uint8Array, timeoutMs: number): Promise<void>
  /**
   * Sends a request and waits for `expect` answer bytes. Resolves null on silence
   * (many printers never answer status requests: silence is "unknown", not "broken").
   */
  request(bytes: Uint8Array, expect: number, timeoutMs: number): Promise<Uint8Array | null>
  close(): Promise<void>
}

/** What the printer said about itself (DLE EOT); `unknown` when it did not answer. */
export interface PrinterStatus {
  online: boolean | 'unknown'
  coverOpen: boolean | 'unknown'
  paperOut: boolean | 'unknown'
  paperNearEnd: boolean | 'unknown'
  /** The drawer-open sensor (pin 3), where wired. */
  drawerOpen: boolean | 'unknown'
}


/** Why a print or a status request failed: typed, so the queue can decide to retry. */
export type PrinterErrorKind = 'refused' | 'timeout' | 'closed' | 'io' | 'paper-out' | 'offline'

export class PrinterError extends Error {
  constructor(
    readonly kind: PrinterErrorKind,
    message: string,
  ) {
    super(message)
    this.name = 'PrinterError'
  }
}

/** Cash-drawer pulse: ESC p m t1 t2 (pin 2 is m=0, pin 5 is m=1; t in 2 ms units). */
export interface DrawerPulse {
  pin: 2 | 5
  onMs: number
  offMs: number
}

/** 1B 70 00 19 FA: pin 2, 50 ms on, 500 ms off — what most drawers sold in China expect. */
export const DEFAULT_DRAWER_PULSE: DrawerPulse = { pin: 2, onMs: 50, offMs: 500 }
