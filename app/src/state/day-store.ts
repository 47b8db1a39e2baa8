// The day summary (日结): past business days, one day's summary, its printed
// receipt. Supervisor and above: the core refuses a cashier (ROLE_REQUIRED)
// unless a supervisor's number + PIN come with the call.
import { create } from 'zustand'
import type { Approval, DayListEntry, DaySummary, PrintJobView } from '../../../electron/shared/contract'
import type { PosError, Result } from '../../../electron/shared/result'

type Proof = { pin: string } | { approval: Approval } | undefined

interface DayState {
  days: DayListEntry[]
  summary: DaySummary | null
  error: PosError | null
  /** Loads the list of days and shows the newest (or `day`). */
  load(proof?: Proof, day?: string): Promise<void>
  show(day: string, proof?: Proof): Promise<Result<DaySummary>>
  print(day: string, proof?: Proof): Promise<Result<PrintJobView>>
}

export const useDayStore = create<DayState>()((set, get) => ({
  days: [],
  summary: null,
  error: null,
  async load(proof, day) {
    const r = await window.pos.shifts.days({ limit: 30, ...(proof ?? {}) })
    if (!r.ok) return set({ error: r.error, days: [], summary: null })
    set({ days: r.value, error: null })
    const pick = day ?? get().summary?.day ?? r.value[0]?.day
    if (pick) await get().show(pick, proof)
    else set({ summary: null })
  },
  async show(day, proof) {
    const r = await window.pos.shifts.day({ day, ...(proof ?? {}) })
    set(r.ok ? { summary: r.value, error: null } : { error: r.error })
    return r
  },
  print(day, proof) {
    return window.pos.shifts.printDay({ day, ...(proof ?? {}) })
  },
}))
