// The customer display mirrors what the cashier is typing before an order
// exists. Renderer-only, no IPC: a BroadcastChannel between same-origin windows
// (app://counter in Electron, the harness origin in a browser). The cashier
// window publishes on every change and answers a newly opened display's hello.

export const CUSTOMER_CHANNEL = 'counter-customer-display'

export interface CheckoutMirror {
  /** The typed amount in fen, null when nothing (or nothing valid) is typed. */
  amountFen: number | null
  /** The order the cashier's checkout shows, null before one starts (or after "next sale"). */
  orderNo: string | null
}

type Message = { kind: 'state'; state: CheckoutMirror } | { kind: 'hello' }

function isMessage(data: unknown): data is Message {
  if (typeof data !== 'object' || data === null) return false
  const m = data as { kind?: unknown; state?: unknown }
  if (m.kind === 'hello') return true
  if (m.kind !== 'state' || typeof m.state !== 'object' || m.state === null) return false
  const s = m.state as { amountFen?: unknown; orderNo?: unknown }
  const fen = s.amountFen === null || (Number.isSafeInteger(s.amountFen) && (s.amountFen as number) >= 0)
  return fen && (s.orderNo === null || typeof s.orderNo === 'string')
}

/** Cashier side: call `publish` on every change; returns a stop function. No-op where BroadcastChannel is missing. */
export function openCashierMirror(current: () => CheckoutMirror): { publish(): void; close(): void } {
  if (typeof BroadcastChannel === 'undefined') return { publish() {}, close() {} }
  const channel = new BroadcastChannel(CUSTOMER_CHANNEL)
  const publish = () => channel.postMessage({ kind: 'state', state: current() } satisfies Message)
  channel.onmessage = (e: MessageEvent<unknown>) => {
    if (isMessage(e.data) && e.data.kind === 'hello') publish()
  }
  return { publish, close: () => channel.close() }
}

/** Customer side: `onState` gets the cashier's checkout whenever it changes (and once on open). */
export function listenToCashier(onState: (state: CheckoutMirror) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {}
  const channel = new BroadcastChannel(CUSTOMER_CHANNEL)
  channel.onmessage = (e: MessageEvent<unknown>) => {
    if (isMessage(e.data) && e.data.kind === 'state') onState(e.data.state)
  }
  channel.postMessage({ kind: 'hello' } satisfies Message)
  return () => channel.close()
}
