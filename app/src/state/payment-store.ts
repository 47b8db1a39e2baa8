// The checkout: the amount being typed, the order in flight, and the calls that
// start / stop a payment. Updates come from `payment:update` events; a second
// payment is refused here while one is in flight (the engine refuses too, BUSY).
import { create } from 'zustand'
import type { OrderView, ScanEvent } from '../../../electron/shared/contract'
import type { PosError, Result } from '../../../electron/shared/result'
import { announceSuccess } from '../lib/announce'
import { isInFlight } from '../lib/format'
import { amountOf, applyKey, type KeypadKey } from '../lib/keypad'
import { useSettingsStore } from './settings-store'

export type QrWallet = 'WECHAT' | 'ALIPAY'

interface PaymentState {
  amountText: string
  note: string
  /** The scan method is armed (Enter): the panel says "scan the customer's code". */
  armed: boolean
  /** A pay call is on its way (before the engine's first update). */
  requesting: boolean
  current: OrderView | null
  /** The call itself was refused (BUSY, INVALID_CODE, NOT_CONFIGURED, …). */
  error: PosError | null
  /** The outcome of the last Stop (shown on the panel). */
  stopping: boolean
  stopResult: Result<OrderView> | null
  /** The checkout screen is showing, so device scans pay. */
  checkoutActive: boolean
  key(key: KeypadKey): void
  setNote(note: string): void
  arm(): void
  payByCode(authCode: string): Promise<void>
  payByFace(): Promise<void>
  payByQr(paytype: QrWallet): Promise<void>
  stop(): Promise<void>
  /** Clears a finished payment so the next sale starts fresh. */
  newSale(): void
  setCheckoutActive(active: boolean): void
  load(): Promise<void>
}

const announced = new Set<string>()

function busy(s: PaymentState): boolean {
  return s.requesting || s.stopping || isInFlight(s.current)
}

/** Shared start logic: refuse when busy or no amount, keep the result either way. */
async function start(call: (amountFen: number, body: string | undefined) => Promise<Result<OrderView>>): Promise<void> {
  const s = usePaymentStore.getState()
  if (busy(s)) return
  const amountFen = amountOf(s.amountText)
  if (amountFen === null) {
    usePaymentStore.setState({ error: { code: 'VALIDATION', message: 'NO_AMOUNT' } })
    return
  }
  usePaymentStore.setState({ requesting: true, error: null, stopResult: null, current: null })
  const body = s.note.trim() || undefined
  const r = await call(amountFen, body)
  usePaymentStore.setState((now) => {
    if (!r.ok) return { requesting: false, error: r.error }
    // An update event may have arrived first with a newer state: keep the newer one.
    const current = now.current?.outTradeNo === r.value.outTradeNo && now.current.updatedAt >= r.value.updatedAt ? now.current : r.value
    return { requesting: false, current, armed: false }
  })
  const after = usePaymentStore.getState().current
  if (after) onOrder(after)
}

function onOrder(order: OrderView) {
  if (order.state !== 'paid' || announced.has(order.outTradeNo)) return
  announced.add(order.outTradeNo)
  announceSuccess(order.amountFen, useSettingsStore.getState().view?.speakOnSuccess ?? false)
}

export const usePaymentStore = create<PaymentState>()((set, get) => ({
  amountText: '',
  note: '',
  armed: false,
  requesting: false,
  current: null,
  error: null,
  stopping: false,
  stopResult: null,
  checkoutActive: false,
  key(key) {
    const s = get()
    if (busy(s)) return
    // Typing after a finished payment starts the next sale.
    if (s.current) set({ current: null, stopResult: null, amountText: '', note: '' })
    set((now) => ({ amountText: applyKey(now.amountText, key), error: null }))
  },
  setNote(note) {
    set({ note: note.slice(0, 128) })
  },
  arm() {
    const s = get()
    if (busy(s)) return
    if (amountOf(s.amountText) === null) set({ error: { code: 'VALIDATION', message: 'NO_AMOUNT' } })
    else set({ armed: true, error: null, current: null, stopResult: null })
  },
  payByCode: (authCode) => start((amountFen, body) => window.pos.payment.payByCode({ amountFen, authCode, ...(body ? { body } : {}) })),
  payByFace: () => start((amountFen, body) => window.pos.payment.payByFace({ amountFen, ...(body ? { body } : {}) })),
  payByQr: (paytype) => start((amountFen, body) => window.pos.payment.payByQr({ amountFen, paytype, ...(body ? { body } : {}) })),
  async stop() {
    const s = get()
    if (!s.current || !isInFlight(s.current) || s.stopping) {
      if (!busy(s)) set({ armed: false, error: null })
      return
    }
    set({ stopping: true, stopResult: null })
    const r = await window.pos.payment.stop({ outTradeNo: s.current.outTradeNo })
    set((now) => ({
      stopping: false,
      stopResult: r,
      current: r.ok && (!now.current || now.current.updatedAt <= r.value.updatedAt) ? r.value : now.current,
    }))
  },
  newSale() {
    if (busy(get())) return
    set({ current: null, stopResult: null, error: null, armed: false, amountText: '', note: '' })
  },
  setCheckoutActive(active) {
    set({ checkoutActive: active })
  },
  async load() {
    const r = await window.pos.payment.current({})
    if (r.ok && r.value) set({ current: r.value, amountText: '' })
  },
}))

window.pos.onPaymentUpdate((order) => {
  const s = usePaymentStore.getState()
  // Follow our order; also pick up an order started elsewhere (e.g. after a reload) when idle.
  if (s.current?.outTradeNo === order.outTradeNo || (!busy(s) && isInFlight(order)) || (s.requesting && !s.current)) {
    if (s.current?.outTradeNo === order.outTradeNo && s.current.updatedAt > order.updatedAt) return
    usePaymentStore.setState({ current: order })
    onOrder(order)
  }
})

/** A payment code from a device (or the wedge) pays the typed amount when the checkout is showing. */
export function payScanned(scan: ScanEvent): void {
  const s = usePaymentStore.getState()
  if (!s.checkoutActive || scan.paytype === null || busy(s)) return
  if (amountOf(s.amountText) === null || (s.current && !isInFlight(s.current))) {
    // A finished sale on screen or no amount: the cashier must type the amount first.
    usePaymentStore.setState({ error: { code: 'VALIDATION', message: 'NO_AMOUNT' } })
    return
  }
  void s.payByCode(scan.code)
}

window.pos.onDevicesScan((scan) => {
  // Wedge scans are paid by the wedge listener itself (it already has the answer).
  if (scan.source !== 'wedge') payScanned(scan)
})
