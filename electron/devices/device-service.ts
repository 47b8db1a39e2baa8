// The device service: holds one slot per device role (scanner and face camera
// today; see roles.ts), builds what the settings ask for, and reports each
// device's state as `devices:status`. It only emits: paying is the engine's
// and the renderer's job. A new device class is a new slot in `slots` plus its
// config in DevicesConfig and the contract.
import { isAbsolute } from 'node:path'
import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'
import { PosFailure } from '../shared/result'
import type { DeviceStatus, FaceConfig, PrinterConfig, ProofInput, ScanEvent, ScannerConfig } from '../shared/contract'
import type { FaceCamera } from '../../native-bridge/face/types'
import { listScannerDevices, type DeviceList } from '../../native-bridge/scanners/list-devices'
import { WINDOWS_KEYBOARD_HID_NOTE } from '../../native-bridge/scanners/types'
import { defaultAdapterFactories, type AdapterFactories } from './adapters'
import type { Backoff } from './scanner-connection'
import { defaultFaceSdkFolders, FaceSdkFolders } from './face-library'
import type { DeviceRole, RoleSlot, SlotContext } from './roles'
import { ScannerSlot } from './scanner-slot'
import { FaceSlot } from './face-slot'
import { DEFAULT_PRINTER_CONFIG, PrinterSlot, type PrinterSlotOptions } from './printer-slot'
import type { Printer } from '../../native-bridge/printer/printer'
import './source-lists-agree' // compile-time check only

/** What is written to the audit when someone picks (or is refused) native code to load: `subject` names it (the slot's approvalName). */
export interface DeviceApprovalAudit {
  subject: string
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
  printer: PrinterConfig
}
type ConfiguredRole = keyof DevicesConfig

/** Fresh install / demo: keyboard-wedge scanner, simulated face camera, simulated printer. */
export const DEFAULT_DEVICES_CONFIG: DevicesConfig = { scanner: { kind: 'wedge' }, face: { kind: 'simulated' }, printer: DEFAULT_PRINTER_CONFIG }

export { WINDOWS_KEYBOARD_HID_NOTE }

export interface DeviceServiceOptions {
  bus: EventBus
  log: Logger
  /** Reads the saved device settings as stored (the settings service provides it); each role's part is parsed by its slot. */
  load: () => unknown
  /** Persists device settings after `configure`. */
  save: (config: DevicesConfig) => void
  now?: () => number
  adapters?: Partial<AdapterFactories>
  backoff?: Backoff
  listDevices?: () => Promise<DeviceList>
  /** The supervisor PIN check (settings' PinGuard): needed to change a device that loads native code. Absent → such changes are refused. */
  verifyPin?: (pin: ProofInput) => void
  /** Who may change any device setting at all (a counter with operators: the manager's settings permission). Absent → anyone may. */
  guardChange?: (pin: ProofInput, roles: string[]) => void
  /** The allowed face SDK folders as stored (default: the vendor SDK install folder) and where to store a new list. */
  faceSdkFolders?: { load(): unknown; save(folders: string[]): void }
  /** Writes each native-code choice to the journal's audit. */
  audit?: (entry: DeviceApprovalAudit) => void
  /** Printer connection and status timing (tests swap the connection). */
  printer?: PrinterSlotOptions
}

export class DeviceService {
  private cfg: DevicesConfig
  private readonly now: () => number
  private readonly statuses = new Map<DeviceRole, DeviceStatus>()
  private readonly scanner: ScannerSlot
  private readonly camera: FaceSlot
  private readonly printerSlot: PrinterSlot
  /** Every configured role's slot, in start order. */
  private readonly slots: { [R in ConfiguredRole]: RoleSlot<DevicesConfig[R]> }

  constructor(private readonly opts: DeviceServiceOptions) {
    this.now = opts.now ?? Date.now
    const factories = { ...defaultAdapterFactories, ...opts.adapters }
    this.scanner = new ScannerSlot(this.context('scanner'), factories, opts.backoff)
    this.camera = new FaceSlot(this.context('face'), factories, () => this.faceSdkFolders())
    this.printerSlot = new PrinterSlot(this.context('printer'), opts.printer)
    this.slots = { scanner: this.scanner, face: this.camera, printer: this.printerSlot }
    this.cfg = this.loadConfig()
  }

  /** Opens the configured devices. Returns once each slot made its first attempt; connecting goes on in the background. */
  async start(): Promise<void> {
    for (const role of this.roles()) await this.slots[role].apply(this.cfg[role] as never)
  }

  config(): DevicesConfig {
    return structuredClone(this.cfg)
  }

  status(): DeviceStatus[] {
    return [...this.statuses.values()]
  }

  async configure(patch: Partial<DevicesConfig>, pin?: ProofInput): Promise<DeviceStatus[]> {
    const next: DevicesConfig = { ...this.cfg, ...patch }
    const changed = this.roles().filter((role) => JSON.stringify(next[role]) !== JSON.stringify(this.cfg[role]))
    if (changed.length > 0) this.opts.guardChange?.(pin, changed)
    for (const role of changed) {
      const slot = this.slots[role] as RoleSlot<unknown>
      if (slot.needsApproval(this.cfg[role], next[role])) this.approve(slot, next[role], pin)
    }
    this.opts.save(next) // a save that throws leaves the running devices as they were
    this.cfg = next
    for (const role of changed) await this.slots[role].apply(next[role] as never)
    return this.status()
  }

  /** The supervisor's yes (PIN) and the slot's own check, both audited; throws (changing nothing) when either fails. */
  private approve(slot: RoleSlot<unknown>, to: unknown, pin: ProofInput): void {
    const entry: DeviceApprovalAudit = { subject: slot.approvalName ?? slot.role, action: 'configure', outcome: 'refused', ...slot.describeChange?.(to) }
    try {
      if (!this.opts.verifyPin) throw new PosFailure('NOT_CONFIGURED', 'this counter cannot approve native-code devices', { reason: 'cannot-approve-devices' })
      this.opts.verifyPin(pin)
      Object.assign(entry, slot.approve?.(to))
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

  setFaceSdkFolders(folders: string[], pin: ProofInput): string[] {
    const entry: DeviceApprovalAudit = { subject: this.camera.approvalName, action: 'folders', outcome: 'refused', folders: folders.map((f) => f.slice(0, 512)) }
    try {
      if (!this.opts.verifyPin || !this.opts.faceSdkFolders) throw new PosFailure('NOT_CONFIGURED', 'this counter cannot change the face SDK folders', { reason: 'cannot-set-sdk-folders' })
      this.opts.verifyPin(pin)
      if (!folders.every((f) => isAbsolute(f))) throw new PosFailure('VALIDATION', 'SDK folders must be absolute paths', { reason: 'sdk-folder-not-absolute' })
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
    return this.scanner.wedgeScan(code)
  }

  /** The face camera for the payment engine, or null when none is configured. */
  face(): FaceCamera | null {
    return this.camera.current()
  }

  /** The receipt printer (the drawer is behind it), or null when none is configured. */
  printer(): Printer | null {
    return this.printerSlot.current()
  }

  /** The printer role itself: config, last status, a status check on demand. */
  get printerRole(): PrinterSlot {
    return this.printerSlot
  }

  /** Demo/e2e: deliver a code from the simulated scanner (scanner kind must be 'simulated'). */
  simulateScan(code: string): void {
    this.scanner.simulateScan(code)
  }

  async close(): Promise<void> {
    for (const role of this.roles()) await this.slots[role].close()
  }

  private roles(): ConfiguredRole[] {
    return Object.keys(this.slots) as ConfiguredRole[]
  }

  /** Each role's saved config, parsed by its slot; a bad or missing part falls back to the slot's default, said in the log. */
  private loadConfig(): DevicesConfig {
    let raw: Partial<Record<ConfiguredRole, unknown>> | undefined
    try {
      const loaded = this.opts.load()
      if (typeof loaded === 'object' && loaded !== null) raw = loaded as Partial<Record<ConfiguredRole, unknown>>
    } catch (e) {
      this.opts.log.warn('devices: could not load config, using defaults', { error: e instanceof Error ? e.message : String(e) })
    }
    const pick = <R extends ConfiguredRole>(role: R): DevicesConfig[R] => {
      const slot = this.slots[role]
      try {
        return slot.parse(raw?.[role])
      } catch {
        if (raw) this.opts.log.warn('devices: saved config unreadable, using the default for this device', { role })
        return structuredClone(slot.fallback)
      }
    }
    return { scanner: pick('scanner'), face: pick('face'), printer: pick('printer') }
  }

  private context(device: DeviceRole): SlotContext {
    return {
      bus: this.opts.bus,
      log: this.opts.log,
      now: () => this.now(),
      setStatus: (kind, state, detail) => {
        const status: DeviceStatus = { device, kind, state, detail, at: this.now() }
        this.statuses.set(device, status)
        this.opts.bus.emit('devices:status', status)
      },
    }
  }
}
