// Cash and printing in the renderer: the cash tender dialog, the last change
// given (shown big on both screens), the drawer's movements, the print jobs.
import { create } from 'zustand'
import { asProof, type CashMovementView, type CashSettings, type CashTendered, type PrintJobView, type PrintTarget, type ProofInput } from '../../../electron/shared/contract'
import type { PosError, Result } from '../../../electron/shared/result'
import { usePaymentStore } from './payment-store'

interface CashState {
  /** The cash dialog is open (F5 or the button) for this amount. */
  tenderFor: number | null
  tendering: boolean
  tenderError: PosError | null
  lastTendered: CashTendered | null
  movements: CashMovementView[]
  jobs: PrintJobView[]
  settings: CashSettings | null
  openTender(): void
  closeTender(): void
  tender(givenFen: number): Promise<boolean>
  loadMovements(): Promise<void>
  move(kind: 'paid_in' | 'paid_out', amountFen: number, reason: string, pin: ProofInput): Promise<Result<CashMovementView>>
  noSale(reason: string, pin: ProofInput): Promise<Result<CashMovementView>>
  loadJobs(): Promise<void>
  print(target: PrintTarget, proof?: ProofInput): Promise<Result<PrintJobView>>
  printLast(): Promise<Result<PrintJobView>>
  /** The answer to the last reprint (F6 or the button), for the checkout to say; `seq` counts presses. */
  reprinted: { seq: number; result: Result<PrintJobView> } | null
  /** The sale whose receipt the simulated printer shows on screen (a dialog that owns the keyboard), or null. */
  receiptOnScreen: string | null
  showReceipt(outTradeNo: string | null): void
  loadSettings(): Promise<void>
  /** The over/short limit (supervisor PIN). */
  setSettings(settings: CashSettings, pin: ProofInput): Promise<Result<CashSettings>>
  retryJobs(): Promise<void>
  dismissJob(id: number): Promise<void>
  /** The receipt of `target` as the printer would print it, as SVG. */
  preview(target: PrintTarget, width: 58 | 80): ReturnType<typeof window.pos.printing.preview>
}

export const useCashStore = create<CashState>()((set, get) => ({
  tenderFor: null,
  tendering: false,
  tenderError: null,
  lastTendered: null,
  movements: [],
  jobs: [],
  settings: null,
  openTender() {
    const pay = usePaymentStore.getState()
    const due = pay.cashAmount()
    if (due === null) return
    set({ tenderFor: due, tenderError: null })
  },
  closeTender() {
    if (!get().tendering) set({ tenderFor: null, tenderError: null })
  },
  async tender(givenFen) {
    const amountFen = get().tenderFor
    if (amountFen === null || get().tendering) return false
    set({ tendering: true, tenderError: null })
    const note = usePaymentStore.getState().note.trim()
    const r = await window.pos.cash.sale({ amountFen, givenFen, ...(note ? { body: note } : {}) })
    if (!r.ok) {
      set({ tendering: false, tenderError: r.error })
      return false
    }
    set({ tendering: false, tenderFor: null, lastTendered: r.value.tendered })
    usePaymentStore.getState().showCashOrder(r.value.order)
    return true
  },
  async loadMovements() {
    const r = await window.pos.cash.movements({})
    if (r.ok) set({ movements: r.value })
  },
  async move(kind, amountFen, reason, pin) {
    const r = await window.pos.cash.move({ kind, amountFen, reason, ...asProof(pin) })
    if (r.ok) void get().loadMovements()
    return r
  },
  async noSale(reason, pin) {
    const r = await window.pos.cash.noSale({ ...asProof(pin), ...(reason ? { reason } : {}) })
    if (r.ok) void get().loadMovements()
    return r
  },
  async loadJobs() {
    const r = await window.pos.printing.jobs({})
    if (r.ok) set({ jobs: r.value })
  },
  print: (target, proof) => window.pos.printing.print({ target, ...asProof(proof) }),
  reprinted: null,
  receiptOnScreen: null,
  showReceipt: (outTradeNo) => set({ receiptOnScreen: outTradeNo }),
  async printLast() {
    const result = await window.pos.printing.printLast({})
    set((s) => ({ reprinted: { seq: (s.reprinted?.seq ?? 0) + 1, result } }))
    return result
  },
  async loadSettings() {
    const r = await window.pos.cash.settings({})
    if (r.ok) set({ settings: r.value })
  },
  async setSettings(settings, pin) {
    const r = await window.pos.cash.setSettings({ settings, ...asProof(pin) })
    if (r.ok) set({ settings: r.value })
    return r
  },
  async retryJobs() {
    await window.pos.printing.retry({})
  },
  async dismissJob(id) {
    await window.pos.printing.dismiss({ id })
  },
  preview: (target, width) => window.pos.printing.preview({ target, width }),
}))

window.pos.onCashTendered((t) => useCashStore.setState({ lastTendered: t }))
window.pos.onCashMoved(() => void useCashStore.getState().loadMovements())
window.pos.onPrintingJobs((jobs) => useCashStore.setState({ jobs }))
