// The contract's calls mapped onto the core's services. One function per
// domain; create-core merges them. Devices handlers live in electron/devices.
import type { GatewayClient } from '../gateway/types'
import type { Journal } from '../journal'
import type { PaymentEngine } from '../payments/engine'
import type { RefundService } from '../payments/refunds'
import { orderView, refundView } from '../payments/view'
import type { OperatorService } from '../operators/service'
import type { SettingsService } from '../settings/service'
import type { ShiftService } from '../shifts/service'
import { msg, type Message, type TimelineEntry } from '../shared/contract'
import { PosFailure } from '../shared/result'
import { checkLiveGateway } from '../settings/live-check'
import { JournalWriteError } from '../journal/write-guard'
import type { Handlers } from '../kernel/dispatch'
import { readCashSettings, SUPERVISOR } from '../cash/service'

export interface DomainServices {
  journal: Journal
  engine: PaymentEngine
  refunds: RefundService
  shifts: ShiftService
  settings: SettingsService
  operators: OperatorService
  /** The client for agent-level (activation) calls: always the configured live gateway. */
  activationClient: () => GatewayClient
  /** The configured live gateway with the merchant's credentials (the go-live check), whatever the mode. */
  liveClient: () => GatewayClient
}

type H<K extends keyof Handlers> = Pick<Handlers, K>

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

export function paymentHandlers(s: DomainServices): H<'payment:payByCode' | 'payment:payByFace' | 'payment:payByQr' | 'payment:stop' | 'payment:current'> {
  return {
    // A locked counter refuses new sales (COUNTER_LOCKED); the one in flight goes on.
    'payment:payByCode': (req) => (s.operators.authorize('sell'), s.engine.payByCode(req)),
    'payment:payByFace': (req) => (s.operators.authorize('sell'), s.engine.payByFace(req)),
    'payment:payByQr': (req) => (s.operators.authorize('sell'), s.engine.payByQr(req)),
    'payment:stop': (req) => (s.operators.authorize('stop'), s.engine.stop(req.outTradeNo)),
    'payment:current': () => s.engine.currentOrder(),
  }
}

export function ordersHandlers(s: DomainServices): H<'orders:search' | 'orders:get' | 'orders:recheck' | 'orders:acknowledge' | 'refunds:create' | 'refunds:recheck'> {
  return {
    'orders:search': (q) => {
      const { rows, total, totalCapped } = s.journal.searchOrders(q)
      return { items: rows.map(orderView), total, totalCapped }
    },
    'orders:get': ({ outTradeNo }) => {
      const row = s.engine.ctx.unrecordedOrders.get(outTradeNo) ?? s.journal.orders.get(outTradeNo)
      if (!row) throw new PosFailure('NOT_FOUND', `没有这笔订单：${outTradeNo}`)
      const timeline: TimelineEntry[] = [
        ...s.journal.orders.events(outTradeNo).map((e) => stateEntry(e.at, e.from_state, e.to_state, e.note)),
        ...s.journal.audit.forRef(outTradeNo).map((a) => gatewayEntry(a.at, a.call, a.outcome, a.error)),
      ].sort((a, b) => a.at - b.at)
      return {
        order: orderView(row),
        refunds: s.journal.refunds.forOrder(outTradeNo).map(refundView),
        timeline,
        refundableFen: s.refunds.refundableFen(outTradeNo),
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

export function shiftsHandlers(s: DomainServices): H<'shifts:current' | 'shifts:open' | 'shifts:xReport' | 'shifts:close' | 'shifts:report' | 'shifts:list'> {
  return {
    'shifts:current': () => s.shifts.current(),
    // The shift belongs to the signed-in operator (recorded by number; the name is the one typed).
    'shifts:open': (req) => s.shifts.open(req.cashier, req.floatFen, s.operators.authorize('openShift').operatorNo),
    'shifts:xReport': () => (s.operators.authorize('shiftReport'), s.shifts.report('X')),
    // Who may close a shift is the core's decision: a supervisor (PIN or approval).
    'shifts:close': ({ pin, approval, count, acceptOverShort }) => {
      const shiftId = s.shifts.currentId()
      const actor = s.operators.guard('closeShiftWithDifference', { pin, approval }, shiftId ? { ref: shiftId } : {})
      if (s.engine.currentOrder()) throw new PosFailure('BUSY', '还有订单在处理中：请等它结束后再结班')
      // A real write probe first: a Z report the journal cannot store is no Z report.
      const writes = s.engine.ctx.deps.writes
      const refusal = () => new PosFailure('JOURNAL', '账本无法写入：暂不能结班，请先处理磁盘问题 (journal not writable)')
      if (writes.failing || writes.probe() !== null) throw refusal()
      try {
        const approvedBy = actor.approverNo ?? actor.operatorNo ?? SUPERVISOR
        const counted = count ? { count, limitFen: readCashSettings(s.journal).overShortLimitFen, acceptOverShort: acceptOverShort === true, approvedBy } : undefined
        return writes.durable(() => s.shifts.close(counted, { closedBy: actor.operatorNo, approver: actor.approverNo }))
      } catch (e) {
        if (e instanceof JournalWriteError) throw refusal()
        throw e
      }
    },
    'shifts:report': ({ shiftId }) => (s.operators.authorize('shiftReport'), s.shifts.stored(shiftId)),
    'shifts:list': ({ limit }) => s.shifts.list(limit),
  }
}

export function settingsHandlers(s: DomainServices): H<'settings:get' | 'settings:update' | 'settings:setMode' | 'settings:sendSms' | 'settings:activate' | 'settings:register' | 'settings:setupDone' | 'settings:setPin'> {
  return {
    'settings:get': () => s.settings.view(),
    'settings:update': ({ patch, pin, approval }) => s.settings.update(patch, { pin, approval }),
    'settings:setMode': ({ mode, pin, approval, acceptPlainSecrets }) => {
      if (s.engine.currentOrder()) throw new PosFailure('BUSY', '还有订单在处理中：请等它结束后再切换模式')
      return s.settings.setMode(mode, { pin, approval }, () => checkLiveGateway(s.liveClient()), acceptPlainSecrets === true)
    },
    'settings:sendSms': ({ mobile }) => s.settings.activation.sendSms(s.activationClient, mobile),
    'settings:activate': ({ pin, approval, ...req }) => s.settings.activation.activate(s.activationClient, req, { pin, approval }),
    'settings:register': ({ pin, approval, ...req }) => s.settings.activation.register(s.activationClient, req, { pin, approval }),
    'settings:setupDone': () => s.settings.finishSetup(),
    'settings:setPin': ({ current, next }) => {
      // With operators, the shared supervisor PIN is a manager's to set (each operator has their own).
      if (s.operators.enabled()) s.operators.guard('settings', {}, { detail: { what: 'supervisorPin' }, confirm: false })
      s.settings.setPin(next, current)
      return { pinSet: true as const }
    },
  }
}
