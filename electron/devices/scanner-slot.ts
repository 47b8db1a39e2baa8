// The scanner role: a keyboard wedge (read in the renderer), or a HID, serial or
// simulated scanner kept connected by a ScannerConnection. Every read goes
// through the ScanValidator and out as devices:scan or devices:rejected.
import { maskCode } from '../gateway/paytype'
import { PosFailure } from '../shared/result'
import { msg, ScannerConfig, type ScanEvent } from '../shared/contract'
import { SimulatedScannerAdapter } from '../../native-bridge/scanners/simulated-adapter'
import type { ScannerRead, ScanSource } from '../../native-bridge/scanners/types'
import type { AdapterFactories } from './adapters'
import type { RoleSlot, SlotContext } from './roles'
import { ScannerConnection, type Backoff } from './scanner-connection'
import { ScanValidator } from './scan-validator'

export class ScannerSlot implements RoleSlot<ScannerConfig> {
  readonly role = 'scanner' as const
  readonly fallback: ScannerConfig = { kind: 'wedge' }
  private readonly validator: ScanValidator
  private connection: ScannerConnection | null = null

  constructor(
    private readonly ctx: SlotContext,
    private readonly factories: AdapterFactories,
    private readonly backoff?: Backoff,
  ) {
    this.validator = new ScanValidator(ctx.now)
  }

  parse(raw: unknown): ScannerConfig {
    return ScannerConfig.parse(raw)
  }

  needsApproval(): boolean {
    return false
  }

  async apply(config: ScannerConfig): Promise<void> {
    await this.close()
    if (config.kind === 'wedge') {
      this.ctx.setStatus('wedge', 'connected', msg('DEVICE_WEDGE'))
      return
    }
    const connection = new ScannerConnection({
      createAdapter: () => this.factories.scanner(config),
      onRead: (source, read) => this.onRead(source, read),
      onStatus: (state, detail) => {
        if (this.connection === connection) this.ctx.setStatus(config.kind, state, detail)
      },
      ...(this.backoff ? { backoff: this.backoff } : {}),
    })
    this.connection = connection
    connection.start()
  }

  async close(): Promise<void> {
    const connection = this.connection
    this.connection = null
    await connection?.stop()
  }

  /** A keyboard-wedge scan detected in the renderer: same checks and events as device scans. */
  wedgeScan(code: string): ScanEvent {
    const verdict = this.validator.checkText('wedge', code)
    this.publish(verdict)
    // The reason is a code the renderer words (the message is the engineers' English).
    if (!verdict.ok) throw new PosFailure('INVALID_CODE', verdict.rejected.message, { reason: verdict.rejected.reason })
    return verdict.scan
  }

  /** Demo/e2e: deliver a code from the simulated scanner (scanner kind must be 'simulated'). */
  simulateScan(code: string): void {
    const adapter = this.connection?.current()
    if (!(adapter instanceof SimulatedScannerAdapter)) throw new PosFailure('NOT_CONFIGURED', 'the simulated scanner is not connected', { reason: 'no-simulated-scanner' })
    adapter.inject(code)
  }

  private onRead(source: ScanSource, read: ScannerRead): void {
    this.publish(this.validator.check(source, read))
  }

  private publish(verdict: ReturnType<ScanValidator['check']>): void {
    if (verdict.ok) {
      const { scan } = verdict
      this.ctx.log.info('devices: scan', { source: scan.source, code: maskCode(scan.code), paytype: scan.paytype })
      this.ctx.bus.emit('devices:scan', scan)
    } else {
      this.ctx.log.warn('devices: scan rejected', { source: verdict.rejected.source, reason: verdict.rejected.reason })
      this.ctx.bus.emit('devices:rejected', verdict.rejected)
    }
  }
}
