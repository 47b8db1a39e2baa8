// Adapts the device service's face camera + authinfo cache to the payment
// engine's FacePort (electron/payments/ports.ts). The fetcher (gateway
// getfaceauth) and the terminal identity are the caller's.
import type { FaceAuthInfo, FacePort } from '../payments/ports'
import { PosFailure } from '../shared/result'
import type { AuthinfoCache, AuthinfoKey } from '../../native-bridge/face/authinfo-cache'
import type { FaceCamera } from '../../native-bridge/face/types'

export interface FacePortOptions {
  /** The current camera (DeviceService.face). */
  camera: () => FaceCamera | null
  cache: AuthinfoCache
  /** This terminal's device and store ids (from settings). */
  key: () => AuthinfoKey
}

export function createFacePort(opts: FacePortOptions): FacePort {
  // Which authinfo each order used, so the pay result can be shown on the same session.
  const used = new Map<string, FaceAuthInfo>()
  const camera = (): FaceCamera => {
    const c = opts.camera()
    if (!c || c.status().state !== 'connected') throw new PosFailure('DEVICE', `face camera not available (${c?.status().detail ?? 'not configured'})`, { reason: 'face-unavailable' })
    return c
  }
  return {
    async authenticate() {
      const cam = camera()
      const key = opts.key()
      const grant = await opts.cache.get(key, () => cam.getRawdata())
      return { authinfo: grant.authinfo, appid: grant.appid, mchId: grant.mchId ?? '', storeId: key.storeId }
    },
    async getFaceCode(req) {
      used.set(req.outTradeNo, { authinfo: req.authinfo, appid: req.appid, mchId: req.mchId, storeId: req.storeId })
      if (used.size > 100) used.delete(used.keys().next().value as string)
      return camera().getFaceCode(req)
    },
    async reportResult(outTradeNo, paid) {
      const auth = used.get(outTradeNo)
      used.delete(outTradeNo)
      if (auth) await camera().reportResult({ ...auth, paid })
    },
  }
}
