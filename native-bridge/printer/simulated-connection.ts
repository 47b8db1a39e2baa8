// Demo-mode printer: keeps the bytes of every job so the UI can show the
// receipt on screen. Answers status requests as a healthy printer would.
import type { PrinterConnection } from './types'

export class SimulatedPrinterConnection implements PrinterConnection {
  readonly describe = 'simulated printer'
  /** Every job received, oldest first (bounded). */
  readonly jobs: Uint8Array[] = []

  constructor(private readonly keep = 50) {}

  async write(bytes: Uint8Array): Promise<void> {
    this.jobs.push(bytes)
    if (this.jobs.length > this.keep) this.jobs.shift()
  }

  async request(_bytes: Uint8Array, expect: number): Promise<Uint8Array | null> {
    // 0x12: a status byte with nothing wrong (online, cover closed, paper present).
    return new Uint8Array(expect).fill(0x12)
  }

  async close(): Promise<void> {}
}
