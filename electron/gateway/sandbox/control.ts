// The sandbox's test controls: a JS object for tests in the same process, and
// the same operations over HTTP under /__control/* (only with enableControl).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { GATEWAY_CALLS, type GatewayCallName } from '../calls'
import type { FaultQueue, QueuedFault } from './faults'
import type { SandboxStore } from './store'
import { FAULTS, REFUSAL_FAULTS, type Fault, type SandboxOrder, type SandboxRefund } from './types'

export interface SandboxControl {
  /** The customer pays a paying/unpaid order now. */
  payNow(outTradeNo: string): SandboxOrder
  /** The wallet closes a paying/unpaid order now. */
  closeNow(outTradeNo: string): SandboxOrder
  /** A PROCESSING refund succeeds now. */
  settleRefundNow(outRefundNo: string): SandboxRefund
  /** The next `count` calls of `call` ('*' = any) fail with `fault`; `commit` overrides whether the call still takes effect. */
  failNext(call: GatewayCallName | '*', fault: Fault, opts?: { count?: number; commit?: boolean }): void
  clearFaults(): void
  pendingFaults(): readonly QueuedFault[]
  /** Back to the initial merchants, no orders, refunds, faults or recorded requests. */
  reset(): void
}

export class ControlError extends Error {}

export function createControl(store: SandboxStore, faults: FaultQueue): SandboxControl {
  const openOrder = (outTradeNo: string): SandboxOrder => {
    const order = store.findOrder(outTradeNo)
    if (!order) throw new ControlError(`no order ${outTradeNo}`)
    if (order.status !== 'paying' && order.status !== 'unpaid') throw new ControlError(`order ${outTradeNo} is ${order.status}`)
    return order
  }
  return {
    payNow(outTradeNo) {
      const order = openOrder(outTradeNo)
      store.markPaid(order)
      return order
    },
    closeNow(outTradeNo) {
      const order = openOrder(outTradeNo)
      order.status = 'closed'
      return order
    },
    settleRefundNow(outRefundNo) {
      const refund = [...store.refunds.values()].find((r) => r.outRefundNo === outRefundNo)
      if (!refund) throw new ControlError(`no refund ${outRefundNo}`)
      if (refund.status === 'PROCESSING') {
        refund.status = 'SUCCESS'
        refund.refundTime = store.now()
      }
      return refund
    },
    failNext(call, fault, opts) {
      if (call !== '*' && !(call in GATEWAY_CALLS)) throw new ControlError(`unknown call ${String(call)}`)
      const known: readonly string[] = [...FAULTS, ...REFUSAL_FAULTS]
      if (!known.includes(fault)) throw new ControlError(`unknown fault ${String(fault)}; one of ${known.join(', ')}`)
      try {
        faults.add(call, fault, opts)
      } catch (err) {
        throw new ControlError(err instanceof Error ? err.message : String(err))
      }
    },
    clearFaults: () => faults.clear(),
    pendingFaults: () => faults.pending(),
    reset() {
      store.reset()
      faults.clear()
    },
  }
}

function str(body: Record<string, unknown>, name: string): string {
  const value = body[name]
  if (typeof value !== 'string' || value === '') throw new ControlError(`${name} is required`)
  return value
}

/** POST /__control/{pay,close,refund-settle,fault,clear-faults,reset} with a JSON body; GET /__control/state. */
export function handleControlHttp(
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: string,
  control: SandboxControl,
  store: SandboxStore,
): void {
  const send = (status: number, value: unknown) => {
    const text = JSON.stringify(value)
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
    res.end(text)
  }
  try {
    if (req.method === 'GET' && path === '/__control/state') {
      for (const order of store.orders.values()) store.settle(order)
      return send(200, {
        orders: [...store.orders.values()],
        refunds: [...store.refunds.values()].map((r) => store.settleRefund(r)),
        requests: store.requests,
        faults: control.pendingFaults(),
      })
    }
    if (req.method !== 'POST') return send(405, { ok: false, error: 'use POST (GET only for /__control/state)' })
    const body = rawBody === '' ? {} : (JSON.parse(rawBody) as Record<string, unknown>)
    switch (path) {
      case '/__control/pay':
        return send(200, { ok: true, order: control.payNow(str(body, 'outTradeNo')) })
      case '/__control/close':
        return send(200, { ok: true, order: control.closeNow(str(body, 'outTradeNo')) })
      case '/__control/refund-settle':
        return send(200, { ok: true, refund: control.settleRefundNow(str(body, 'outRefundNo')) })
      case '/__control/fault': {
        const count = body.count === undefined ? undefined : Number(body.count)
        const commit = typeof body.commit === 'boolean' ? body.commit : undefined
        control.failNext(str(body, 'call') as GatewayCallName | '*', str(body, 'fault') as Fault, { count, commit })
        return send(200, { ok: true, faults: control.pendingFaults() })
      }
      case '/__control/clear-faults':
        control.clearFaults()
        return send(200, { ok: true })
      case '/__control/reset':
        control.reset()
        return send(200, { ok: true })
      default:
        return send(404, { ok: false, error: `no control ${path}` })
    }
  } catch (err) {
    if (err instanceof ControlError || err instanceof SyntaxError) return send(400, { ok: false, error: err.message })
    throw err
  }
}
