// The cashier's shift: open, X report any time, close with the Z report.
import { create } from 'zustand'
import type { DrawerCount, ShiftReport, ShiftView } from '../../../electron/shared/contract'
import type { PosError, Result } from '../../../electron/shared/result'

interface ShiftState {
  current: ShiftView | null
  loaded: boolean
  error: PosError | null
  /** The last report shown (X or Z). */
  report: ShiftReport | null
  load(): Promise<void>
  open(cashier: string, floatFen: number): Promise<Result<ShiftView>>
  xReport(): Promise<Result<ShiftReport>>
  close(pin?: string, count?: DrawerCount, acceptOverShort?: boolean): Promise<Result<ShiftReport>>
  /** Shows a stored report (a past shift's Z). */
  show(shiftId: string): Promise<Result<ShiftReport>>
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
  async open(cashier, floatFen) {
    const r = await window.pos.shifts.open({ cashier, floatFen })
    if (r.ok) set({ current: r.value, report: null })
    return r
  },
  async xReport() {
    const r = await window.pos.shifts.xReport({})
    if (r.ok) set({ report: r.value })
    return r
  },
  async show(shiftId) {
    const r = await window.pos.shifts.report({ shiftId })
    if (r.ok) set({ report: r.value })
    return r
  },
  async close(pin, count, acceptOverShort) {
    const r = await window.pos.shifts.close({ ...(pin ? { pin } : {}), ...(count ? { count } : {}), ...(acceptOverShort ? { acceptOverShort } : {}) })
    if (r.ok) set({ current: null, report: r.value })
    return r
  },
}))

window.pos.onShiftsChanged((shift) => useShiftStore.setState({ current: shift, loaded: true }))
