// The device roles a counter has and what every role's slot does. The device
// service holds one slot per role (scanner, face camera today; printer, cash
// drawer and customer display have their place in the contract's DeviceRole)
// and treats them all alike: parse the saved config, open what it names,
// report status, close. A new device class is one slot (or one adapter in an
// existing slot) plus one contract entry.
import type { DeviceRole, DeviceStatus, Message } from '../shared/contract'
import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'

export type { DeviceRole }

/** What a slot may use of the service around it. */
export interface SlotContext {
  bus: EventBus
  log: Logger
  now: () => number
  /** Reports this role's state (emitted as devices:status). */
  setStatus(kind: string, state: DeviceStatus['state'], detail: Message): void
}

export interface RoleSlot<C> {
  readonly role: DeviceRole
  /** The config when none is saved (fresh install, demo). */
  readonly fallback: C
  /** Saved config → typed; throws on a bad value (the service then uses the fallback and says so). */
  parse(raw: unknown): C
  /** True when going from `from` to `to` loads native code or otherwise needs a supervisor's yes (approve() is then called first). */
  needsApproval(from: C, to: C): boolean
  /** What a supervisor approves in this role (the audit's name for it, e.g. 'faceLibrary': devices:faceLibrary:configure). */
  readonly approvalName?: string
  /** What the audit records about a change to `to`, refused or accepted (e.g. the library's path). */
  describeChange?(to: C): Record<string, string>
  /** Checks the change a supervisor approved (e.g. the native library's folder and hash); throws to refuse. Returns what the audit should record. */
  approve?(to: C): Record<string, string>
  /** Opens what `config` names (replacing what was open). Returns at once or after a first attempt; failures show in status. */
  apply(config: C): Promise<void>
  close(): Promise<void>
}
