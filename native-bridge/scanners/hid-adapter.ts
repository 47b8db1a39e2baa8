// HID scanner over node-hid, opened by vendor/product id: boot-keyboard
// reports or HID POS (usage page 0x8C) reports. On Windows the OS owns
// keyboard-mode scanners (see WINDOWS_KEYBOARD_HID_NOTE).
import { EventEmitter } from 'node:events'
import HID from 'node-hid'
import { DecoderPump } from './decoder-pump'
import { HidPosReportDecoder } from './hid-pos-report'
import { KeyboardReportDecoder } from './keyboard-report'
import type { ScannerAdapter, ScannerAdapterEvents } from './types'

/** The part of node-hid's HIDAsync we use. */
export interface HidDeviceLike {
  on(event: 'data', listener: (report: Buffer) => void): unknown
  on(event: 'error', listener: (err: Error) => void): unknown
  removeAllListeners(): unknown
  close(): Promise<void>
}

export interface HidAdapterOptions {
  vendorId: number
  productId: number
  protocol: 'keyboard' | 'pos'
  /** Quiet time after which a code without its terminator / continuation is a half read. */
  idleMs?: number
  /** Opens the device; tests without HID hardware inject one. */
  openDevice?: (vendorId: number, productId: number) => Promise<HidDeviceLike>
}

const hex = (n: number) => n.toString(16).padStart(4, '0')
const realOpen = (vid: number, pid: number): Promise<HidDeviceLike> => HID.HIDAsync.open(vid, pid)

export class HidScannerAdapter extends EventEmitter<ScannerAdapterEvents> implements ScannerAdapter {
  readonly source = 'hid' as const
  readonly describe: string
  private device: HidDeviceLike | null = null
  private closing = false
  private readonly pump: DecoderPump<Uint8Array>

  constructor(private readonly opts: HidAdapterOptions) {
    super()
    this.describe = `HID ${hex(opts.vendorId)}:${hex(opts.productId)} (${opts.protocol === 'pos' ? 'HID POS' : 'keyboard'})`
    const decoder = opts.protocol === 'pos' ? new HidPosReportDecoder() : new KeyboardReportDecoder()
    this.pump = new DecoderPump<Uint8Array>(decoder, opts.idleMs ?? 300, (r) => this.emit('read', r))
  }

  async open(): Promise<void> {
    const device = await (this.opts.openDevice ?? realOpen)(this.opts.vendorId, this.opts.productId)
    this.device = device
    device.on('data', (report) => this.pump.feed(report))
    // node-hid reports an unplug as an error on the read loop.
    device.on('error', (err) => this.onGone(err))
  }

  async close(): Promise<void> {
    this.closing = true
    this.pump.stop()
    const device = this.device
    this.device = null
    if (!device) return
    device.removeAllListeners()
    device.on('error', () => {})
    await device.close().catch(() => {})
  }

  private onGone(err: Error): void {
    if (this.closing) return
    this.closing = true
    this.pump.lost()
    const device = this.device
    this.device = null
    device?.removeAllListeners()
    device?.on('error', () => {})
    void device?.close().catch(() => {})
    this.emit('lost', err)
  }
}
