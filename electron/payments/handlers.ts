// The payments domain's contract calls: sales (payment:*), the orders screen
// (orders:*) and refunds. create-core merges them with the other domains'.
import type { Journal } from '../journal'
import type { Handlers } from '../kernel/dispatch'
import type { OperatorService } from '../operators/service'
import { msg, type Message, type TimelineEntry } from '../shared/contract'
import { PosFailure } from '../shared/result'
import type { PaymentEngine } from './engine'
import type { RefundService } from './refunds'
import { orderView, refundView } from './view'

type H<K extends keyof Handlers> = Pick<Handlers, K>

/** What these handlers use of the core's services. */
export interface PaymentDeps {
  journal: Journal
  engine: PaymentEngine
  refunds: RefundService
  operators: OperatorService
}

// The order timeline: states and calls as codes the renderer words; the
// engine's note on each transition (a message too) says why.
function stateEntry(at: number, from: string | null, to: string, note: Message | null): TimelineEntry {
  const text = from && from !== to ? msg('STATE_CHANGED', { from, to }) : msg('STATE_ENTERED', { to })
  return { at, kind: 'state', text, ...(note ? { detail: note } : {}) }
}

function gatewayEntry(at: number, call: string, outcome: string, error: string | null): TimelineEntry {
  const text = msg(error ? 'GATEWAY_CALL_FAILED' : 'GATEWAY_CALL', { call, outcome })
  return { at, kind: 'gateway', text, ...(error ? { detail: msg('TECHNICAL', { text: error.slice(0, 500) }) } : {}) }
}

export function paymentHandlers(s: PaymentDeps): H<'payment:payByCode' | 'payment:payByFace' | 'payment:payByQr' | 'payment:stop' | 'payment:current'> {
  return {
    // A locked counter refuses new sales (COUNTER_LOCKED); the one in flight goes on.
    'payment:payByCode': (req) => (s.operators.authorize('sell'), s.engine.payByCode(req)),
    'payment:payByFace': (req) => (s.operators.authorize('sell'), s.engine.payByFace(req)),
    'payment:payByQr': (req) => (s.operators.authorize('sell'), s.engine.payByQr(req)),
    'payment:stop': (req) => (s.operators.authorize('stop'), s.engine.stop(req.outTradeNo)),
    'payment:current': () => s.engine.currentOrder(),
  }
}

export function ordersHandlers(s: PaymentDeps): H<'orders:search' | 'orders:get' | 'orders:recheck' | 'orders:acknowledge' | 'refunds:create' | 'refunds:recheck'> {
  return {
    'orders:search': (q) => {
      const { rows, total, totalCapped } = s.journal.searchOrders(q)
      return { items: rows.map(orderView), total, totalCapped }
    },
    'orders:get': ({ outTradeNo }) => {
      const row = s.engine.ctx.unrecordedOrders.get(outTradeNo) ?? s.journal.orders.get(outTradeNo)
      if (!row) throw new PosFailure('NOT_FOUND', `没有这笔订单：${outTradeNo}`, { reason: 'order', outTradeNo })
      const timeline: TimelineEntry[] = [
        ...s.journal.orders.events(outTradeNo).map((e) => stateEntry(e.at, e.from_state, e.to_state, e.note)),
        ...s.journal.audit.forRef(outTradeNo).map((a) => gatewayEntry(a.at, a.call, a.outcome, a.error)),
      ].sort((a, b) => a.at - b.at)
      return {
        order: orderView(row),
        refunds: s.journal.refunds.forOrder(outTradeNo).map(refundView),
        timeline,
        refundableFen: s.refunds.refundableFen(outTradeNo),
        ...(s.journal.orders.isForeign(outTradeNo) ? { takenAt: row.device_id } : {}),
      }
    },
    'orders:recheck': ({ outTradeNo }) => s.engine.recheck(outTradeNo),
    'orders:acknowledge': ({ outTradeNo, pin, approval, note }) => {
      s.operators.guard('acknowledgeReview', { pin, approval }, { ref: outTradeNo })
      return s.engine.acknowledge(outTradeNo, note ?? '')
    },
    'refunds:create': (req) => s.refunds.create(req),
    'refunds:recheck': ({ outRefundNo }) => s.refunds.recheck(outRefundNo),
  }
}

