// FaceCamera over the vendor SDK, which runs in a worker process (worker-host).
// A crash, abort or hang in vendor code fails the call in flight with a
// FaceBridgeError (the engine treats the payment result as unknown), the
// status goes `failed`, and a fresh worker is started and re-initialised.
import { FaceStatusHolder } from './face-status'
import { WorkerHost, type SpawnWorker } from './worker-host'
import {
  expectSuccess,
  faceCodeRequest,
  faceCodeResultOf,
  initRequest,
  parseResponse,
  payResultRequest,
  rawdataOf,
  rawdataRequest,
  releaseRequest,
  type VendorRequest,
} from './vendor-protocol'
import { FaceBridgeError, type FaceCamera, type FaceCodeRequest, type FaceCodeResult, type FacePayResultReport, type FaceStatus, type FaceStatusReason } from './types'

export interface VendorCameraOptions {
  libraryPath: string
  /** See WorkerHostOptions.preflight (the app passes the allow-list and pinned-hash check). */
  preflight?: () => { path: string; sha256: string }
  spawn?: SpawnWorker
  /** Per-call limits: the face-code call waits for a customer, the others should be quick. */
  timeouts?: { callMs?: number; faceCodeMs?: number; startMs?: number }
  restart?: { initialMs: number; maxMs: number }
}

export class VendorFaceCamera implements FaceCamera {
  private readonly statusHolder = new FaceStatusHolder('vendor', 'not-started', 'not started')
  private readonly host: WorkerHost
  private readonly callMs: number
  private readonly faceCodeMs: number
  private readyWaiters: { resolve: () => void }[] = []

  constructor(opts: VendorCameraOptions) {
    this.callMs = opts.timeouts?.callMs ?? 10_000
    this.faceCodeMs = opts.timeouts?.faceCodeMs ?? 120_000
    this.host = new WorkerHost({
      libraryPath: opts.libraryPath,
      ...(opts.preflight ? { preflight: opts.preflight } : {}),
      ...(opts.spawn ? { spawn: opts.spawn } : {}),
      ...(opts.restart ? { restart: opts.restart } : {}),
      ...(opts.timeouts?.startMs ? { startTimeoutMs: opts.timeouts.startMs } : {}),
      onState: (s) => {
        if (s.state === 'connecting') this.setStatus('connecting', 'process-starting', s.detail)
        else if (s.state === 'failed') this.setStatus('failed', 'process-failed', s.detail, { error: (s.error ?? s.detail).slice(0, 500), retryS: s.retryS ?? 0 })
      },
      onReady: () => void this.initialise(),
    })
  }

  /** Starts the worker; resolves once the SDK is initialised or the first attempt has failed. */
  start(): Promise<void> {
    const settled = new Promise<void>((resolve) => this.readyWaiters.push({ resolve }))
    this.host.start()
    return settled
  }

  async getRawdata(): Promise<string> {
    return rawdataOf(await this.call(rawdataRequest(), this.callMs))
  }

  async getFaceCode(req: FaceCodeRequest): Promise<FaceCodeResult> {
    return faceCodeResultOf(await this.call(faceCodeRequest(req), this.faceCodeMs))
  }

  async reportResult(report: FacePayResultReport): Promise<void> {
    expectSuccess(await this.call(payResultRequest(report), this.callMs), 'updateWxpayfacePayResult')
  }

  /** Sends any request (tests use it for the fake library's own commands). */
  async call(request: VendorRequest, timeoutMs: number = this.callMs): Promise<Record<string, unknown>> {
    const { rc, response } = await this.host.call(request, timeoutMs)
    return parseResponse(rc, response)
  }

  status(): FaceStatus {
    return this.statusHolder.get()
  }

  onStatus(listener: (s: FaceStatus) => void): () => void {
    return this.statusHolder.on(listener)
  }

  async close(): Promise<void> {
    if (this.host.isReady()) await this.call(releaseRequest(), 2_000).catch(() => {})
    this.host.close()
    this.setStatus('disabled', 'closed', 'face camera closed')
  }

  private async initialise(): Promise<void> {
    try {
      expectSuccess(await this.call(initRequest()), 'initWxpayface')
      this.setStatus('connected', 'ready', 'face camera ready')
    } catch (e) {
      // A failed init leaves the worker up; the status says why payments by face are off.
      const error = e instanceof FaceBridgeError ? e.message : String(e)
      this.setStatus('failed', 'init-failed', `face SDK init failed: ${error}`, { error: error.slice(0, 500) })
    }
  }

  private setStatus(state: FaceStatus['state'], reason: FaceStatusReason, detail: string, params?: Record<string, string | number>): void {
    this.statusHolder.set(state, reason, detail, params)
    if (state === 'connected' || state === 'failed') {
      for (const w of this.readyWaiters.splice(0)) w.resolve()
    }
  }
}
