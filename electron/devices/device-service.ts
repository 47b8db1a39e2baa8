// The device service: builds the scanner and face camera the settings ask for,
// turns every scanner read into `devices:scan` or `devices:rejected`, and
// reports each device's state as `devices:status`. It only emits: paying is
// the engine's and the renderer's job.
import { isAbsolute } from 'node:path'
import { maskCode } from '../gateway/paytype'
import type { EventBus } from '../core/event-bus'
import type { Logger } from '../core/logger'
import { PosFailure } from '../shared/result'
import { FaceConfig, ScannerConfig, type DeviceStatus, type ScanEvent } from '../shared/contract'
import type { FaceCamera, FaceStatus } from '../../native-bridge/face/types'
import { listScannerDevices, type DeviceList } from '../../native-bridge/scanners/list-devices'
import { SimulatedScannerAdapter } from '../../native-bridge/scanners/simulated-adapter'
import type { ScannerRead, ScanSource } from '../../native-bridge/scanners/types'
import { WINDOWS_KEYBOARD_HID_NOTE } from '../../native-bridge/scanners/types'
import { defaultAdapterFactories, type AdapterFactories } from './adapters'
import { ScannerConnection, type Backoff } from './scanner-connection'
import { ScanValidator } from './scan-validator'
import { checkFaceLibrary, defaultFaceSdkFolders, FaceSdkFolders } from './face-library'

/** What is written to the audit when someone picks (or is refused) native code to load. */
export interface FaceLibraryAudit {
  action: 'configure' | 'folders'
  outcome: 'accepted' | 'refused'
  libraryPath?: string
  sha256?: string
  folders?: string[]
  reason?: string
}

export interface DevicesConfig {
  scanner: ScannerConfig
  face: FaceConfig
}

/** Fresh install / demo: keyboard-wedge scanner, simulated face camera. */
export const DEFAULT_DEVICES_CONFIG: DevicesConfig = { scanner: { kind: 'wedge' }, face: { kind: 'simulated' } }

export { WINDOWS_KEYBOARD_HID_NOTE }

export interface DeviceServiceOptions {
  bus: EventBus
  log: Logger
  /** Reads the saved device settings (the settings store provides it). */
  load: () => DevicesConfig
  /** Persists device settings after `configure`. */
  save: (config: DevicesConfig) => void
  now?: () => number
  adapters?: Partial<AdapterFactories>
  backoff?: Backoff
  listDevices?: () => Promise<DeviceList>
  /** The supervisor PIN check (settings' PinGuard): needed to change a device that loads native code. Absent → such changes are refused. */
  verifyPin?: (pin: string | undefined) => void
  /** The allowed face SDK folders as stored (default: the vendor SDK install folder) and where to store a new list. */
  faceSdkFolders?: { load(): unknown; save(folders: string[]): void }
  /** Writes each native-code choice to the journal's audit. */
  audit?: (entry: FaceLibraryAudit) => void
}

export class DeviceService {
  private cfg: DevicesConfig
  private readonly now: () => number
  private readonly validator: ScanValidator
  private readonly factories: AdapterFactories
  private scanner: ScannerConnection | null = null
  private camera: FaceCamera | null = null
  private unsubscribeFace: (() => void) | null = null
  private readonly statuses = new Map<'scanner' | 'face', DeviceStatus>()

  constructor(private readonly opts: DeviceServiceOptions) {
    this.now = opts.now ?? Date.now
    this.validator = new ScanValidator(this.now)
    this.factories = { ...defaultAdapterFactories, ...opts.adapters }
    this.cfg = this.loadConfig()
  }

  /** Opens the configured devices. Returns at once; connecting goes on in the background. */
  async start(): Promise<void> {
    this.applyScanner()
    await this.applyFace()
  }

  config(): DevicesConfig {
    return structuredClone(this.cfg)
  }

  status(): DeviceStatus[] {
    return [...this.statuses.values()]
  }

  async configure(patch: Partial<DevicesConfig>, pin?: string): Promise<DeviceStatus[]> {
    const next: DevicesConfig = { scanner: patch.scanner ?? this.cfg.scanner, face: patch.face ?? this.cfg.face }
    const scannerChanged = JSON.stringify(next.scanner) !== JSON.stringify(this.cfg.scanner)
    const faceChanged = JSON.stringify(next.face) !== JSON.stringify(this.cfg.face)
    if (faceChanged && (next.face.kind === 'vendor' || this.cfg.face.kind === 'vendor')) this.approveNativeFace(next.face, pin)
    this.opts.save(next) // a save that throws leaves the running devices as they were
    this.cfg = next
    if (scannerChanged) {
      await this.scanner?.stop()
      this.scanner = null
      this.applyScanner()
    }
    if (faceChanged) await this.applyFace()
    return this.status()
  }

  /** The supervisor's yes (PIN) and the library check, both audited; throws (changing nothing) when either fails. */
  private approveNativeFace(face: FaceConfig, pin: string | undefined): void {
    const entry: FaceLibraryAudit = { action: 'configure', outcome: 'refused', ...(face.kind === 'vendor' ? { libraryPath: face.libraryPath.slice(0, 512) } : {}) }
    try {
      if (!this.opts.verifyPin) throw new PosFailure('NOT_CONFIGURED', 'this counter cannot approve native-code devices')
      this.opts.verifyPin(pin)
      if (face.kind === 'vendor') entry.sha256 = checkFaceLibrary(face.libraryPath, this.faceSdkFolders(), face.sha256).sha256
    } catch (e) {
      this.opts.audit?.({ ...entry, reason: e instanceof Error ? e.message.slice(0, 200) : String(e) })
      throw e
    }
    this.opts.audit?.({ ...entry, outcome: 'accepted' })
  }

  /** Where a face SDK library may be loaded from (the stored list, else the vendor's install folder). */
  faceSdkFolders(): string[] {
    const stored = FaceSdkFolders.safeParse(this.opts.faceSdkFolders?.load())
    return stored.success ? stored.data : defaultFaceSdkFolders()
  }

  setFaceSdkFolders(folders: string[], pin: string): string[] {
    const entry: FaceLibraryAudit = { action: 'folders', outcome: 'refused', folders: folders.map((f) => f.slice(0, 512)) }
    try {
      if (!this.opts.verifyPin || !this.opts.faceSdkFolders) throw new PosFailure('NOT_CONFIGURED', 'this counter cannot change the face SDK folders')
      this.opts.verifyPin(pin)
      if (!folders.every((f) => isAbsolute(f))) throw new PosFailure('VALIDATION', 'SDK folders must be absolute paths')
      this.opts.faceSdkFolders.save(folders)
    } catch (e) {
      this.opts.audit?.({ ...entry, reason: e instanceof Error ? e.message.slice(0, 200) : String(e) })
      throw e
    }
    this.opts.audit?.({ ...entry, outcome: 'accepted' })
    return this.faceSdkFolders()
  }

  async list(): Promise<DeviceList> {
    return (this.opts.listDevices ?? listScannerDevices)().catch(() => ({ hid: [], serial: [] }))
  }

  /** A keyboard-wedge scan detected in the renderer: same checks and events as device scans. */
  wedgeScan(code: string): ScanEvent {
    const verdict = this.validator.checkText('wedge', code)
    this.publish(verdict)
    if (!verdict.ok) throw new PosFailure('INVALID_CODE', verdict.rejected.message)
    return verdict.scan
  }

  /** The face camera for the payment engine, or null when none is configured. */
  face(): FaceCamera | null {
    return this.camera
  }

  /** Demo/e2e: deliver a code from the simulated scanner (scanner kind must be 'simulated'). */
  simulateScan(code: string): void {
    const adapter = this.scanner?.current()
    if (!(adapter instanceof SimulatedScannerAdapter)) throw new PosFailure('NOT_CONFIGURED', 'the simulated scanner is not connected')
    adapter.inject(code)
  }

  async close(): Promise<void> {
    await this.scanner?.stop()
    this.scanner = null
    this.unsubscribeFace?.()
    await this.camera?.close().catch(() => {})
    this.camera = null
  }

  private loadConfig(): DevicesConfig {
    try {
      const raw = this.opts.load()
      const scanner = ScannerConfig.safeParse(raw?.scanner)
      const face = FaceConfig.safeParse(raw?.face)
      if (!scanner.success || !face.success) this.opts.log.warn('devices: saved config unreadable, using defaults for the bad part')
      return { scanner: scanner.success ? scanner.data : DEFAULT_DEVICES_CONFIG.scanner, face: face.success ? face.data : DEFAULT_DEVICES_CONFIG.face }
    } catch (e) {
      this.opts.log.warn('devices: could not load config, using defaults', { error: e instanceof Error ? e.message : String(e) })
      return structuredClone(DEFAULT_DEVICES_CONFIG)
    }
  }

  private applyScanner(): void {
    const config = this.cfg.scanner
    if (config.kind === 'wedge') {
      this.setStatus('scanner', 'wedge', 'connected', 'keyboard wedge: scans are read from the keyboard in the cashier window')
      return
    }
    const connection = new ScannerConnection({
      createAdapter: () => this.factories.scanner(config),
      onRead: (source, read) => this.onRead(source, read),
      onStatus: (state, detail) => {
        if (this.scanner === connection) this.setStatus('scanner', config.kind, state, detail)
      },
      ...(this.opts.backoff ? { backoff: this.opts.backoff } : {}),
    })
    this.scanner = connection
    connection.start()
  }

  private async applyFace(): Promise<void> {
    this.unsubscribeFace?.()
    this.unsubscribeFace = null
    const old = this.camera
    this.camera = null
    await old?.close().catch(() => {})
    const config = this.cfg.face
    if (config.kind === 'none') {
      this.setStatus('face', 'none', 'disabled', 'no face camera configured')
      return
    }
    // Checked again before every worker start: the folder list or the file may have changed since.
    const preflight = () => {
      if (config.kind !== 'vendor') throw new PosFailure('DEVICE', 'not a vendor SDK camera')
      const checked = checkFaceLibrary(config.libraryPath, this.faceSdkFolders(), config.sha256)
      return { path: checked.realPath, sha256: checked.sha256 }
    }
    const camera = this.factories.face(config, preflight)
    this.camera = camera
    const report = (s: FaceStatus) => {
      if (this.camera === camera) this.setStatus('face', s.kind, s.state, s.detail)
    }
    this.unsubscribeFace = camera.onStatus(report)
    report(camera.status())
    // start() failing is reported through status; payments then see the camera as unavailable.
    await camera.start().catch((e: unknown) => this.opts.log.warn('devices: face camera did not start', { error: e instanceof Error ? e.message : String(e) }))
  }

  private onRead(source: ScanSource, read: ScannerRead): void {
    this.publish(this.validator.check(source, read))
  }

  private publish(verdict: ReturnType<ScanValidator['check']>): void {
    if (verdict.ok) {
      const { scan } = verdict
      this.opts.log.info('devices: scan', { source: scan.source, code: maskCode(scan.code), paytype: scan.paytype })
      this.opts.bus.emit('devices:scan', scan)
    } else {
      this.opts.log.warn('devices: scan rejected', { source: verdict.rejected.source, reason: verdict.rejected.reason })
      this.opts.bus.emit('devices:rejected', verdict.rejected)
    }
  }

  private setStatus(device: 'scanner' | 'face', kind: string, state: DeviceStatus['state'], detail: string): void {
    const status: DeviceStatus = { device, kind, state, detail: detail.slice(0, 500), at: this.now() }
    this.statuses.set(device, status)
    this.opts.bus.emit('devices:status', status)
  }
}
