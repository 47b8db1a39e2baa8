// A receipt printer behind any connection: print a rendered job, kick the
// drawer through it, ask its status. Every call is bounded in time and throws
// a typed PrinterError; nothing here retries (the print queue does).
import { decodeStatus, drawerKick, STATUS_REQUESTS } from './escpos'
import { DEFAULT_DRAWER_PULSE, type DrawerPulse, type PrinterConnection, type PrinterStatus } from './types'

export interface PrinterOptions {
  /** How long one job may take to hand over (default 10 s). */
  jobTimeoutMs?: number
  /** How long to wait for each status answer (default 500 ms; silence is "unknown"). */
  statusTimeoutMs?: number
  drawerPulse?: DrawerPulse
}

export class Printer {
  private readonly jobTimeoutMs: number
  private readonly statusTimeoutMs: number

  constructor(
    readonly connection: PrinterConnection,
    private readonly opts: PrinterOptions = {},
  ) {
    this.jobTimeoutMs = opts.jobTimeoutMs ?? 10_000
    this.statusTimeoutMs = opts.statusTimeoutMs ?? 500
  }

  print(job: Uint8Array): Promise<void> {
    return this.connection.write(job, this.jobTimeoutMs)
  }

  /** ESC p m t1 t2 (all five bytes) through the printer's drawer port (a drawer on its own port: drawer.ts). */
  openDrawer(): Promise<void> {
    return this.connection.write(drawerKick(this.opts.drawerPulse ?? DEFAULT_DRAWER_PULSE), this.jobTimeoutMs)
  }

  async close(): Promise<void> {
    await this.connection.close().catch(() => {})
  }

  async status(): Promise<PrinterStatus> {
    const ask = async (req: Uint8Array) => {
      const answer = await this.connection.request(req, 1, this.statusTimeoutMs)
      return answer?.[0] ?? null
    }
    // One after another: a printer answers DLE EOT in order, and some mix answers sent together.
    const printer = await ask(STATUS_REQUESTS.printer)
    const offline = await ask(STATUS_REQUESTS.offline)
    const paper = await ask(STATUS_REQUESTS.paper)
    return decodeStatus({ printer, offline, paper })
  }
}
