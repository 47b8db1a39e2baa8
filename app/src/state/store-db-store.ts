// The store database (PostgreSQL) link: replication status, connect, disconnect.
import { create } from 'zustand'
import type { ReplicationStatus } from '../../../electron/shared/contract'
import type { Result } from '../../../electron/shared/result'

interface StoreDbState {
  status: ReplicationStatus | null
  load(): Promise<void>
  configure(url: string, tls: boolean, pin: string | undefined): Promise<Result<ReplicationStatus>>
  disconnect(pin: string | undefined): Promise<Result<ReplicationStatus>>
}

export const useStoreDbStore = create<StoreDbState>()(() => ({
  status: null,
  async load() {
    const r = await window.pos.store.status({})
    if (r.ok) useStoreDbStore.setState({ status: r.value })
  },
  async configure(url, tls, pin) {
    const r = await window.pos.store.configure({ url, tls, pin })
    if (r.ok) useStoreDbStore.setState({ status: r.value })
    return r
  },
  async disconnect(pin) {
    const r = await window.pos.store.disconnect({ pin })
    if (r.ok) useStoreDbStore.setState({ status: r.value })
    return r
  },
}))

window.pos.onStoreStatus((status) => useStoreDbStore.setState({ status }))
void useStoreDbStore.getState().load()
