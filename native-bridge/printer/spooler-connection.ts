// A USB (or any) printer through the operating system's printer queue, in raw
// mode: the receipt's ESC/POS bytes reach the printer untouched by a driver.
// Linux/macOS: CUPS `lp -d <queue> -o raw` with the bytes on stdin. Windows: the
// spooler's RAW datatype through winspool (windows-raw-print.ts). "Written"
// means the spooler took the job; the spooler then delivers (and retries) it
// itself. A spooler carries no status answers back: status is "unknown".
import { spawn } from 'node:child_process'
import { PrinterError, type PrinterConnection } from './types'
import { WINDOWS_RAW_PRINT_SCRIPT } from './windows-raw-print'

/** -EncodedCommand (UTF-16LE, base64): the script's quotes survive Windows' argument quoting untouched. */
const ENCODED_SCRIPT = Buffer.from(WINDOWS_RAW_PRINT_SCRIPT, 'utf16le').toString('base64')

export interface SpoolerPrinterOptions {
  /** The queue's name (CUPS) or the printer's name (Windows). */
  queue: string
  platform?: NodeJS.Platform
  /** The `lp` to run (default: `lp` on the PATH). */
  lpCommand?: string
}

export class SpoolerPrinterConnection implements PrinterConnection {
  readonly describe: string

  constructor(private readonly opts: SpoolerPrinterOptions) {
    this.describe = `spooler ${opts.queue}`
  }

  write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    const windows = (this.opts.platform ?? process.platform) === 'win32'
    // No shell either way: the queue name travels as an argument (lp) or in the environment (Windows).
    return windows
      ? run('powershell.exe', ['-NoProfile', '-NonInteractive', '-EncodedCommand', ENCODED_SCRIPT], bytes, timeoutMs, { COUNTER_PRINTER: this.opts.queue })
      : run(this.opts.lpCommand ?? 'lp', ['-d', this.opts.queue, '-o', 'raw', '-s', '-t', 'receipt'], bytes, timeoutMs)
  }

  async request(): Promise<Uint8Array | null> {
    return null
  }

  async close(): Promise<void> {}
}

function run(command: string, args: string[], input: Uint8Array, timeoutMs: number, env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, ...env }, windowsHide: true })
    let stderr = ''
    let settled = false
    const done = (err: PrinterError | null) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (err) reject(err)
      else resolve()
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      done(new PrinterError('timeout', `${command} did not take the job in time`))
    }, timeoutMs)
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-500)))
    child.on('error', (e: NodeJS.ErrnoException) => done(new PrinterError('io', e.code === 'ENOENT' ? `${command} not found (is the printing system installed?)` : `${command}: ${e.message}`)))
    child.on('close', (code) => done(code === 0 ? null : new PrinterError('io', `${command} exited ${code}: ${stderr.trim()}`)))
    child.stdin.on('error', () => {}) // a child that exits early: its exit code says why
    child.stdin.end(input)
  })
}
