// What the engine needs from the outside, as small interfaces: the gateway
// client (electron/gateway), the face camera (native-bridge/face), the shift
// in force and the terminal's identity. create-core wires the real ones.
import type { GatewayClient } from '../gateway/types'

import type { FaceCodeResult } from '../../native-bridge/face/types'

export type { GatewayClient, FaceCodeResult }

export interface FaceAuthInfo {
  authinfo: string
  appid: string
  mchId: string
  storeId: string
}

export interface FacePort {
  /** rawdata from the camera SDK, then authinfo (cached per device/store/appid while valid). */
  authenticate(): Promise<FaceAuthInfo>
  getFaceCode(req: FaceAuthInfo & { outTradeNo: string; totalFee: number }): Promise<FaceCodeResult>
  /** Tell the SDK how the payment ended (it shows it to the customer). Best effort. */
  reportResult?(outTradeNo: string, paid: boolean): Promise<void>
}

export interface Terminal {
  storeId: string
  storeName: string
  deviceId: string
  cashier: string
  /** op_user_id sent with cancel/refund (the cashier, or the merchant id). */
  opUserId: string
  /** The signed-in operator (electron/operators), recorded on each order; absent before operators exist. */
  operatorNo?: string | null
  /** The per-sale maximum (fen) from Settings; the engine refuses larger sales before creating an order. */
  maxSaleFen?: number
}

export interface ShiftPort {
  /** The open shift (id and its cashier), opening one for `cashier` when none is open. */
  ensureOpen(cashier: string, operatorNo?: string | null): { id: string; cashier: string }
  currentId(): string | null
}
