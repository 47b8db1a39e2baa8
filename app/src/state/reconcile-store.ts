// 对账 runs: the latest run (of the last shift or a chosen day) and its live
// progress, also of the run a Z close starts by itself. The Z report on screen
// gets the run's summary when it finishes.
import { create } from 'zustand'
import type { ReconcileRun } from '../../../electron/shared/contract'
import type { PosError } from '../../../electron/shared/result'
import { useShiftStore } from './shift-store'

interface ReconcileState {
  run: ReconcileRun | null
  busy: boolean
  error: PosError | null
  /** The latest run of the last shift, unless a newer one is already shown. */
  loadLatest(): Promise<void>
  /** Runs for a day (yyyy-mm-dd) or, without one, the last shift. */
  start(day?: string): Promise<void>
}

export const useReconcileStore = create<ReconcileState>()(() => ({
  run: null,
  busy: false,
  error: null,
  async loadLatest() {
    const r = await window.pos.reconcile.latest({})
    if (r.ok && r.value) {
      const latest = r.value
      useReconcileStore.setState((s) => ({ run: s.run ?? latest }))
    }
  },
  async start(day) {
    useReconcileStore.setState({ busy: true, error: null })
    const r = await window.pos.reconcile.run(day ? { day } : {})
    useReconcileStore.setState(r.ok ? { busy: false, run: r.value } : { busy: false, error: r.error })
  },
}))

window.pos.onReconcileProgress((p) => {
  useReconcileStore.setState(({ run }) => ({ run: run === null || run.id === p.id || p.startedAt >= run.startedAt ? p : run }))
  const report = useShiftStore.getState().report
  if (p.finishedAt !== null && report?.kind === 'Z' && report.shift.id === p.shiftId) {
    useShiftStore.setState({ report: { ...report, reconciliation: { at: p.finishedAt, orders: p.orders, differences: p.differences } } })
  }
})
