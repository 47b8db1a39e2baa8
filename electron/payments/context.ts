// Everything an order runner needs, plus the one write path for transitions
// (journal first, then the event to the renderer).
import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'
import type { Journal } from '../journal'
import type { OrderChanges, OrderRow } from '../journal/orders'
import type { RefundRow } from '../journal/refunds'
import type { JournalWriteGuard } from '../journal/write-guard'
import type { Message, OrderState } from '../shared/contract'
import { FINAL_ORDER_STATES } from '../shared/contract'
import type { Clock } from './clock'
import type { PaymentPolicy } from './policy'
import type { FacePort, GatewayClient, ShiftPort, Terminal } from './ports'
import { orderView, refundView } from './view'

export interface EngineDeps {
  journal: Journal
  /** Whether the journal takes writes; keeps what already happened in memory when it does not. */
  writes: JournalWriteGuard
  /** The client for the current settings (demo sandbox or live gateway). */
  gateway: () => GatewayClient
  face: () => FacePort | null
  shifts: ShiftPort
  terminal: () => Terminal
  /** Throws a PosFailure when this counter may not start a sale now (e.g. the live merchant is not enabled). */
  canSell?: () => void
  bus: EventBus
  clock: Clock
  policy: PaymentPolicy
  log: Logger
}

export class EngineContext {
  /** Orders / refunds whose latest state the journal has not taken yet (retried by the guard). */
  readonly unrecordedOrders = new Map<string, OrderRow>()
  readonly unrecordedRefunds = new Map<string, RefundRow>()

  constructor(readonly deps: EngineDeps) {}

  get clock(): Clock {
    return this.deps.clock
  }
  get policy(): PaymentPolicy {
    return this.deps.policy
  }
  get gateway(): GatewayClient {
    return this.deps.gateway()
  }
  get log(): Logger {
    return this.deps.log
  }

  order(outTradeNo: string): OrderRow {
    const kept = this.unrecordedOrders.get(outTradeNo)
    if (kept) return kept
    const row = this.deps.journal.orders.get(outTradeNo)
    if (!row) throw new Error(`order ${outTradeNo} vanished from the journal`)
    return row
  }

  /** Commit a transition to the journal, then tell the renderer. */
  move(outTradeNo: string, state: OrderState, changes: OrderChanges, note: Message | null): OrderRow {
    const at = this.clock.now()
    const before = this.order(outTradeNo)
    const { journal, writes } = this.deps
    // What happened has happened (often: the gateway took the money): if the
    // journal refuses it, keep it in memory and let the guard retry until it takes it.
    const committed = writes.keep(outTradeNo, () => void journal.orders.transition(outTradeNo, state, changes, note, at))
    let row: OrderRow
    if (committed) row = this.order(outTradeNo)
    else {
      row = { ...before, ...nullsFor(changes), state, updated_at: at, unrecorded: true }
      this.unrecordedOrders.set(outTradeNo, row)
      this.log.error('journal write failed: order state kept in memory', { outTradeNo, state, reason: writes.state().reason })
    }
    this.deps.bus.emit('payment:update', orderView(row))
    if (isFinal(state)) this.log.info('order final', { outTradeNo, state, note })
    return row
  }
}

/** The guard committed a kept write: once nothing is left for that key, the journal is the truth again. */
export function onKeptWriteFlushed(ctx: EngineContext, key: string): void {
  if (ctx.deps.writes.pendingKeys().has(key)) return
  if (ctx.unrecordedOrders.delete(key)) {
    const row = ctx.deps.journal.orders.get(key)
    if (row) ctx.deps.bus.emit('payment:update', orderView(row))
  }
  if (ctx.unrecordedRefunds.delete(key)) {
    const row = ctx.deps.journal.refunds.get(key)
    if (row) ctx.deps.bus.emit('refunds:update', refundView(row))
  }
}

function nullsFor<T extends object>(changes: T): T {
  return Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v ?? null])) as T
}

export function isFinal(state: OrderState): boolean {
  return FINAL_ORDER_STATES.includes(state)
}

/** Allows Stop to interrupt a wait exactly once. */
export class OrderControl {
  stopRequested = false
  private wakeUp: () => void = () => {}
  readonly wake: Promise<void>
  constructor() {
    this.wake = new Promise<void>((resolve) => (this.wakeUp = resolve))
  }
  requestStop(): void {
    this.stopRequested = true
    this.wakeUp()
  }
}
