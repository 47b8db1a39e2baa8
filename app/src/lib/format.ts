// Small display helpers shared by the screens (pure, unit-tested).
import type { OrderState, OrderView } from '../../../electron/shared/contract'
import { FINAL_ORDER_STATES } from '../../../electron/shared/contract'

/** Whole seconds left until `deadlineAt` (never negative), null without a deadline. */
export function secondsLeft(deadlineAt: number | null, now: number): number | null {
  if (deadlineAt === null) return null
  return Math.max(0, Math.ceil((deadlineAt - now) / 1000))
}

/** "09:05:03" in local time. */
export function clockTime(at: number): string {
  const d = new Date(at)
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')
}

/** "2024-05-01 09:05" in local time. */
export function dateTime(at: number): string {
  const d = new Date(at)
  const date = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-')
  return `${date} ${clockTime(at).slice(0, 5)}`
}

/** Start of the local day containing `at` (for "today's orders"). */
export function startOfDay(at: number): number {
  const d = new Date(at)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}

export function isFinal(state: OrderState): boolean {
  return FINAL_ORDER_STATES.includes(state)
}

/** An order the counter is still working on (a second payment must not start). */
export function isInFlight(order: OrderView | null): boolean {
  return order !== null && !isFinal(order.state)
}
