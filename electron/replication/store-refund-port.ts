// The store database as the refund engine needs it (payments/ports.ts
// StoreRefundPort): an order of any counter, the cross-counter reservation
// (store/refund-cap.ts) and its settlement. Every call fails as
// STORE_UNREACHABLE when the store cannot answer.
import type { StoreRefundPort } from '../payments/ports'
import { openReservations, reserveRefund, settleReservation, storeOrderFacts } from '../store/refund-cap'
import type { ReplicationService } from './service'

export function storeRefundPort(service: ReplicationService, counterId: () => string): StoreRefundPort {
  return {
    configured: () => service.status().configured,
    reachable: () => service.status().configured && service.status().state !== 'failing',
    counterId,
    order: (outTradeNo) => service.ask((pool) => storeOrderFacts(pool, outTradeNo)),
    reserve: (req) => service.ask((pool) => reserveRefund(pool, { ...req, counterId: counterId() })),
    settle: (outRefundNo, outcome, at) => service.ask((pool) => settleReservation(pool, outRefundNo, outcome, at)),
    openReservations: () => service.ask((pool) => openReservations(pool, counterId())),
  }
}
