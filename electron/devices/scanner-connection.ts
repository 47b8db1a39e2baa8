// Keeps one scanner connected: opens its adapter, and when the device goes
// away (unplug, read error) or is not there yet, retries with exponential
// backoff until it is back. Reads from a replaced adapter are ignored, so a
// reconnect can neither lose a finished scan nor deliver one twice.
import type { ScannerAdapter, ScannerRead, ScanSource } from '../../native-bridge/scanners/types'
import { msg, type DeviceStatus, type Message } from '../shared/contract'

export interface Backoff {
  initialMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 10_000 }
/** After this many failed opens in a row the status says failed (retries go on). */
const FAILED_AFTER = 5

export interface ScannerConnectionOptions {
  createAdapter: () => ScannerAdapter
  onRead: (source: ScanSource, read: ScannerRead) => void
  onStatus: (state: DeviceStatus['state'], detail: Message) => void
  backoff?: Backoff
}

export class ScannerConnection {
  private adapter: ScannerAdapter | null = null
  private generation = 0
  private failures = 0
  private timer: NodeJS.Timeout | null = null
  private stopped = false
  private readonly backoff: Backoff

  constructor(private readonly opts: ScannerConnectionOptions) {
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF
  }

  /** The adapter currently connected (the simulator reaches its inject() through this). */
  current(): ScannerAdapter | null {
    return this.adapter
  }

  start(): void {
    void this.connect()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.generation++
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const adapter = this.adapter
    this.adapter = null
    await adapter?.close().catch(() => {})
  }

  private async connect(): Promise<void> {
    this.timer = null
    if (this.stopped) return
    const adapter = this.opts.createAdapter()
    const gen = ++this.generation
    const live = () => gen === this.generation && !this.stopped
    this.opts.onStatus('connecting', msg('DEVICE_CONNECTING', { device: adapter.describe }))
    // Listeners go on before open(): bytes that arrive with the open are not lost.
    adapter.on('read', (read) => {
      if (live()) this.opts.onRead(adapter.source, read)
    })
    adapter.on('lost', (err) => {
      if (!live()) return
      this.adapter = null
      void adapter.close().catch(() => {})
      this.retry('DEVICE_LOST', adapter.describe, err.message)
    })
    try {
      await adapter.open()
    } catch (e) {
      if (!live()) return
      await adapter.close().catch(() => {})
      this.retry('DEVICE_UNAVAILABLE', adapter.describe, e instanceof Error ? e.message : String(e))
      return
    }
    if (!live()) {
      await adapter.close().catch(() => {})
      return
    }
    this.adapter = adapter
    this.failures = 0
    this.opts.onStatus('connected', msg('DEVICE_CONNECTED', { device: adapter.describe }))
  }

  private retry(code: 'DEVICE_LOST' | 'DEVICE_UNAVAILABLE', device: string, error: string): void {
    if (this.stopped) return
    const delay = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** Math.min(this.failures, 20))
    this.failures++
    const state = this.failures >= FAILED_AFTER ? 'failed' : 'disconnected'
    this.opts.onStatus(state, msg(code, { device, error: error.slice(0, 500), retryS: Math.round(delay / 100) / 10 }))
    this.timer = setTimeout(() => void this.connect(), delay)
  }
}
