// The journal's state: the start-up check's findings, the backups, and the two
// ways out of a journal problem. After a restore or a new journal the window
// reloads, so every other store starts again from the new books.
import { create } from 'zustand'
import { asProof, type BackupOptions, type BackupView, type JournalStatus, type ProofInput } from '../../../electron/shared/contract'
import type { Result } from '../../../electron/shared/result'

interface JournalState {
  status: JournalStatus | null
  options: BackupOptions | null
  load(): Promise<void>
  restoreLatest(pin?: ProofInput): Promise<Result<JournalStatus>>
  startNew(pin?: ProofInput): Promise<Result<JournalStatus>>
  backupNow(): Promise<Result<BackupView>>
  setOptions(options: BackupOptions, pin?: ProofInput): Promise<Result<BackupOptions>>
}

const withPin = (pin?: ProofInput) => asProof(pin)

export const useJournalStore = create<JournalState>()((set) => ({
  status: null,
  options: null,
  async load() {
    const [s, o] = await Promise.all([window.pos.journal.status({}), window.pos.journal.backupOptions({})])
    set({ ...(s.ok ? { status: s.value } : {}), ...(o.ok ? { options: o.value } : {}) })
  },
  async restoreLatest(pin) {
    const r = await window.pos.journal.restoreLatest(withPin(pin))
    if (r.ok) set({ status: r.value })
    return r
  },
  async startNew(pin) {
    const r = await window.pos.journal.startNew(withPin(pin))
    if (r.ok) set({ status: r.value })
    return r
  },
  async backupNow() {
    const r = await window.pos.journal.backupNow({})
    if (r.ok) void useJournalStore.getState().load()
    return r
  },
  async setOptions(options, pin) {
    const r = await window.pos.journal.setBackupOptions({ options, ...withPin(pin) })
    if (r.ok) set({ options: r.value })
    return r
  },
}))

window.pos.onJournalStatus((status) => useJournalStore.setState({ status }))
