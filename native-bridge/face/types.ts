// What the payment engine sees of a face camera, whatever drives it (the
// vendor SDK in a worker process, or the demo simulator).

export interface FaceCodeRequest {
  authinfo: string
  appid: string
  mchId: string
  storeId: string
  outTradeNo: string
  /** Integer fen. */
  totalFee: number
}

export type FaceCodeResult =
  | { kind: 'ok'; faceCode: string; openid: string }
  | { kind: 'user-cancel' }
  /** The customer chose to show a payment code instead: go back to scanning. */
  | { kind: 'scan-payment' }
  | { kind: 'error'; message: string }

export interface FacePayResultReport {
  authinfo: string
  appid: string
  mchId: string
  storeId: string
  paid: boolean
}

export type FaceState = 'connected' | 'connecting' | 'disconnected' | 'failed' | 'disabled'

/**
 * Why the camera is in its state, as a code (the app words it for the cashier);
 * `detail` is the same in English for the logs. Kept here rather than imported
 * so native-bridge needs nothing from electron/ (electron/devices/face-slot.ts
 * maps every reason to a message code; a new reason fails to typecheck there).
 */
export type FaceStatusReason = 'simulated-starting' | 'simulated-ready' | 'closed' | 'not-started' | 'process-starting' | 'ready' | 'init-failed' | 'process-failed'

export interface FaceStatus {
  kind: 'vendor' | 'simulated'
  state: FaceState
  reason: FaceStatusReason
  /** `error`: the SDK's or the process's own words; `retryS`: seconds until the next start. */
  params?: Record<string, string | number>
  detail: string
}

export interface FaceCamera {
  /** Start the SDK (initWxpayface). Resolves when ready; status tells if it is not. */
  start(): Promise<void>
  /** getWxpayfaceRawdata: what the gateway's getfaceauth needs. */
  getRawdata(): Promise<string>
  /** getWxpayfaceCode: the customer looks into the camera. May take a while. */
  getFaceCode(req: FaceCodeRequest): Promise<FaceCodeResult>
  /** updateWxpayfacePayResult: tell the camera screen how payment went. */
  reportResult(report: FacePayResultReport): Promise<void>
  status(): FaceStatus
  /** Listen for status changes; returns unsubscribe. */
  onStatus(listener: (status: FaceStatus) => void): () => void
  close(): Promise<void>
}

export type FaceErrorCode =
  /** The vendor process died (crash, abort) during the call. */
  | 'crashed'
  /** No answer within the time allowed; the vendor process was killed and restarted. */
  | 'timeout'
  /** The library could not be loaded or the worker is not running. */
  | 'unavailable'
  /** wxpayCallFaceService returned a non-zero code. */
  | 'vendor-rc'
  /** The SDK answered something we cannot read (not JSON, missing fields). */
  | 'bad-response'

/**
 * A face call that did not produce an answer. The order in flight must treat
 * its result as unknown (query / cancel), exactly as for a network timeout.
 */
export class FaceBridgeError extends Error {
  override readonly name = 'FaceBridgeError'
  constructor(
    readonly code: FaceErrorCode,
    message: string,
    readonly returnCode?: number,
  ) {
    super(message)
  }
}
