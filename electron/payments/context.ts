// Everything an order runner needs, plus the one write path for transitions
// (journal first, then the event to the renderer).
import type { EventBus } from '../core/event-bus'
import type { Logger } from '../core/logger'
import type { Journal } from '../journal'
import type { OrderChanges, OrderRow } from '../journal/orders'
import type { OrderState } from '../shared/contract'
import { FINAL_ORDER_STATES } from '../shared/contract'
import type { Clock } from './clock'
import type { PaymentPolicy } from './policy'
import type { FacePort, GatewayClient, ShiftPort, Terminal } from './ports'
import { orderView } from './view'

export interface EngineDeps {
  journal: Journal
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
    const row = this.deps.journal.orders.get(outTradeNo)
    if (!row) throw new Error(`order ${outTradeNo} vanished from the journal`)
    return row
  }

  /** Commit a transition to the journal, then tell the renderer. */
  move(outTradeNo: string, state: OrderState, changes: OrderChanges, note: string): OrderRow {
    const row = this.deps.journal.orders.transition(outTradeNo, state, changes, note, this.clock.now())
    this.deps.bus.emit('payment:update', orderView(row))
    if (isFinal(state)) this.log.info('order final', { outTradeNo, state, note })
    return row
  }
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
