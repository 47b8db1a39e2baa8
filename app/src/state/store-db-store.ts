// The store database (PostgreSQL) link: replication status, connect, disconnect.
import { create } from 'zustand'
import { asProof, type ProofInput, type ReplicationStatus, type StoreDashboard, type StoreOrderView, type StoreReportView, type StoreSettingsView } from '../../../electron/shared/contract'
import type { PosError, Result } from '../../../electron/shared/result'

/** What the store report covers: a whole Beijing day, or today up to a moment (the X report). */
export type StoreReportRange = { kind: 'day'; day: string; from: number; to: number } | { kind: 'x'; from: number; to: number }

interface StoreDbState {
  status: ReplicationStatus | null
  dashboard: StoreDashboard | null
  /** Why the last store-wide question got no answer (the dashboard then shows its last figures). */
  queryError: PosError | null
  orders: StoreOrderView[] | null
  /** The store settings in use here (storesync): shared by every counter, the local ones until set. */
  settings: StoreSettingsView | null
  /** The store report last asked for (门店日结 / store X), and why it was not given. */
  report: StoreReportView | null
  reportRange: StoreReportRange | null
  reportError: PosError | null
  loadReport(range: StoreReportRange, proof?: ProofInput): Promise<void>
  loadSettings(): Promise<void>
  saveSettings(next: { storeName: string; receiptHeader: string; overShortLimitFen: number }, pin: ProofInput): Promise<Result<StoreSettingsView>>
  load(): Promise<void>
  loadDashboard(): Promise<void>
  searchOrders(query: { text: string } | { amountFen: number }): Promise<void>
  configure(url: string, tls: boolean, pin: ProofInput): Promise<Result<ReplicationStatus>>
  disconnect(pin: ProofInput): Promise<Result<ReplicationStatus>>
}

export const useStoreDbStore = create<StoreDbState>()(() => ({
  status: null,
  dashboard: null,
  queryError: null,
  orders: null,
  settings: null,
  report: null,
  reportRange: null,
  reportError: null,
  async loadReport(range, proof) {
    useStoreDbStore.setState({ reportRange: range })
    const r = await window.pos.store.report({ from: range.from, to: range.to, ...asProof(proof) })
    // A late answer for a range no longer asked for is dropped.
    if (useStoreDbStore.getState().reportRange !== range) return
    useStoreDbStore.setState(r.ok ? { report: r.value, reportError: null } : { report: null, reportError: r.error })
  },
  async loadSettings() {
    const r = await window.pos.store.settings({})
    if (r.ok) useStoreDbStore.setState({ settings: r.value })
  },
  async saveSettings(next, pin) {
    const r = await window.pos.store.setSettings({ ...next, ...asProof(pin) })
    if (r.ok) useStoreDbStore.setState({ settings: r.value })
    return r
  },
  async loadDashboard() {
    const r = await window.pos.store.dashboard({})
    useStoreDbStore.setState(r.ok ? { dashboard: r.value, queryError: null } : { queryError: r.error })
  },
  async searchOrders(query) {
    const r = await window.pos.store.orders({ ...query, limit: 50 })
    useStoreDbStore.setState(r.ok ? { orders: r.value.rows, queryError: null } : { queryError: r.error })
  },
  async load() {
    const r = await window.pos.store.status({})
    if (r.ok) useStoreDbStore.setState({ status: r.value })
  },
  async configure(url, tls, pin) {
    const r = await window.pos.store.configure({ url, tls, ...asProof(pin) })
    if (r.ok) useStoreDbStore.setState({ status: r.value })
    return r
  },
  async disconnect(pin) {
    const r = await window.pos.store.disconnect(asProof(pin))
    if (r.ok) useStoreDbStore.setState({ status: r.value })
    return r
  },
}))

window.pos.onStoreStatus((status) => useStoreDbStore.setState({ status }))
void useStoreDbStore.getState().load()
