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

/** An order as the store database has it (any counter's). */
export interface StoreOrderFacts {
  outTradeNo: string
  counterId: string
  method: string
  paytype: string | null
  amountFen: number
  state: string
  transactionId: string | null
  cashier: string
  createdAt: number
  paidAt: number | null
}

export type StoreReserveResult =
  | { ok: true; remainingFen: number }
  | { ok: false; code: 'ORDER_UNKNOWN' | 'NOT_REFUNDABLE' | 'OVER_CAP' | 'REFUND_NO_REUSED'; remainingFen: number }

/**
 * The store database, for refunds of orders taken at another counter
 * (electron/replication wires it). Every call throws PosFailure
 * STORE_UNREACHABLE when the store cannot answer.
 */
export interface StoreRefundPort {
  /** A store database is set up for this counter. */
  configured(): boolean
  /** Set up, and its last exchange went through (the replicator is not failing). */
  reachable(): boolean
  /** The counter id this counter replicates under (reservations carry it). */
  counterId(): string
  order(outTradeNo: string): Promise<StoreOrderFacts | null>
  /** One PostgreSQL transaction, the order's row locked: the cross-counter cap. */
  reserve(req: { outTradeNo: string; outRefundNo: string; amountFen: number; at: number }): Promise<StoreReserveResult>
  settle(outRefundNo: string, outcome: 'confirmed' | 'released', at: number): Promise<boolean>
  /** This counter's reservations not settled yet. */
  openReservations(): Promise<{ outRefundNo: string; outTradeNo: string; amountFen: number }[]>
}
