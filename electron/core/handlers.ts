// The contract's calls mapped onto the core's services. One function per
// domain; create-core merges them. Devices handlers live in electron/devices.
import type { GatewayClient } from '../gateway/types'
import type { Journal } from '../journal'
import type { PaymentEngine } from '../payments/engine'
import type { RefundService } from '../payments/refunds'
import { searchOrders } from '../payments/search'
import { orderView, outcomeZh, refundView } from '../payments/view'
import type { SettingsService } from '../settings/service'
import type { ShiftService } from '../shifts/service'
import type { TimelineEntry } from '../shared/contract'
import { PosFailure } from '../shared/result'
import { checkLiveGateway } from '../settings/live-check'
import { JournalWriteError } from '../journal/write-guard'
import type { Handlers } from './dispatch'
import { readCashSettings, SUPERVISOR } from '../cash/service'

export interface DomainServices {
  journal: Journal
  engine: PaymentEngine
  refunds: RefundService
  shifts: ShiftService
  settings: SettingsService
  /** The client for agent-level (activation) calls: always the configured live gateway. */
  activationClient: () => GatewayClient
  /** The configured live gateway with the merchant's credentials (the go-live check), whatever the mode. */
  liveClient: () => GatewayClient
}

type H<K extends keyof Handlers> = Pick<Handlers, K>

// The order timeline is read by store managers: states and calls in Chinese,
// the engine's technical note kept in brackets for support.
const STATE_ZH: Record<string, string> = {
  created: '已创建',
  submitted: '已提交',
  paying: '等待顾客支付',
  querying: '查询中',
  cancelling: '撤销中',
  paid: '已收款',
  cancelled: '已撤销',
  closed: '已关闭',
  failed: '失败',
  review: '需人工核对',
}
const CALL_ZH: Record<string, string> = {
  pay: '付款码支付',
  facepay: '刷脸支付',
  getfaceauth: '获取刷脸凭证',
  orderquery: '查询订单',
  cancel: '撤销订单',
  refund: '退款',
  refundquery: '查询退款',
  WECHAT_PreOrder: '微信预下单',
  ALIPAY_PreOrder: '支付宝预下单',
}
function stateEntry(at: number, from: string | null, to: string, note: string): TimelineEntry {
  const text = from && from !== to ? `${STATE_ZH[from] ?? from} → ${STATE_ZH[to] ?? to}` : (STATE_ZH[to] ?? to)
  return { at, kind: 'state', text, ...(note ? { detail: note } : {}) }
}

function gatewayEntry(at: number, call: string, outcome: string, error: string | null): TimelineEntry {
  return { at, kind: 'gateway', text: `${CALL_ZH[call] ?? call}：${outcomeZh(outcome)}${error ? '（通信异常）' : ''}`, ...(error ? { detail: error } : {}) }
}

export function paymentHandlers(s: DomainServices): H<'payment:payByCode' | 'payment:payByFace' | 'payment:payByQr' | 'payment:stop' | 'payment:current'> {
  return {
    'payment:payByCode': (req) => s.engine.payByCode(req),
    'payment:payByFace': (req) => s.engine.payByFace(req),
    'payment:payByQr': (req) => s.engine.payByQr(req),
    'payment:stop': (req) => s.engine.stop(req.outTradeNo),
    'payment:current': () => s.engine.currentOrder(),
  }
}

export function ordersHandlers(s: DomainServices): H<'orders:search' | 'orders:get' | 'orders:recheck' | 'orders:acknowledge' | 'refunds:create' | 'refunds:recheck'> {
  return {
    'orders:search': (q) => {
      const { rows, total, totalCapped } = searchOrders(s.journal.db, q)
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
    'orders:acknowledge': ({ outTradeNo, pin, note }) => {
      s.settings.pin.verify(pin)
      return s.engine.acknowledge(outTradeNo, note ?? '')
    },
    'refunds:create': (req) => s.refunds.create(req),
    'refunds:recheck': ({ outRefundNo }) => s.refunds.recheck(outRefundNo),
  }
}

export function shiftsHandlers(s: DomainServices): H<'shifts:current' | 'shifts:open' | 'shifts:xReport' | 'shifts:close' | 'shifts:report' | 'shifts:list'> {
  return {
    'shifts:current': () => s.shifts.current(),
    'shifts:open': (req) => s.shifts.open(req.cashier, req.floatFen),
    'shifts:xReport': () => s.shifts.report('X'),
    // Who may close a shift is the core's decision: the supervisor, by PIN.
    'shifts:close': ({ pin, count, acceptOverShort }) => {
      s.settings.pin.verify(pin)
      if (s.engine.currentOrder()) throw new PosFailure('BUSY', '还有订单在处理中：请等它结束后再结班')
      // A real write probe first: a Z report the journal cannot store is no Z report.
      const writes = s.engine.ctx.deps.writes
      const refusal = () => new PosFailure('JOURNAL', '账本无法写入：暂不能结班，请先处理磁盘问题 (journal not writable)')
      if (writes.failing || writes.probe() !== null) throw refusal()
      try {
        const counted = count ? { count, limitFen: readCashSettings(s.journal).overShortLimitFen, acceptOverShort: acceptOverShort === true, approvedBy: SUPERVISOR } : undefined
        return writes.durable(() => s.shifts.close(counted))
      } catch (e) {
        if (e instanceof JournalWriteError) throw refusal()
        throw e
      }
    },
    'shifts:report': ({ shiftId }) => s.shifts.stored(shiftId),
    'shifts:list': ({ limit }) => s.shifts.list(limit),
  }
}

export function settingsHandlers(s: DomainServices): H<'settings:get' | 'settings:update' | 'settings:setMode' | 'settings:sendSms' | 'settings:activate' | 'settings:register' | 'settings:setupDone' | 'settings:setPin'> {
  return {
    'settings:get': () => s.settings.view(),
    'settings:update': ({ patch, pin }) => s.settings.update(patch, pin),
    'settings:setMode': ({ mode, pin, acceptPlainSecrets }) => {
      if (s.engine.currentOrder()) throw new PosFailure('BUSY', '还有订单在处理中：请等它结束后再切换模式')
      return s.settings.setMode(mode, pin, () => checkLiveGateway(s.liveClient()), acceptPlainSecrets === true)
    },
    'settings:sendSms': ({ mobile }) => s.settings.activation.sendSms(s.activationClient, mobile),
    'settings:activate': ({ pin, ...req }) => s.settings.activation.activate(s.activationClient, req, pin),
    'settings:register': ({ pin, ...req }) => s.settings.activation.register(s.activationClient, req, pin),
    'settings:setupDone': () => s.settings.finishSetup(),
    'settings:setPin': ({ current, next }) => {
      s.settings.setPin(next, current)
      return { pinSet: true as const }
    },
  }
}
