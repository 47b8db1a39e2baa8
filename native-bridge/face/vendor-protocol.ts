// The WeChat face-pay PC SDK's JSON requests and how its answers map to our
// types. Pure: no I/O, so it is tested on its own.
import { FaceBridgeError, type FaceCodeRequest, type FaceCodeResult, type FacePayResultReport } from './types'

export type VendorRequest = { cmd: string } & Record<string, string>

export const initRequest = (): VendorRequest => ({ cmd: 'initWxpayface' })
export const rawdataRequest = (): VendorRequest => ({ cmd: 'getWxpayfaceRawdata' })
export const releaseRequest = (): VendorRequest => ({ cmd: 'releaseWxpayface' })

export function faceCodeRequest(req: FaceCodeRequest): VendorRequest {
  if (!Number.isSafeInteger(req.totalFee) || req.totalFee <= 0) throw new FaceBridgeError('bad-response', 'total_fee must be a positive integer number of fen')
  return {
    cmd: 'getWxpayfaceCode',
    appid: req.appid,
    mch_id: req.mchId,
    store_id: req.storeId,
    authinfo: req.authinfo,
    out_trade_no: req.outTradeNo,
    total_fee: String(req.totalFee),
    face_authtype: 'FACEPAY',
  }
}

export function payResultRequest(r: FacePayResultReport): VendorRequest {
  return {
    cmd: 'updateWxpayfacePayResult',
    appid: r.appid,
    mch_id: r.mchId,
    store_id: r.storeId,
    authinfo: r.authinfo,
    payresult: r.paid ? 'SUCCESS' : 'ERROR',
  }
}

/** Parses an SDK answer; a non-zero return code or unreadable JSON is a FaceBridgeError. */
export function parseResponse(rc: number, response: string | null): Record<string, unknown> {
  if (rc !== 0) throw new FaceBridgeError('vendor-rc', `face SDK returned ${rc}`, rc)
  if (response === null) throw new FaceBridgeError('bad-response', 'face SDK returned no response')
  let parsed: unknown
  try {
    parsed = JSON.parse(response)
  } catch {
    throw new FaceBridgeError('bad-response', 'face SDK response is not JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new FaceBridgeError('bad-response', 'face SDK response is not a JSON object')
  return parsed as Record<string, unknown>
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const message = (r: Record<string, unknown>): string => str(r.return_msg) || str(r.err_msg) || str(r.return_code) || 'unknown error'

/** Throws unless return_code is SUCCESS. */
export function expectSuccess(r: Record<string, unknown>, what: string): void {
  if (r.return_code !== 'SUCCESS') throw new FaceBridgeError('bad-response', `${what}: ${message(r)}`.slice(0, 200))
}

export function rawdataOf(r: Record<string, unknown>): string {
  expectSuccess(r, 'getWxpayfaceRawdata')
  const rawdata = str(r.rawdata)
  if (!rawdata) throw new FaceBridgeError('bad-response', 'getWxpayfaceRawdata: no rawdata')
  return rawdata
}

export function faceCodeResultOf(r: Record<string, unknown>): FaceCodeResult {
  switch (r.return_code) {
    case 'SUCCESS': {
      const faceCode = str(r.face_code)
      const openid = str(r.openid)
      if (!faceCode) return { kind: 'error', message: 'getWxpayfaceCode: SUCCESS without face_code' }
      return { kind: 'ok', faceCode, openid }
    }
    case 'USER_CANCEL':
      return { kind: 'user-cancel' }
    case 'SCAN_PAYMENT':
      return { kind: 'scan-payment' }
    default:
      return { kind: 'error', message: message(r).slice(0, 200) }
  }
}
