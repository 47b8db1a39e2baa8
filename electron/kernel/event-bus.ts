// Typed events from the core to whichever transport is attached. Payloads are
// checked against the contract as they leave, so a bug shows up here and not
// as a confusing screen.
import { events, type EventName, type EventPayload } from '../shared/contract'
import type { Logger } from './logger'

export type AnyEventListener = (name: EventName, payload: unknown) => void

export class EventBus {
  private readonly listeners = new Set<AnyEventListener>()
  constructor(private readonly log: Logger) {}

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    const checked = events[name].safeParse(payload)
    if (!checked.success) {
      this.log.error('event outside the contract dropped', { event: name, issue: checked.error.issues[0]?.message })
      return
    }
    for (const l of this.listeners) {
      try {
        l(name, checked.data)
      } catch (e) {
        this.log.error('event listener failed', { event: name, error: e instanceof Error ? e.message : String(e) })
      }
    }
  }

  /** Listen to every event (transports forward them all). Returns unsubscribe. */
  subscribe(listener: AnyEventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
    return this.subscribe((n, p) => {
      if (n === name) listener(p as EventPayload<K>)
    })
  }
}
