// Operators: who is signed in (the lock screen and the header read it), and the
// manager's operator list and audit. The core decides every permission; this
// store only carries its answers.
import { create } from 'zustand'
import type { Approval, OperatorAuditEntry, OperatorRole, OperatorStatus, OperatorView } from '../../../electron/shared/contract'
import type { PosError, Result } from '../../../electron/shared/result'

interface OperatorsState {
  status: OperatorStatus | null
  list: OperatorView[] | null
  audit: OperatorAuditEntry[] | null
  /** Why the manager views could not load (ROLE_REQUIRED for a cashier). */
  viewError: PosError | null
  load(): Promise<void>
  signIn(operatorNo: string, pin: string): Promise<Result<OperatorStatus>>
  lock(): Promise<void>
  setupFirstManager(name: string, pin: string, supervisorPin?: string): Promise<Result<OperatorStatus>>
  loadManaged(): Promise<void>
  create(req: { operatorNo: string; name: string; role: OperatorRole; pin: string }): Promise<Result<OperatorView>>
  setActive(operatorNo: string, active: boolean): Promise<Result<OperatorView>>
  auditCsv(approval?: Approval): Promise<Result<{ filename: string; csv: string; rows: number }>>
}

export const useOperatorsStore = create<OperatorsState>()((set, get) => ({
  status: null,
  list: null,
  audit: null,
  viewError: null,
  async load() {
    const r = await window.pos.operators.status({})
    if (r.ok) set({ status: r.value })
  },
  async signIn(operatorNo, pin) {
    const r = await window.pos.operators.signIn({ operatorNo, pin })
    if (r.ok) set({ status: r.value, list: null, audit: null, viewError: null })
    return r
  },
  async lock() {
    const r = await window.pos.operators.lock({})
    if (r.ok) set({ status: r.value, list: null, audit: null })
  },
  async setupFirstManager(name, pin, supervisorPin) {
    const r = await window.pos.operators.setupFirstManager({ name, pin, ...(supervisorPin ? { supervisorPin } : {}) })
    if (r.ok) set({ status: r.value })
    return r
  },
  async loadManaged() {
    const [list, audit] = await Promise.all([window.pos.operators.list({}), window.pos.operators.audit({ limit: 200 })])
    if (list.ok && audit.ok) set({ list: list.value, audit: audit.value, viewError: null })
    else set({ list: null, audit: null, viewError: !list.ok ? list.error : !audit.ok ? audit.error : null })
  },
  async create(req) {
    const r = await window.pos.operators.create(req)
    if (r.ok) await get().loadManaged()
    return r
  },
  async setActive(operatorNo, active) {
    const r = await window.pos.operators.update({ operatorNo, active })
    if (r.ok) await get().loadManaged()
    return r
  },
  auditCsv: (approval) => window.pos.operators.auditCsv(approval ? { approval } : {}),
}))

window.pos.onOperatorsChanged((status) => useOperatorsStore.setState({ status }))

/** The counter was touched: the core's idle timer starts again (at most every 20 s). */
let lastActivity = 0
export function reportActivity(): void {
  const s = useOperatorsStore.getState().status
  if (!s?.signedIn || Date.now() - lastActivity < 20_000) return
  lastActivity = Date.now()
  void window.pos.operators.status({ activity: true })
}

/** What a guarded call carries: an approval when an approver's number was typed, else the bare PIN. */
export function proofOf(approverNo: string, pin: string): { approval: Approval } | { pin: string } {
  return /^\d{4}$/.test(approverNo) ? { approval: { operatorNo: approverNo, pin } } : { pin }
}
