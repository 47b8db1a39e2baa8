// Queued faults: "make the next N calls of X fail with F".
import type { GatewayCallName } from '../calls'
import { FAULT_COMMITS, type Fault } from './types'

export interface QueuedFault {
  call: GatewayCallName | '*'
  fault: Fault
  remaining: number
  /** Whether the call takes effect before the fault hits. */
  commit: boolean
}

export class FaultQueue {
  private queue: QueuedFault[] = []

  add(call: GatewayCallName | '*', fault: Fault, opts: { count?: number; commit?: boolean } = {}): void {
    const count = opts.count ?? 1
    if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer')
    this.queue.push({ call, fault, remaining: count, commit: opts.commit ?? FAULT_COMMITS[fault] })
  }

  /** The fault for this call, if one is queued (the oldest matching one). */
  take(call: GatewayCallName): QueuedFault | null {
    const entry = this.queue.find((f) => f.call === call || f.call === '*')
    if (!entry) return null
    entry.remaining -= 1
    if (entry.remaining === 0) this.queue = this.queue.filter((f) => f !== entry)
    return { ...entry }
  }

  clear(): void {
    this.queue = []
  }

  pending(): readonly QueuedFault[] {
    return this.queue.map((f) => ({ ...f }))
  }
}
