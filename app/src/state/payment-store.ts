// The checkout: the amount being typed, the order in flight, and the calls that
// start / stop a payment. Updates come from `payment:update` events; a second
// payment is refused here while one is in flight (the engine refuses too, BUSY).
// An order being cancelled (停止中) does not hold the counter: the next sale may
// start and the stopped order is followed in the background (`background`).
import { create } from 'zustand'
import type { OrderView, ScanEvent, ScanRejected } from '../../../electron/shared/contract'
import type { PosError, Result } from '../../../electron/shared/result'
import { announceSuccess } from '../lib/announce'
import { isFinal, isInFlight } from '../lib/format'
import { amountOf, applyKey, keyRefusal, type KeypadKey, type KeyRefusal } from '../lib/keypad'
import { useSettingsStore } from './settings-store'

export type QrWallet = 'WECHAT' | 'ALIPAY'

/** A sale waiting for the cashier to confirm a large amount (Settings: confirmAboveFen). */
export interface PendingConfirm {
  amountFen: number
  send: () => Promise<void>
}

interface PaymentState {
  amountText: string
  /** The last key changed nothing, and why (shown under the amount). */
  amountRefused: KeyRefusal | null
  note: string
  /** The scan method is armed (Enter): the panel says "scan the customer's code". */
  armed: boolean
  /** A pay call is on its way (before the engine's first update). */
  requesting: boolean
  current: OrderView | null
  /** The call itself was refused (BUSY, INVALID_CODE, NOT_CONFIGURED, …). */
  error: PosError | null
  /** The last scan at the checkout was not a payment code (shown; nothing was sent). */
  notPaymentCode: string | null
  /** The Stop call itself is on its way (a few ms: the core answers at once). */
  stopping: boolean
  stopResult: Result<OrderView> | null
  /** A large amount waiting for the cashier's OK. */
  confirm: PendingConfirm | null
  /** Stopped orders still being cancelled after the cashier moved on. */
  background: string[]
  /** The last background order that ended (the shell toasts it). */
  backgroundDone: OrderView | null
  /** The checkout screen is showing, so device scans pay. */
  checkoutActive: boolean
  key(key: KeypadKey): void
  setNote(note: string): void
  arm(): void
  payByCode(authCode: string): Promise<void>
  payByFace(): Promise<void>
  payByQr(paytype: QrWallet): Promise<void>
  confirmLarge(ok: boolean): Promise<void>
  stop(): Promise<void>
  /** Clears a finished (or stopped) payment so the next sale starts fresh. */
  newSale(): void
  setCheckoutActive(active: boolean): void
  load(): Promise<void>
  /** The amount a cash tender would take now (null when busy or none typed; says why). */
  cashAmount(): number | null
  /** A cash sale the core recorded (paid at once): shown like any finished sale. */
  showCashOrder(order: OrderView): void
}

const announced = new Set<string>()

/** The order on screen holds the counter (a stopped one being cancelled does not). */
export function holdsCounter(order: OrderView | null): boolean {
  return isInFlight(order) && order?.state !== 'cancelling'
}

/** A sale that ended without money moving: the same amount can be tried again. */
export function retryable(order: OrderView | null): boolean {
  return order !== null && ['failed', 'cancelled', 'closed'].includes(order.state)
}

function busy(s: PaymentState): boolean {
  return s.requesting || s.stopping || s.confirm !== null || holdsCounter(s.current)
}

/**
 * The amount the next sale charges: what is typed, else (after a failure) the
 * failed sale's amount. None while a paid / flagged / stopping sale is on
 * screen: the next one starts with 下一单 or a new amount, never by charging the
 * same amount twice by accident.
 */
function nextAmount(s: PaymentState): number | null {
  const c = s.current
  if (c && !retryable(c)) return null
  return amountOf(s.amountText) ?? (c ? c.amountFen : null)
}

/** The order on screen moves aside: a stopped one keeps being followed in the background. */
function setAside(s: PaymentState): Pick<PaymentState, 'background'> {
  const c = s.current
  return { background: c && c.state === 'cancelling' && !s.background.includes(c.outTradeNo) ? [...s.background, c.outTradeNo] : s.background }
}

/** Shared start logic: refuse when busy or no amount, ask to confirm a large amount, keep the result either way. */
async function start(call: (amountFen: number, body: string | undefined) => Promise<Result<OrderView>>, confirmed = false): Promise<void> {
  const s = usePaymentStore.getState()
  if (busy(s)) {
    usePaymentStore.setState({ error: { code: 'BUSY', message: 'BUSY' } })
    return
  }
  const amountFen = nextAmount(s)
  if (amountFen === null) {
    usePaymentStore.setState({ error: { code: 'VALIDATION', message: 'NO_AMOUNT' } })
    return
  }
  const confirmAbove = useSettingsStore.getState().view?.confirmAboveFen ?? 0
  if (!confirmed && confirmAbove > 0 && amountFen > confirmAbove) {
    usePaymentStore.setState({ confirm: { amountFen, send: () => start(call, true) }, error: null, notPaymentCode: null })
    return
  }
  // The amount stays typed (a failed sale is retried with it); the order on screen moves aside.
  usePaymentStore.setState((now) => ({ ...setAside(now), amountText: now.amountText || (amountFen / 100).toFixed(2), requesting: true, error: null, notPaymentCode: null, stopResult: null, current: null }))
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
  amountRefused: null,
  note: '',
  armed: false,
  requesting: false,
  current: null,
  error: null,
  notPaymentCode: null,
  stopping: false,
  stopResult: null,
  confirm: null,
  background: [],
  backgroundDone: null,
  checkoutActive: false,
  key(key) {
    const s = get()
    if (busy(s)) return
    // Typing after a finished (or stopped) payment starts the next sale.
    if (s.current && !holdsCounter(s.current)) set({ ...setAside(s), current: null, stopResult: null, amountText: '', note: '' })
    const max = useSettingsStore.getState().view?.maxSaleFen
    set((now) => {
      // A refused key changes nothing and says why (never a silent drop).
      const refused = keyRefusal(now.amountText, key, max)
      return { amountRefused: refused, amountText: refused ? now.amountText : applyKey(now.amountText, key), error: null, notPaymentCode: null, armed: false }
    })
  },
  setNote(note) {
    set({ note: note.slice(0, 128) })
  },
  arm() {
    const s = get()
    if (busy(s)) return
    if (nextAmount(s) === null) set({ error: { code: 'VALIDATION', message: 'NO_AMOUNT' } })
    // Arming after a failure keeps that sale on screen until the retry replaces it.
    else set({ armed: true, error: null, notPaymentCode: null, stopResult: null, amountRefused: null })
  },
  payByCode: (authCode) => start((amountFen, body) => window.pos.payment.payByCode({ amountFen, authCode, ...(body ? { body } : {}) })),
  payByFace: () => start((amountFen, body) => window.pos.payment.payByFace({ amountFen, ...(body ? { body } : {}) })),
  payByQr: (paytype) => start((amountFen, body) => window.pos.payment.payByQr({ amountFen, paytype, ...(body ? { body } : {}) })),
  async confirmLarge(ok) {
    const pending = get().confirm
    if (!pending) return
    set({ confirm: null })
    if (ok) await pending.send()
  },
  async stop() {
    const s = get()
    if (s.confirm) return void set({ confirm: null })
    if (!s.current || !holdsCounter(s.current) || s.stopping) {
      if (!busy(s)) set({ armed: false, error: null, notPaymentCode: null })
      return
    }
    set({ stopping: true, stopResult: null })
    const r = await window.pos.payment.stop({ outTradeNo: s.current.outTradeNo })
    set((now) => ({
      stopping: false,
      stopResult: r.ok ? null : r,
      current: r.ok && now.current?.outTradeNo === r.value.outTradeNo && now.current.updatedAt <= r.value.updatedAt ? r.value : now.current,
    }))
  },
  newSale() {
    const s = get()
    if (busy(s)) return
    set({ ...setAside(s), current: null, stopResult: null, error: null, notPaymentCode: null, armed: false, amountText: '', amountRefused: null, note: '' })
  },
  setCheckoutActive(active) {
    set({ checkoutActive: active })
  },
  cashAmount() {
    const s = get()
    if (busy(s)) {
      set({ error: { code: 'BUSY', message: 'BUSY' } })
      return null
    }
    const amountFen = nextAmount(s)
    if (amountFen === null) set({ error: { code: 'VALIDATION', message: 'NO_AMOUNT' } })
    return amountFen
  },
  showCashOrder(order) {
    set((now) => ({ ...setAside(now), current: order, armed: false, error: null, notPaymentCode: null, stopResult: null }))
    onOrder(order)
  },
  async load() {
    const r = await window.pos.payment.current({})
    if (r.ok && r.value) set({ current: r.value, amountText: '' })
  },
}))

window.pos.onPaymentUpdate((order) => {
  const s = usePaymentStore.getState()
  if (s.background.includes(order.outTradeNo)) {
    if (isFinal(order.state)) {
      usePaymentStore.setState({ background: s.background.filter((no) => no !== order.outTradeNo), backgroundDone: order })
      onOrder(order)
    }
    return
  }
  // Follow our order; also pick up an order started elsewhere (e.g. after a reload) when idle.
  if (s.current?.outTradeNo === order.outTradeNo || (!busy(s) && !s.current && isInFlight(order)) || (s.requesting && !s.current)) {
    if (s.current?.outTradeNo === order.outTradeNo && s.current.updatedAt > order.updatedAt) return
    usePaymentStore.setState({ current: order })
    onOrder(order)
  }
})

/**
 * Any scan at the checkout gets an answer on screen: a payment code pays the
 * typed amount (or retries the failed sale's amount); anything else says
 * 不是付款码 and sends nothing.
 */
export function payScanned(scan: ScanEvent): void {
  const s = usePaymentStore.getState()
  if (!s.checkoutActive) return
  if (scan.paytype === null) {
    usePaymentStore.setState({ notPaymentCode: scan.code, error: null })
    return
  }
  if (busy(s)) {
    usePaymentStore.setState({ error: { code: 'BUSY', message: 'BUSY' }, notPaymentCode: null })
    return
  }
  if (s.current?.state === 'cancelling') {
    usePaymentStore.setState({ error: { code: 'BUSY', message: 'STOPPING' }, notPaymentCode: null })
    return
  }
  if (nextAmount(s) === null) {
    usePaymentStore.setState({ error: { code: 'VALIDATION', message: 'NO_AMOUNT' }, notPaymentCode: null })
    return
  }
  void s.payByCode(scan.code)
}

/** A read the core refused (garbled, two codes glued…): said at the checkout too, by its reason code. */
export function scanRefused(r: Pick<ScanRejected, 'message'> & { reason?: string | undefined }): void {
  const error = r.reason ? { code: 'INVALID_CODE' as const, message: r.message, params: { reason: r.reason } } : { code: 'INVALID_CODE' as const, message: r.message }
  if (usePaymentStore.getState().checkoutActive) usePaymentStore.setState({ error, notPaymentCode: null })
}

window.pos.onDevicesScan((scan) => {
  // Wedge scans are paid by the wedge listener itself (it already has the answer).
  if (scan.source !== 'wedge') payScanned(scan)
})
window.pos.onDevicesRejected((r) => {
  if (r.source !== 'wedge') scanRefused(r)
})
