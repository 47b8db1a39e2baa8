// Demo-mode scanner: `inject(code)` delivers a code as if scanned, through the
// same validation as real hardware. `unplug()`/`replug()` exercise reconnects.
import { EventEmitter } from 'node:events'
import { textRead, type ScannerAdapter, type ScannerAdapterEvents, type ScannerRead } from './types'

/** Shared "is the cable in" switch, so a rebuilt adapter sees the same simulated device. */
export class SimulatedScannerDevice {
  plugged = true
  current: SimulatedScannerAdapter | null = null

  unplug(): void {
    this.plugged = false
    this.current?.lose()
  }

  replug(): void {
    this.plugged = true
  }
}

export class SimulatedScannerAdapter extends EventEmitter<ScannerAdapterEvents> implements ScannerAdapter {
  readonly source = 'simulated' as const
  readonly describe = 'simulated scanner'
  private isOpen = false

  constructor(private readonly device: SimulatedScannerDevice = new SimulatedScannerDevice()) {
    super()
  }

  async open(): Promise<void> {
    if (!this.device.plugged) throw new Error('simulated scanner is unplugged')
    this.isOpen = true
    this.device.current = this
  }

  async close(): Promise<void> {
    this.isOpen = false
    if (this.device.current === this) this.device.current = null
  }

  /** A scan as the scanner would deliver it (terminator already stripped). */
  inject(code: string): void {
    this.injectRead(textRead(code))
  }

  injectRead(read: ScannerRead): void {
    if (!this.isOpen) throw new Error('simulated scanner is not connected')
    this.emit('read', read)
  }

  /** Called by the device on unplug. */
  lose(): void {
    if (!this.isOpen) return
    this.isOpen = false
    this.emit('lost', new Error('simulated unplug'))
  }
}
