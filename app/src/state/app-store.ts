// App-level state: info (version, mode), health and problems reported by main.
import { create } from 'zustand'
import type { AppHealth, AppInfo, AppProblem } from '../../../electron/shared/contract'
import type { PosError } from '../../../electron/shared/result'

interface AppState {
  info: AppInfo | null
  health: AppHealth | null
  /** Why info could not be loaded (the shell shows it instead of a blank screen). */
  error: PosError | null
  problems: AppProblem[]
  /** UI language: follows settings, switchable from the header. */
  language: 'zh-CN' | 'en'
  load(): Promise<void>
  refreshHealth(): Promise<void>
  dismissProblem(at: number): void
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  health: null,
  error: null,
  problems: [],
  language: 'zh-CN',
  async load() {
    const r = await window.pos.app.info({})
    set(r.ok ? { info: r.value, error: null } : { error: r.error })
    await useAppStore.getState().refreshHealth()
  },
  async refreshHealth() {
    const r = await window.pos.app.health({})
    if (r.ok) set({ health: r.value })
  },
  dismissProblem(at) {
    set((s) => ({ problems: s.problems.filter((p) => p.at !== at) }))
  },
}))

// The header's "N orders need attention" must follow an order the moment it is
// flagged or settled, not at the next periodic refresh.
window.pos.onPaymentUpdate((order) => {
  const counted = useAppStore.getState().health?.attentionOrders ?? 0
  if (order.attention !== null || counted > 0) void useAppStore.getState().refreshHealth()
})

window.pos.onAppProblem((problem) => {
  useAppStore.setState((s) => ({ problems: [...s.problems.slice(-9), problem] }))
  // The header's status follows the journal at once (failing / recovered), not at the next poll.
  if (problem.kind === 'journal') void useAppStore.getState().refreshHealth()
})
