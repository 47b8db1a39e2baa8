// Operator accounts: the first manager (set up, or migrated from the single
// supervisor PIN), and the manager's list / create / update / PIN changes.
import type { OperatorRow, OperatorsRepo } from '../journal/operators'
import { checkNewPin, hashPin, type PinGuard } from '../settings/pin'
import type { Approval, OperatorRole, OperatorStatus, OperatorView } from '../shared/contract/operators'
import { PosFailure } from '../shared/result'
import type { OperatorService } from './service'

export const FIRST_MANAGER_NO = '0001'

export interface ManageDeps {
  repo: OperatorsRepo
  service: OperatorService
  supervisorPin: PinGuard
  deviceId: () => string
  now: () => number
  /** Live mode after setup: the first manager belongs to the setup (as the first PIN did). */
  firstManagerRefused: () => boolean
}

export class OperatorAccounts {
  constructor(private readonly d: ManageDeps) {}

  view(row: OperatorRow): OperatorView {
    return {
      operatorNo: row.operator_no,
      name: row.name,
      role: row.role,
      active: row.active === 1,
      lockedMs: this.d.service.pinGuard(row.operator_no).remainingMs(),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  }

  /**
   * At start: a counter with a supervisor PIN and no operators gets manager 0001
   * with that very hash (the supervisor types the PIN they know). The shared PIN
   * stays set: the journal-problem screen, which cannot read operators, asks for it.
   */
  migrateSupervisorPin(hash: string | null, name = '店长'): boolean {
    if (!hash || this.d.repo.count() > 0) return false
    const row = this.d.repo.insert({ operator_no: FIRST_MANAGER_NO, device_id: this.d.deviceId(), name, role: 'manager', pin_hash: hash, active: 1, created_at: this.d.now() })
    // The PIN's failures and lock go with it: a restart into operators is no way around a lockout.
    this.d.repo.setPinState(row.operator_no, JSON.stringify(this.d.supervisorPin.lockState()))
    this.d.service.audit.record({ action: 'operators.migrated', outcome: 'ok', operatorNo: null, ref: row.operator_no, detail: { role: 'manager' } })
    return true
  }

  setupFirstManager(req: { operatorNo: string; name: string; pin: string; supervisorPin?: string | undefined }): OperatorStatus {
    if (this.d.repo.count() > 0) throw new PosFailure('CONFLICT', '已有操作员：首个店长只能设置一次 (operators exist)', { reason: 'operators-exist' })
    if (this.d.supervisorPin.isSet()) this.d.supervisorPin.verify(req.supervisorPin)
    else if (this.d.firstManagerRefused()) throw new PosFailure('PIN_NOT_SET', '正式模式下，首个店长只能在开通向导中设置 (in live mode the first manager is set in setup)', { reason: 'first-manager-in-setup' })
    checkNewPin(req.pin)
    const row = this.d.repo.insert({ operator_no: req.operatorNo, device_id: this.d.deviceId(), name: req.name, role: 'manager', pin_hash: hashPin(req.pin), active: 1, created_at: this.d.now() })
    this.d.service.audit.record({ action: 'operators.create', outcome: 'ok', operatorNo: null, ref: row.operator_no, detail: { role: 'manager', first: true } })
    this.d.service.signInAs(row)
    this.d.service.audit.record({ action: 'signIn', outcome: 'ok', operatorNo: row.operator_no, detail: { by: 'setup' } })
    return this.d.service.changed()
  }

  private manager(approval: Approval | undefined, ref: string, action: string) {
    if (!this.d.service.enabled()) throw new PosFailure('NOT_CONFIGURED', '还没有操作员：请先设置店长 (no operators yet)', { reason: 'no-operators' })
    return this.d.service.guard('operators', { approval }, { ref, detail: { what: action }, confirm: false })
  }

  list(approval?: Approval): OperatorView[] {
    if (!this.d.service.enabled()) return []
    this.d.service.authorize('operators', { approval }, false)
    return this.d.repo.list().map((r) => this.view(r))
  }

  create(req: { operatorNo: string; name: string; role: OperatorRole; pin: string; approval?: Approval | undefined }): OperatorView {
    this.manager(req.approval, req.operatorNo, 'create')
    if (this.d.repo.get(req.operatorNo)) throw new PosFailure('CONFLICT', `工号 ${req.operatorNo} 已存在 (operator number taken)`, { reason: 'operator-no-taken', operatorNo: req.operatorNo })
    checkNewPin(req.pin)
    const row = this.d.repo.insert({ operator_no: req.operatorNo, device_id: this.d.deviceId(), name: req.name, role: req.role, pin_hash: hashPin(req.pin), active: 1, created_at: this.d.now() })
    this.d.service.changed()
    return this.view(row)
  }

  update(req: { operatorNo: string; name?: string | undefined; role?: OperatorRole | undefined; active?: boolean | undefined; approval?: Approval | undefined }): OperatorView {
    const actor = this.manager(req.approval, req.operatorNo, 'update')
    const row = this.d.repo.get(req.operatorNo)
    if (!row) throw new PosFailure('NOT_FOUND', `没有工号 ${req.operatorNo}`, { reason: 'operator', operatorNo: req.operatorNo })
    const demotes = (req.role !== undefined && req.role !== 'manager') || req.active === false
    if (row.role === 'manager' && row.active === 1 && demotes && this.activeManagers() <= 1) {
      throw new PosFailure('CONFLICT', '至少要保留一名在职店长 (the last manager cannot be removed)', { reason: 'last-manager' })
    }
    if (demotes && req.operatorNo === actor.operatorNo && actor.approverNo === null) {
      throw new PosFailure('CONFLICT', '不能停用或降级自己 (you cannot demote yourself)', { reason: 'self-demote' })
    }
    const changes = {
      ...(req.name !== undefined ? { name: req.name } : {}),
      ...(req.role !== undefined ? { role: req.role } : {}),
      ...(req.active !== undefined ? { active: req.active ? 1 : 0 } : {}),
    }
    const next = this.d.repo.update(req.operatorNo, changes, this.d.now())
    this.d.service.refreshSignedIn()
    this.d.service.changed()
    return this.view(next)
  }

  /** Your own PIN: the current one. Someone else's: a manager (signed in or approving); their lock is cleared. */
  changePin(req: { operatorNo: string; current?: string | undefined; next: string; approval?: Approval | undefined }): OperatorView {
    const me = this.d.service.requireSignedIn()
    if (!me) throw new PosFailure('NOT_CONFIGURED', '还没有操作员 (no operators yet)', { reason: 'no-operators' })
    if (!this.d.repo.get(req.operatorNo)) throw new PosFailure('NOT_FOUND', `没有工号 ${req.operatorNo}`, { reason: 'operator', operatorNo: req.operatorNo })
    if (req.operatorNo === me.operatorNo && !req.approval) {
      this.d.service.pinGuard(req.operatorNo).set(req.next, req.current)
      this.d.service.audit.record({ action: 'operators.changePin', outcome: 'ok', operatorNo: me.operatorNo, ref: req.operatorNo })
    } else {
      this.manager(req.approval, req.operatorNo, 'resetPin')
      checkNewPin(req.next)
      this.d.repo.update(req.operatorNo, { pin_hash: hashPin(req.next), pin_state: null }, this.d.now())
    }
    return this.view(this.d.repo.get(req.operatorNo) as OperatorRow)
  }

  private activeManagers(): number {
    return this.d.repo.list().filter((r) => r.role === 'manager' && r.active === 1).length
  }
}
