// A serial receipt printer or drawer (usually 9600 or 115200 8N1). The port is
// opened on the first job and kept; any fault closes it, so the next job opens
// it afresh (an unplugged and replugged printer works on the next receipt).
import { SerialPort } from 'serialport'
import { withTimeout } from './tcp-connection'
import { PrinterError, type PrinterConnection } from './types'

/** The part of serialport's stream we use (SerialPort and SerialPortMock both fit). */
export interface SerialPrinterPort {
  open(cb: (err: Error | null) => void): void
  write(data: Uint8Array): boolean
  drain(cb: (err: Error | null) => void): void
  close(cb?: (err: Error | null) => void): void
  on(event: 'data', listener: (chunk: Buffer) => void): unknown
  on(event: 'error', listener: (err: Error) => void): unknown
  on(event: 'close', listener: () => void): unknown
  removeListener(event: 'data', listener: (chunk: Buffer) => void): unknown
  removeAllListeners(): unknown
}

export interface SerialPrinterOptions {
  path: string
  baudRate: number
  createPort?: (opts: { path: string; baudRate: number }) => SerialPrinterPort
}

const realPort = (opts: { path: string; baudRate: number }): SerialPrinterPort => new SerialPort({ ...opts, autoOpen: false })

export class SerialPrinterConnection implements PrinterConnection {
  readonly describe: string

  constructor(private readonly opts: SerialPrinterOptions) {
    this.describe = `serial ${opts.path} @${opts.baudRate}`
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    const port = await this.open(timeoutMs)
    try {
      port.write(bytes)
      await withTimeout(
        new Promise<void>((resolve, reject) => port.drain((e) => (e ? reject(new PrinterError('io', `serial write failed: ${e.message}`)) : resolve()))),
        timeoutMs,
        `printer ${this.describe} did not take the job in time`,
      )
    } catch (e) {
      await this.close()
      throw e
    }
  }

  async request(bytes: Uint8Array, expect: number, timeoutMs: number): Promise<Uint8Array | null> {
    const port = await this.open(timeoutMs)
    const chunks: Buffer[] = []
    const onData = (chunk: Buffer) => chunks.push(chunk)
    port.on('data', onData)
    try {
      port.write(bytes)
      const deadline = Date.now() + timeoutMs
      while (Buffer.concat(chunks).length < expect && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
      const got = Buffer.concat(chunks)
      return got.length >= expect ? new Uint8Array(got.subarray(0, expect)) : null
    } finally {
      port.removeListener('data', onData)
    }
  }

  async close(): Promise<void> {
    const port = this.port
    this.port = null
    if (!port) return
    port.removeAllListeners()
    await new Promise<void>((resolve) => port.close(() => resolve()))
  }

  private port: SerialPrinterPort | null = null

  private opening: Promise<SerialPrinterPort> | null = null

  /** One open at a time: a status check and a job arriving together must not open the port twice (the second open fails: port locked). */
  private open(timeoutMs: number): Promise<SerialPrinterPort> {
    if (this.port) return Promise.resolve(this.port)
    this.opening ??= this.openPort(timeoutMs).finally(() => {
      this.opening = null
    })
    return this.opening
  }

  private async openPort(timeoutMs: number): Promise<SerialPrinterPort> {
    const port = (this.opts.createPort ?? realPort)({ path: this.opts.path, baudRate: this.opts.baudRate })
    await withTimeout(
      new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(new PrinterError('io', `cannot open ${this.opts.path}: ${e.message}`)) : resolve()))),
      timeoutMs,
      `cannot open ${this.opts.path} in time`,
    )
    // A port that goes away (unplug) is dropped; the next job opens it again.
    port.on('error', () => void this.close())
    port.on('close', () => {
      if (this.port === port) this.port = null
    })
    this.port = port
    return port
  }
}
