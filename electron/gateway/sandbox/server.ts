// startSandboxGateway: a real HTTP server on loopback that speaks the gateway's
// protocol (same paths, signed form requests, signed JSON answers) over an
// in-memory store, with scenario codes and injectable faults for tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { GATEWAY_CALLS, callOfRequest, type GatewayCallName } from '../calls'
import { verifyDetailed } from '../sign'
import { maskCode } from '../paytype'
import type { Logger } from '../../kernel/logger'
import { refuse, type HandlerContext } from './answers'
import { createControl, handleControlHttp, type SandboxControl } from './control'
import { deliver, type DeliveryHooks } from './deliver'
import { FaultQueue } from './faults'
import { handleFaceAuth, handleGetMchId, handleMchReg, handleSms } from './handlers-merchant'
import { handleRefund, handleRefundQuery } from './handlers-refund'
import { handleCancel, handleOrderQuery, handlePay, handlePreOrder } from './handlers-trade'
import { SandboxStore } from './store'
import type { Reply, SandboxMerchant } from './types'

export interface SandboxOptions {
  /** 0 (default) = any free port. */
  port?: number
  host?: string
  agentId: string
  /** The single-merchant shorthand; or give `merchants`. */
  mchId?: string
  keys: { agent: string; merchant?: string }
  merchants?: SandboxMerchant[]
  /** The sandbox clock (order age, scheduled payments). Default Date.now. */
  now?: () => number
  /** Multiplies every scenario delay (0.01 turns "pays after 10 s" into 100 ms). Default 1. */
  timeScale?: number
  /** Serves /__control/* when true. Default false. */
  enableControl?: boolean
  /** The code GetMchSMSValid "sends". Default '123456'. */
  smsCode?: string
  /** Merchant fields for the single-merchant shorthand (GetMchId answers). */
  merchantProfile?: Partial<Omit<SandboxMerchant, 'mchId' | 'key'>>
  log?: Logger
}

export interface SandboxGateway {
  url: string
  port: number
  state: SandboxStore
  control: SandboxControl
  close(): Promise<void>
}

const MAX_BODY_BYTES = 64 * 1024

function merchantsOf(options: SandboxOptions): SandboxMerchant[] {
  if (options.merchants && options.merchants.length > 0) return options.merchants
  if (!options.mchId || !options.keys.merchant) throw new Error('sandbox: give merchants, or mchId with keys.merchant')
  return [
    {
      mchId: options.mchId,
      key: options.keys.merchant,
      fullName: '沙箱测试商户',
      shortName: '沙箱商户',
      state: '20',
      ...options.merchantProfile,
    },
  ]
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) resolve(null)
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export async function startSandboxGateway(options: SandboxOptions): Promise<SandboxGateway> {
  const scale = options.timeScale ?? 1
  if (!(scale > 0)) throw new Error('sandbox: timeScale must be > 0')
  const store = new SandboxStore(merchantsOf(options), options.now ?? Date.now)
  const faults = new FaultQueue()
  const control = createControl(store, faults)
  const held = new Set<ServerResponse>()
  const timers = new Set<NodeJS.Timeout>()
  const hooks: DeliveryHooks = {
    hold(res) {
      held.add(res)
      res.on('close', () => held.delete(res))
    },
    later(ms, fn) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        fn()
      }, ms)
      timers.add(timer)
    },
  }

  function dispatch(call: GatewayCallName, fields: Record<string, string>, ctx: HandlerContext): Reply {
    switch (call) {
      case 'pay':
        return handlePay(fields, ctx, 'pay')
      case 'facepay':
        return handlePay(fields, ctx, 'facepay')
      case 'getfaceauth':
        return handleFaceAuth(fields, ctx)
      case 'orderquery':
        return handleOrderQuery(fields, ctx)
      case 'cancel':
        return handleCancel(fields, ctx)
      case 'refund':
        return handleRefund(fields, ctx)
      case 'refundquery':
        return handleRefundQuery(fields, ctx)
      case 'WECHAT_PreOrder':
        return handlePreOrder(fields, ctx, 'WECHAT')
      case 'ALIPAY_PreOrder':
        return handlePreOrder(fields, ctx, 'ALIPAY')
      case 'GetMchSMSValid':
        return handleSms(fields, ctx)
      case 'GetMchId':
        return handleGetMchId(fields, ctx)
      case 'Mch_Reg':
        return handleMchReg(fields, ctx)
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname
    const raw = await readBody(req)
    if (raw === null) {
      res.writeHead(413).end()
      return
    }
    if (path.startsWith('/__control/')) {
      if (!options.enableControl) res.writeHead(404).end()
      else handleControlHttp(path, req, res, raw, control, store)
      return
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end()
      return
    }
    const fields: Record<string, string> = {}
    for (const [k, v] of new URLSearchParams(raw)) if (!(k in fields)) fields[k] = v
    const call = callOfRequest(path, fields.method)
    store.record({ at: store.now(), path, call, ...(fields.out_trade_no ? { outTradeNo: fields.out_trade_no } : {}) })
    if (call === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such gateway call')
      return
    }
    const scope = GATEWAY_CALLS[call].scope
    const merchant = scope === 'merchant' ? (store.merchants.get(fields.mch_id ?? '') ?? null) : null
    if (scope === 'merchant' && merchant === null) {
      // No merchant, no key to sign with: an unsigned refusal.
      return deliver(req, res, refuse('20005', '商户不存在').fields, null, { kind: 'normal' }, hooks)
    }
    const key = scope === 'agent' ? options.keys.agent : merchant!.key
    if (verifyDetailed(fields, key) !== 'ok') return deliver(req, res, refuse('20002', '签名错误').fields, key, { kind: 'normal' }, hooks)
    if (fields.agent_id !== options.agentId) return deliver(req, res, refuse('20012', '代理商错误').fields, key, { kind: 'normal' }, hooks)

    const ctx: HandlerContext = { store, merchant, scale, smsCode: options.smsCode ?? '123456' }
    const fault = faults.take(call)
    if (fault) {
      const reply = fault.commit ? dispatch(call, fields, ctx) : null
      options.log?.info('sandbox fault', { call, fault: fault.fault, commit: fault.commit })
      return deliver(req, res, reply?.fields ?? null, key, { kind: 'fault', fault: fault.fault }, hooks)
    }
    const reply = dispatch(call, fields, ctx)
    const code = fields.auth_code ?? fields.face_code
    options.log?.info('sandbox call', { call, outTradeNo: fields.out_trade_no, code: code ? maskCode(code) : undefined, answer: reply.fields.code })
    deliver(req, res, reply.fields, key, reply.delivery ?? { kind: 'normal' }, hooks)
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      options.log?.error('sandbox handler failed', { error: err instanceof Error ? err.message : String(err) })
      if (!res.headersSent) res.writeHead(500).end()
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const host = options.host ?? '127.0.0.1'
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    state: store,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        for (const res of held) res.destroy()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
