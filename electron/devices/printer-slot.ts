// The printer role: none, a simulated printer (demo), a network printer (raw
// TCP 9100) or a serial one; the cash drawer is kicked through it (ESC p with
// all five bytes). Status is asked with DLE EOT now and then and after a failed
// job: paper out, cover open and offline are reported as devices:status; a
// printer that never answers is "unknown", not broken.
import { msg } from '../shared/contract'
import { PrinterConfig, DEFAULT_DRAWER_PULSE_CONFIG } from '../shared/contract'
import { CashDrawer } from '../../native-bridge/printer/drawer'
import { Printer } from '../../native-bridge/printer/printer'
import { SerialPrinterConnection } from '../../native-bridge/printer/serial-connection'
import { SimulatedPrinterConnection } from '../../native-bridge/printer/simulated-connection'
import { TcpPrinterConnection } from '../../native-bridge/printer/tcp-connection'
import { SpoolerPrinterConnection } from '../../native-bridge/printer/spooler-connection'
import { PrinterError, type DrawerPulse, type PrinterConnection, type PrinterStatus } from '../../native-bridge/printer/types'
import type { RoleSlot, SlotContext } from './roles'

export type PrinterConnectionConfig = Exclude<PrinterConfig['connection'], { kind: 'none' }>

export interface PrinterSlotOptions {
  /** Swap the connection (tests). */
  connection?: (config: PrinterConnectionConfig) => PrinterConnection
  /** How often to ask the printer's status while nothing happens (default 30 s; 0 = only after faults and on demand). */
  statusEveryMs?: number
  jobTimeoutMs?: number
  statusTimeoutMs?: number
}

/** Status codes the renderer translates (detail of devices:status for the printer). */
export type PrinterStatusCode = 'ok' | 'unknown' | 'paper-out' | 'cover-open' | 'offline' | 'paper-near-end' | 'refused' | 'timeout' | 'closed' | 'io' | 'none'

/** Fresh install (demo): the simulated printer, receipts shown on screen. */
export const DEFAULT_PRINTER_CONFIG: PrinterConfig = { connection: { kind: 'simulated' }, width: 58, drawer: { kind: 'printer' }, drawerPulse: { ...DEFAULT_DRAWER_PULSE_CONFIG }, autoPrint: false }

/** No printer: receipts wait in the queue (listed) until one is configured. */
export const NO_PRINTER: PrinterConfig = { ...DEFAULT_PRINTER_CONFIG, connection: { kind: 'none' } }

export function drawerPulseOf(config: PrinterConfig): DrawerPulse {
  const p = config.drawerPulse
  return { pin: p.m === 1 ? 5 : 2, onMs: p.t1 * 2, offMs: p.t2 * 2 }
}

function defaultConnection(config: PrinterConnectionConfig): PrinterConnection {
  switch (config.kind) {
    case 'simulated':
      return new SimulatedPrinterConnection()
    case 'tcp':
      return new TcpPrinterConnection({ host: config.host, port: config.port, connectTimeoutMs: 3_000 })
    case 'serial':
      return new SerialPrinterConnection({ path: config.path, baudRate: config.baudRate })
    case 'spooler':
      return new SpoolerPrinterConnection({ queue: config.queue })
  }
}

/** What DLE EOT said, as one code (worst first). */
export function statusCode(s: PrinterStatus): PrinterStatusCode {
  if (s.paperOut === true) return 'paper-out'
  if (s.coverOpen === true) return 'cover-open'
  if (s.online === false) return 'offline'
  if (s.paperNearEnd === true) return 'paper-near-end'
  return s.online === true ? 'ok' : 'unknown'
}

export class PrinterSlot implements RoleSlot<PrinterConfig> {
  readonly role = 'printer' as const
  readonly fallback: PrinterConfig = DEFAULT_PRINTER_CONFIG
  private printer: Printer | null = null
  private ownDrawer: CashDrawer | null = null
  private cfg: PrinterConfig = DEFAULT_PRINTER_CONFIG
  private timer: NodeJS.Timeout | null = null
  private checking: Promise<PrinterStatusCode> | null = null
  private checkingFor: Printer | null = null
  private last: PrinterStatusCode = 'none'

  constructor(
    private readonly ctx: SlotContext,
    private readonly opts: PrinterSlotOptions = {},
  ) {}

  parse(raw: unknown): PrinterConfig {
    return PrinterConfig.parse(raw)
  }

  needsApproval(): boolean {
    return false
  }

  async apply(config: PrinterConfig): Promise<void> {
    await this.close()
    this.cfg = config
    // A drawer on its own serial port works with or without a printer, and is never held behind one.
    if (config.drawer.kind === 'serial') {
      const port = (this.opts.connection ?? defaultConnection)({ kind: 'serial', path: config.drawer.path, baudRate: config.drawer.baudRate })
      this.ownDrawer = new CashDrawer(port, drawerPulseOf(config), this.opts.jobTimeoutMs ?? 5_000)
    }
    if (config.connection.kind === 'none') {
      this.last = 'none'
      this.ctx.setStatus('none', 'disabled', msg('PRINTER_STATUS', { printerStatus: 'none' }))
      return
    }
    const connection = (this.opts.connection ?? defaultConnection)(config.connection)
    this.printer = new Printer(connection, { drawerPulse: drawerPulseOf(config), jobTimeoutMs: this.opts.jobTimeoutMs ?? 10_000, statusTimeoutMs: this.opts.statusTimeoutMs ?? 500 })
    this.ctx.setStatus(config.connection.kind, 'connecting', msg('PRINTER_STATUS', { printerStatus: 'unknown' }))
    // The first check runs in the background: a printer that hangs must not hold the core's start
    // (the simulated one answers at once, so demo starts with its status known).
    const first = this.checkStatus()
    if (config.connection.kind === 'simulated') await first
    const every = this.opts.statusEveryMs ?? 30_000
    if (every > 0) {
      this.timer = setInterval(() => void this.checkStatus(), every)
      this.timer.unref?.()
    }
  }

  /** The printer for the print queue, or null when none is configured. */
  current(): Printer | null {
    return this.printer
  }

  /** The drawer on its own port, or null when it is kicked through the printer. */
  drawer(): CashDrawer | null {
    return this.ownDrawer
  }

  config(): PrinterConfig {
    return this.cfg
  }

  /** The last status code reported (what the header shows). */
  lastStatus(): PrinterStatusCode {
    return this.last
  }

  /** Asks the printer now (one check at a time); reports and returns the code. */
  checkStatus(): Promise<PrinterStatusCode> {
    const printer = this.printer
    if (!printer) return Promise.resolve('none')
    // One check at a time per printer: a check of the printer configured before does not count.
    if (this.checking && this.checkingFor === printer) return this.checking
    this.checkingFor = printer
    this.checking = (async () => {
      let code: PrinterStatusCode
      try {
        code = statusCode(await printer.status())
      } catch (e) {
        code = e instanceof PrinterError ? e.kind : 'io'
      }
      if (this.printer === printer) this.report(code)
      return code
    })().finally(() => {
      if (this.checkingFor === printer) this.checking = null
    })
    return this.checking
  }

  /** A print job just failed or printed: the queue tells us so the header follows without waiting for the next poll. */
  jobResult(error: string | null): void {
    if (error === null && this.last !== 'ok' && this.last !== 'unknown') void this.checkStatus()
    else if (error !== null) void this.checkStatus()
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    const printer = this.printer
    const drawer = this.ownDrawer
    this.printer = null
    this.ownDrawer = null
    await Promise.all([printer?.close(), drawer?.close()])
  }

  private report(code: PrinterStatusCode): void {
    this.last = code
    const kind = this.cfg.connection.kind
    const state = code === 'ok' || code === 'unknown' || code === 'paper-near-end' ? 'connected' : code === 'refused' || code === 'timeout' || code === 'closed' || code === 'io' ? 'disconnected' : 'failed'
    this.ctx.setStatus(kind, state, msg('PRINTER_STATUS', { printerStatus: code }))
  }
}
