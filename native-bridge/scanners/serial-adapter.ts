// Serial scanner over serialport: path + baud, terminator CR/LF/CRLF or an
// inter-byte timeout. One instance = one open of the port; after `lost` the
// device service builds a fresh one.
import { EventEmitter } from 'node:events'
import { SerialPort } from 'serialport'
import { DecoderPump } from './decoder-pump'
import { SerialStreamDecoder, type SerialTerminator } from './serial-stream'
import type { ScannerAdapter, ScannerAdapterEvents } from './types'

/** The part of serialport's stream we use (SerialPort and SerialPortMock both fit). */
export interface SerialPortLike {
  readonly isOpen: boolean
  open(cb: (err: Error | null) => void): void
  close(cb?: (err: Error | null) => void): void
  on(event: 'data', listener: (chunk: Buffer) => void): unknown
  on(event: 'close', listener: (err?: Error | null) => void): unknown
  on(event: 'error', listener: (err: Error) => void): unknown
  removeAllListeners(): unknown
}

export interface SerialAdapterOptions {
  path: string
  baudRate: number
  terminator: SerialTerminator
  /** Quiet time that ends a code ('timeout' mode) or marks it half-read (terminator modes). */
  idleMs?: number
  /** Builds the port; tests pass a SerialPortMock factory. */
  createPort?: (opts: { path: string; baudRate: number }) => SerialPortLike
}

export const DEFAULT_SERIAL_IDLE_MS = { timeout: 80, terminated: 500 }

const realPort = (opts: { path: string; baudRate: number }): SerialPortLike => new SerialPort({ ...opts, autoOpen: false })

export class SerialScannerAdapter extends EventEmitter<ScannerAdapterEvents> implements ScannerAdapter {
  readonly source = 'serial' as const
  readonly describe: string
  private port: SerialPortLike | null = null
  private closing = false
  private readonly pump: DecoderPump<Uint8Array>

  constructor(private readonly opts: SerialAdapterOptions) {
    super()
    this.describe = `serial ${opts.path} @${opts.baudRate} (${opts.terminator})`
    const idleMs = opts.idleMs ?? (opts.terminator === 'timeout' ? DEFAULT_SERIAL_IDLE_MS.timeout : DEFAULT_SERIAL_IDLE_MS.terminated)
    this.pump = new DecoderPump(new SerialStreamDecoder(opts.terminator), idleMs, (r) => this.emit('read', r))
  }

  async open(): Promise<void> {
    const port = (this.opts.createPort ?? realPort)({ path: this.opts.path, baudRate: this.opts.baudRate })
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())))
    this.port = port
    port.on('data', (chunk) => this.pump.feed(chunk))
    port.on('close', (err) => this.onGone(err ?? new Error('serial port closed')))
    port.on('error', (err) => this.onGone(err))
  }

  async close(): Promise<void> {
    this.closing = true
    this.pump.stop()
    const port = this.port
    this.port = null
    if (!port) return
    port.removeAllListeners()
    port.on('error', () => {}) // a late error from a closing port is not news
    if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()))
  }

  private onGone(err: Error): void {
    if (this.closing) return
    this.closing = true
    this.pump.lost()
    this.port?.removeAllListeners()
    this.port?.on('error', () => {})
    this.port = null
    this.emit('lost', err)
  }
}
