// The cashier's shift: open, X report any time, close with the Z report.
import { create } from 'zustand'
import { asProof, type Approval, type DrawerCount, type HandoverProposal, type ProofInput, type ShiftReport, type ShiftView } from '../../../electron/shared/contract'
import type { PosError, Result } from '../../../electron/shared/result'

interface ShiftState {
  current: ShiftView | null
  loaded: boolean
  error: PosError | null
  /** The last report shown (X or Z). */
  report: ShiftReport | null
  load(): Promise<void>
  /** `floatReason`: required by the core when the float differs from the carried one. */
  open(cashier: string, floatFen: number, floatReason?: string): Promise<Result<ShiftView>>
  /** The float the core proposes (carried from the last counted close), or null. */
  handover(): Promise<Result<HandoverProposal | null>>
  xReport(): Promise<Result<ShiftReport>>
  /** `proof`: the bare PIN, or an approval (another operator's number + PIN); `count`: the drawer counted at close. */
  close(proof?: string | { pin: string } | { approval: Approval }, count?: DrawerCount, acceptOverShort?: boolean, takenOutFen?: number): Promise<Result<ShiftReport>>
  /** Shows a stored report (a past shift's Z). */
  /** Another operator's shift needs a supervisor (signed in, or their approval in `proof`). */
  show(shiftId: string, proof?: ProofInput): Promise<Result<ShiftReport>>
  /** The drawer's expected cash now (an X report's figure, not shown as a report). */
  expectedDrawer(): Promise<number | null>
  /** Closed shifts, newest first. */
  closedShifts(limit: number): Promise<ShiftView[]>
}

export const useShiftStore = create<ShiftState>()((set) => ({
  current: null,
  loaded: false,
  error: null,
  report: null,
  async load() {
    const r = await window.pos.shifts.current({})
    set(r.ok ? { current: r.value, loaded: true, error: null } : { loaded: true, error: r.error })
  },
  async open(cashier, floatFen, floatReason) {
    const r = await window.pos.shifts.open({ cashier, floatFen, ...(floatReason ? { floatReason } : {}) })
    if (r.ok) set({ current: r.value, report: null })
    return r
  },
  handover() {
    return window.pos.shifts.handover({})
  },
  async xReport() {
    const r = await window.pos.shifts.xReport({})
    if (r.ok) set({ report: r.value })
    return r
  },
  async expectedDrawer() {
    const r = await window.pos.shifts.xReport({})
    return r.ok ? r.value.expectedFen : null
  },
  async closedShifts(limit) {
    const r = await window.pos.shifts.list({ limit })
    return r.ok ? r.value.filter((s) => s.closedAt !== null) : []
  },
  async show(shiftId, proof) {
    const r = await window.pos.shifts.report({ shiftId, ...asProof(proof) })
    if (r.ok) set({ report: r.value })
    return r
  },
  async close(proof, count, acceptOverShort, takenOutFen) {
    const by = typeof proof === 'string' ? { pin: proof } : (proof ?? {})
    const r = await window.pos.shifts.close({ ...by, ...(count ? { count } : {}), ...(acceptOverShort ? { acceptOverShort } : {}), ...(count && takenOutFen ? { takenOutFen } : {}) })
    if (r.ok) set({ current: null, report: r.value })
    return r
  },
}))

window.pos.onShiftsChanged((shift) => useShiftStore.setState({ current: shift, loaded: true }))
