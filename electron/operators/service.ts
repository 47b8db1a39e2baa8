// Operators at the counter: who is signed in, the lock (key, idle), and the one
// place that decides whether an action may go ahead (authorize). Before the
// first manager exists the counter works as it always did: one supervisor PIN.
import type { Logger } from '../kernel/logger'
import type { OperatorRow, OperatorsRepo } from '../journal/operators'
import { PinGuard, pinMatches, type PinStorage } from '../settings/pin'
import type { OperatorAction, OperatorStatus, Proof, SignedInOperator } from '../shared/contract/operators'
import { PosFailure } from '../shared/result'
import { OperatorAuditLog, type AuditDetail } from './audit-log'
import { minRole, roleAllows } from './permissions'

export interface OperatorDeps {
  repo: OperatorsRepo
  /** The counter's supervisor PIN (settings/pin.ts): the only proof before operators exist, still accepted as a bare PIN after. */
  supervisorPin: PinGuard
  deviceId: () => string
  idleLockMinutes: () => number
  now: () => number
  mono?: () => number
  onChange?: (s: OperatorStatus) => void
  log: Logger
}

export type { Proof }

/** Who did it and who approved it (null: before operators, or the shared supervisor PIN). */
export interface Actor {
  operatorNo: string | null
  approverNo: string | null
  via: 'noOperators' | 'signedIn' | 'ownPin' | 'approval' | 'supervisorPin'
}

export class OperatorService {
  readonly audit: OperatorAuditLog
  private signedIn: SignedInOperator | null = null
  private lockedBy: OperatorStatus['lockedBy'] = null
  private lastActivity = 0
  private readonly guards = new Map<string, PinGuard>()

  constructor(private readonly deps: OperatorDeps) {
    this.audit = new OperatorAuditLog(deps.repo, deps.deviceId, deps.now, deps.log)
  }

  enabled(): boolean {
    return this.deps.repo.count() > 0
  }

  current(): SignedInOperator | null {
    this.checkIdle()
    return this.signedIn
  }

  status(activity = false): OperatorStatus {
    if (activity && this.current()) this.lastActivity = this.deps.now()
    return { enabled: this.enabled(), signedIn: this.current(), idleLockMinutes: this.deps.idleLockMinutes(), lockedBy: this.signedIn ? null : this.lockedBy }
  }

  /** The lockout of one operator's PIN, kept in their row (PinGuard's escalating steps). */
  pinGuard(operatorNo: string): PinGuard {
    let guard = this.guards.get(operatorNo)
    if (!guard) {
      const repo = this.deps.repo
      const storage: PinStorage = {
        getHash: () => repo.get(operatorNo)?.pin_hash ?? null,
        setHash: (h) => repo.update(operatorNo, { pin_hash: h }, this.deps.now()),
        getState: () => {
          const raw = repo.get(operatorNo)?.pin_state ?? null
          if (raw === null) return null
          try {
            return JSON.parse(raw) as unknown
          } catch {
            return 'damaged' // PinGuard fails closed: a lock
          }
        },
        setState: (s) => repo.setPinState(operatorNo, JSON.stringify(s)),
      }
      guard = new PinGuard(storage, this.deps.now, this.deps.mono)
      this.guards.set(operatorNo, guard)
    }
    return guard
  }

  /** An active operator whose PIN this is; an unknown or inactive number is PIN_INVALID (numbers are not revealed). */
  verifyOperator(operatorNo: string, pin: string | undefined): OperatorRow {
    const row = this.deps.repo.get(operatorNo)
    if (!row || row.active !== 1) {
      if (pin === undefined || pin === '') throw new PosFailure('PIN_REQUIRED', '请输入密码 (PIN required)')
      throw new PosFailure('PIN_INVALID', '工号或密码不正确 (wrong operator number or PIN)', { reason: 'operator' })
    }
    this.pinGuard(operatorNo).verify(pin)
    return row
  }

  signIn(operatorNo: string, pin: string): OperatorStatus {
    if (!this.enabled()) throw new PosFailure('NOT_CONFIGURED', '还没有操作员：请先设置店长 (no operators yet)', { reason: 'no-operators' })
    try {
      const row = this.verifyOperator(operatorNo, pin)
      if (this.signedIn && this.signedIn.operatorNo !== operatorNo) this.audit.record({ action: 'signOut', outcome: 'ok', operatorNo: this.signedIn.operatorNo, detail: { by: 'handover' } })
      this.signedIn = { operatorNo: row.operator_no, name: row.name, role: row.role }
      this.lastActivity = this.deps.now()
      this.lockedBy = null
      this.audit.record({ action: 'signIn', outcome: 'ok', operatorNo })
    } catch (e) {
      if (e instanceof PosFailure) this.audit.record({ action: 'signIn', outcome: 'refused', operatorNo, detail: { code: e.code } })
      throw e
    }
    return this.changed()
  }

  lock(by: 'key' | 'idle' | 'signOut' = 'key'): OperatorStatus {
    if (this.signedIn) {
      this.audit.record({ action: 'signOut', outcome: 'ok', operatorNo: this.signedIn.operatorNo, detail: { by } })
      this.signedIn = null
      this.lockedBy = by
    }
    return this.changed()
  }

  /** Locks when the counter was idle longer than the setting; the core's timer calls it too. */
  checkIdle(): void {
    const minutes = this.deps.idleLockMinutes()
    if (!this.signedIn || minutes <= 0) return
    if (this.deps.now() - this.lastActivity >= minutes * 60_000) this.lock('idle')
  }

  /** null before operators exist (nothing to check); the signed-in operator otherwise, else COUNTER_LOCKED. */
  requireSignedIn(): SignedInOperator | null {
    if (!this.enabled()) return null
    const me = this.current()
    if (!me) throw new PosFailure('COUNTER_LOCKED', '收银台已锁定：请先登录 (counter locked: sign in)')
    this.lastActivity = this.deps.now()
    return me
  }

  /**
   * May `action` go ahead? Cashier-level actions need someone signed in. Above
   * that: an approval (any operator with the role, by number + PIN); or a bare
   * PIN — the signed-in operator's own when their role suffices, else the shared
   * supervisor PIN while one is set. `confirm: false` lets a signed-in operator
   * with the role act without typing a PIN (e.g. a manager opening the operators list).
   */
  authorize(action: OperatorAction, proof: Proof = {}, confirm = true): Actor {
    const role = minRole(action)
    if (!this.enabled()) {
      if (role !== 'cashier') this.deps.supervisorPin.verify(proof.pin)
      return { operatorNo: null, approverNo: null, via: role === 'cashier' ? 'noOperators' : 'supervisorPin' }
    }
    const me = this.requireSignedIn() as SignedInOperator
    const mine = { operatorNo: me.operatorNo }
    if (role === 'cashier') return { ...mine, approverNo: null, via: 'signedIn' }
    if (proof.approval) {
      const approver = this.verifyOperator(proof.approval.operatorNo, proof.approval.pin)
      if (!roleAllows(approver.role, action)) throw roleRequired(action)
      return { ...mine, approverNo: approver.operator_no, via: 'approval' }
    }
    const mayMyself = roleAllows(me.role, action)
    if (mayMyself && !confirm) return { ...mine, approverNo: null, via: 'signedIn' }
    const pin = proof.pin
    if (mayMyself && pin && this.pinGuard(me.operatorNo).remainingMs() === 0 && this.ownPinMatches(me.operatorNo, pin)) {
      return { ...mine, approverNo: me.operatorNo, via: 'ownPin' }
    }
    if (this.deps.supervisorPin.isSet()) {
      this.deps.supervisorPin.verify(pin)
      return { ...mine, approverNo: null, via: 'supervisorPin' }
    }
    if (!mayMyself) throw roleRequired(action)
    this.verifyOperator(me.operatorNo, pin) // wrong or missing: counted, and the right error
    return { ...mine, approverNo: me.operatorNo, via: 'ownPin' }
  }

  /** authorize + one audit row, whichever way it went. */
  guard(action: OperatorAction, proof: Proof = {}, audit: { ref?: string; detail?: AuditDetail; confirm?: boolean } = {}): Actor {
    const by = this.signedIn?.operatorNo ?? null
    try {
      const actor = this.authorize(action, proof, audit.confirm ?? true)
      this.audit.record({ action, outcome: 'ok', operatorNo: actor.operatorNo, approverNo: actor.approverNo, ref: audit.ref ?? null, detail: { ...audit.detail, via: actor.via } })
      return actor
    } catch (e) {
      if (e instanceof PosFailure) {
        const approverNo = proof.approval?.operatorNo ?? null
        this.audit.record({ action, outcome: 'refused', operatorNo: by, approverNo, ref: audit.ref ?? null, detail: { ...audit.detail, code: e.code } })
      }
      throw e
    }
  }

  /** A right PIN through the guard (clears its failures); a wrong one here is not counted (the caller falls back). */
  private ownPinMatches(operatorNo: string, pin: string): boolean {
    const row = this.deps.repo.get(operatorNo)
    if (!row || !pinMatches(pin, row.pin_hash)) return false
    this.pinGuard(operatorNo).verify(pin) // right: clears earlier failures
    return true
  }

  /** After a change made elsewhere (operators edited, renamed, made inactive). */
  refreshSignedIn(): void {
    if (!this.signedIn) return
    const row = this.deps.repo.get(this.signedIn.operatorNo)
    if (!row || row.active !== 1) this.lock('signOut')
    else this.signedIn = { operatorNo: row.operator_no, name: row.name, role: row.role }
  }

  /** For the manage module: sign a new first manager in without a PIN round trip. */
  signInAs(row: OperatorRow): void {
    this.signedIn = { operatorNo: row.operator_no, name: row.name, role: row.role }
    this.lastActivity = this.deps.now()
    this.lockedBy = null
  }

  changed(): OperatorStatus {
    const s = this.status()
    this.deps.onChange?.(s)
    return s
  }
}

export function roleRequired(action: OperatorAction): PosFailure {
  const role = minRole(action)
  return new PosFailure('ROLE_REQUIRED', `需要${ROLE_ZH[role]}权限 (needs ${role}): ${action}`, { role, action })
}

export const ROLE_ZH = { cashier: '收银员', supervisor: '主管', manager: '店长' } as const
