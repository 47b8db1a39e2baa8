// Demo-mode face camera with scripted outcomes. Pick one with `script()` (it
// applies to the next getFaceCode calls, in order) or by the amount's last two
// fen digits: …11 the customer cancels, …22 switches to showing a payment code,
// …33 the SDK reports an error, …44 a slow customer (slowMs, then success);
// anything else succeeds at once.
import { FaceStatusHolder } from './face-status'
import type { FaceCamera, FaceCodeRequest, FaceCodeResult, FacePayResultReport, FaceStatus } from './types'

export type SimulatedOutcome = 'success' | 'user-cancel' | 'scan-payment' | 'sdk-error' | 'slow'

export function outcomeForAmount(totalFee: number): SimulatedOutcome {
  switch (totalFee % 100) {
    case 11:
      return 'user-cancel'
    case 22:
      return 'scan-payment'
    case 33:
      return 'sdk-error'
    case 44:
      return 'slow'
    default:
      return 'success'
  }
}

export interface SimulatedCameraOptions {
  slowMs?: number
}

export class SimulatedFaceCamera implements FaceCamera {
  private readonly queue: SimulatedOutcome[] = []
  private readonly statusHolder = new FaceStatusHolder('simulated', 'simulated-starting', 'simulated face camera starting')
  private rawdataCount = 0
  readonly reported: FacePayResultReport[] = []

  constructor(private readonly opts: SimulatedCameraOptions = {}) {}

  /** Queue outcomes for the next getFaceCode calls (overrides the amount rule). */
  script(...outcomes: SimulatedOutcome[]): void {
    this.queue.push(...outcomes)
  }

  async start(): Promise<void> {
    this.statusHolder.set('connected', 'simulated-ready', 'simulated face camera (demo)')
  }

  async getRawdata(): Promise<string> {
    this.ensureUp()
    this.rawdataCount++
    return `SIMRAWDATA${String(this.rawdataCount).padStart(6, '0')}`
  }

  async getFaceCode(req: FaceCodeRequest): Promise<FaceCodeResult> {
    this.ensureUp()
    const outcome = this.queue.shift() ?? outcomeForAmount(req.totalFee)
    switch (outcome) {
      case 'user-cancel':
        return { kind: 'user-cancel' }
      case 'scan-payment':
        return { kind: 'scan-payment' }
      case 'sdk-error':
        return { kind: 'error', message: 'simulated SDK error' }
      case 'slow':
        await new Promise((r) => setTimeout(r, this.opts.slowMs ?? 8_000))
        return this.success(req)
      case 'success':
        return this.success(req)
    }
  }

  async reportResult(report: FacePayResultReport): Promise<void> {
    this.ensureUp()
    this.reported.push(report)
  }

  status(): FaceStatus {
    return this.statusHolder.get()
  }

  onStatus(listener: (s: FaceStatus) => void): () => void {
    return this.statusHolder.on(listener)
  }

  async close(): Promise<void> {
    this.statusHolder.set('disabled', 'closed', 'simulated face camera closed')
  }

  private success(req: FaceCodeRequest): FaceCodeResult {
    return { kind: 'ok', faceCode: `SIMFACE${req.outTradeNo}`.slice(0, 64), openid: 'o_sim_demo_customer' }
  }

  private ensureUp(): void {
    if (this.statusHolder.get().state !== 'connected') throw new Error('simulated face camera is not started')
  }
}
