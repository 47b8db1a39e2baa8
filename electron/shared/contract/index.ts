// The one contract: every call and event the renderer can use, declared once.
// Both transports (Electron IPC, browser-harness WebSocket) and `window.pos`
// are generated from these two objects. To add a call: add it to the domain
// file (or a new one) and implement its handler in electron/core/handlers.
import type { z } from 'zod'
import { appCalls, appEvents } from './app'
import { devicesCalls, devicesEvents } from './devices'
import { journalCalls, journalEvents } from './journal'
import { ordersCalls, ordersEvents } from './orders'
import { paymentCalls, paymentEvents } from './payment'
import { settingsCalls, settingsEvents } from './settings'
import { shiftsCalls, shiftsEvents } from './shifts'
import { reconcileCalls, reconcileEvents } from './reconcile'
import { storeCalls, storeEvents } from './store'
import { operatorsCalls, operatorsEvents } from './operators'
import { cashCalls, cashEvents } from './cash'
import { printingCalls, printingEvents } from './printing'

export const calls = {
  ...appCalls,
  ...paymentCalls,
  ...ordersCalls,
  ...shiftsCalls,
  ...settingsCalls,
  ...devicesCalls,
  ...journalCalls,
  ...reconcileCalls,
  ...storeCalls,
  ...operatorsCalls,
  ...cashCalls,
  ...printingCalls,
}

export const events = {
  ...appEvents,
  ...paymentEvents,
  ...ordersEvents,
  ...shiftsEvents,
  ...settingsEvents,
  ...devicesEvents,
  ...journalEvents,
  ...reconcileEvents,
  ...storeEvents,
  ...operatorsEvents,
  ...cashEvents,
  ...printingEvents,
}

export type Calls = typeof calls
export type CallName = keyof Calls
/** What the renderer sends (defaults may be omitted). */
export type CallRequest<K extends CallName> = z.input<Calls[K]['request']>
/** What a handler receives after validation (defaults filled in). */
export type CallParsed<K extends CallName> = z.output<Calls[K]['request']>
export type CallResponse<K extends CallName> = z.output<Calls[K]['response']>

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<K extends EventName> = z.output<Events[K]>

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name)
}

export * from './define'
export * from './app'
export * from './payment'
export * from './orders'
export * from './shifts'
export * from './settings'
export * from './devices'
export * from './journal'
export * from './reconcile'
export * from './store'
export * from './message'
export * from './operators'
export * from './cash'
export * from './printing'
