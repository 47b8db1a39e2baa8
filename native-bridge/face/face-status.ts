// The status every face camera keeps and announces: one small holder shared by
// the vendor bridge and the simulator.
import type { FaceStatus } from './types'

export class FaceStatusHolder {
  private current: FaceStatus
  private readonly listeners = new Set<(s: FaceStatus) => void>()

  constructor(kind: FaceStatus['kind'], initialDetail: string) {
    this.current = { kind, state: 'connecting', detail: initialDetail }
  }

  get(): FaceStatus {
    return { ...this.current }
  }

  set(state: FaceStatus['state'], detail: string): void {
    this.current = { ...this.current, state, detail }
    for (const l of this.listeners) l(this.get())
  }

  on(listener: (s: FaceStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
