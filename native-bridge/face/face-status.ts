// The status every face camera keeps and announces: one small holder shared by
// the vendor bridge and the simulator.
import type { FaceStatus, FaceStatusReason } from './types'

export class FaceStatusHolder {
  private current: FaceStatus
  private readonly listeners = new Set<(s: FaceStatus) => void>()

  constructor(kind: FaceStatus['kind'], reason: FaceStatusReason, initialDetail: string) {
    this.current = { kind, state: 'connecting', reason, detail: initialDetail }
  }

  get(): FaceStatus {
    return { ...this.current }
  }

  set(state: FaceStatus['state'], reason: FaceStatusReason, detail: string, params?: Record<string, string | number>): void {
    this.current = { kind: this.current.kind, state, reason, detail, ...(params ? { params } : {}) }
    for (const l of this.listeners) l(this.get())
  }

  on(listener: (s: FaceStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
