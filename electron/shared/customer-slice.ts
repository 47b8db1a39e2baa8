// What the customer display may reach: read-only calls and the events it
// mirrors (orders carry masked payment codes and the QR's code_url; raw scans
// never go there). No refund, settings, shift, device or payment-starting call.
// Enforced twice: by the customer preload (customerTransport) and by main's IPC
// for the customer window (electron/main/ipc.ts).
import type { CallName, EventName } from './contract'
import type { PosTransport } from './pos-api'
import { fail } from './result'

export const CUSTOMER_CALLS: ReadonlySet<CallName> = new Set<CallName>(['app:info', 'app:health', 'settings:get', 'payment:current'])
export const CUSTOMER_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['payment:update', 'settings:changed', 'cash:tendered'])

/** The customer page keeps the full `window.pos` shape (shared stores use it), but only the slice reaches main. */
export function customerTransport(inner: PosTransport): PosTransport {
  return {
    invoke: (name, payload) => (CUSTOMER_CALLS.has(name) ? inner.invoke(name, payload) : Promise.resolve(fail('FORBIDDEN', `refused: ${name} is not for the customer display`))),
    subscribe: (name, listener) => (CUSTOMER_EVENTS.has(name) ? inner.subscribe(name, listener) : () => {}),
  }
}
