// createGatewayClient: one typed method per gateway call. Each call validates
// its fields (GatewayValidationError, no network), adds the common fields,
// signs with the key the call table picks, posts, verifies, classifies, then
// logs and audits with codes and secrets masked.
import { randomBytes } from 'node:crypto'
import { silentLogger } from '../kernel/logger'
import { GATEWAY_CALLS, signingKeyFor, type CallInfo, type GatewayCallName } from './calls'
import { classifyCancel, classifyOrderQuery, classifyPay } from './classify-payments'
import {
  classifyFaceAuth,
  classifyGetMerchant,
  classifyPreOrder,
  classifyRefund,
  classifyRefundQuery,
  classifyRegister,
  classifySms,
} from './classify-other'
import { maskFields } from './mask'
import * as build from './requests'
import { sign } from './sign'
import { GatewayAgents, postForm, type Exchange } from './transport'
import type { GatewayClient, GatewayClientOptions } from './types'
import { GatewayValidationError, httpUrl, text } from './validate'

export const DEFAULT_TIMEOUT_MS = 10_000
/** A counter has one sale in flight plus background queries and refunds: a few sockets are plenty. */
export const DEFAULT_MAX_SOCKETS = 6

export function nonceStr(): string {
  return randomBytes(16).toString('hex')
}

function checkOptions(options: GatewayClientOptions): Required<Pick<GatewayClientOptions, 'timeoutMs'>> & GatewayClientOptions {
  if (typeof options !== 'object' || options === null) throw new GatewayValidationError('options', 'must be an object')
  httpUrl('baseUrl', options.baseUrl)
  text('agentId', options.agentId, { maxBytes: 32 })
  text('mchId', options.mchId, { maxBytes: 32 })
  if (typeof options.keys !== 'object' || options.keys === null) throw new GatewayValidationError('keys', 'agent and merchant keys are required')
  // Never echo a key: the checks below only say which one is wrong.
  if (typeof options.keys.agent !== 'string' || options.keys.agent === '') throw new GatewayValidationError('keys.agent', 'must be set')
  if (typeof options.keys.merchant !== 'string' || options.keys.merchant === '') throw new GatewayValidationError('keys.merchant', 'must be set')
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new GatewayValidationError('timeoutMs', 'must be a positive integer of ms')
  return { ...options, timeoutMs }
}

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const opts = checkOptions(options)
  const log = opts.log ?? silentLogger
  const baseUrl = opts.baseUrl.replace(/\/+$/, '')
  const maxSockets = opts.maxSockets ?? DEFAULT_MAX_SOCKETS
  if (!Number.isInteger(maxSockets) || maxSockets < 1 || maxSockets > 64) throw new GatewayValidationError('maxSockets', 'must be an integer 1–64')
  const post = { agents: new GatewayAgents(maxSockets), live: opts.mode === 'live' }

  async function exchange<T extends { kind: string }>(
    call: GatewayCallName,
    callFields: build.FormFields,
    classify: (ex: Exchange) => T,
  ): Promise<T> {
    const info: CallInfo = GATEWAY_CALLS[call]
    const key = signingKeyFor(call, opts.keys)
    const form: Record<string, string> = {}
    const all: build.FormFields = {
      ...(info.method ? { method: info.method } : {}),
      agent_id: opts.agentId,
      ...(info.scope === 'merchant' ? { mch_id: opts.mchId } : {}),
      version: opts.version,
      pid: opts.pid,
      nonce_str: nonceStr(),
      ...callFields,
    }
    for (const [k, value] of Object.entries(all)) if (value !== undefined && value !== '') form[k] = value
    form.sign = sign(form, key)

    const startedAt = Date.now()
    const ex = await postForm(`${baseUrl}${info.path}`, form, opts.timeoutMs, key, post)
    const outcome = classify(ex)
    const durationMs = Date.now() - startedAt

    const error = ex.ok ? null : ex.reason
    const logFields = {
      call,
      outTradeNo: form.out_trade_no,
      outRefundNo: form.out_refund_no,
      outcome: outcome.kind,
      httpStatus: ex.httpStatus,
      durationMs,
      ...(error ? { error } : {}),
      ...('code' in outcome ? { code: outcome.code } : {}),
      ...('reason' in outcome ? { reason: outcome.reason } : {}),
    }
    if (outcome.kind === 'unknown') log.warn('gateway call without a definite answer', logFields)
    else log.info('gateway call', logFields)
    if (opts.onAudit) {
      try {
        opts.onAudit({
          call,
          path: info.path,
          request: maskFields(form),
          response: ex.fields ? maskFields(ex.fields) : null,
          outcome: outcome.kind,
          httpStatus: ex.httpStatus,
          error,
          startedAt,
          durationMs,
        })
      } catch (err) {
        // The audit sink failing must not turn a known result into an exception.
        log.error('gateway audit sink threw', { call, error: err instanceof Error ? err.message : String(err) })
      }
    }
    return outcome
  }

  return {
    pay: async (req) => {
      const fields = build.payFields(req)
      return exchange('pay', fields, (ex) => classifyPay(ex, { outTradeNo: req.outTradeNo, totalFee: req.totalFee }))
    },
    facepay: async (req) => {
      const fields = build.facePayFields(req)
      return exchange('facepay', fields, (ex) => classifyPay(ex, { outTradeNo: req.outTradeNo, totalFee: req.totalFee }))
    },
    getFaceAuth: async (req) => exchange('getfaceauth', build.faceAuthFields(req), classifyFaceAuth),
    orderQuery: async (req) => {
      const fields = build.orderQueryFields(req)
      return exchange('orderquery', fields, (ex) => classifyOrderQuery(ex, req.outTradeNo))
    },
    cancel: async (req) => exchange('cancel', build.cancelFields(req), classifyCancel),
    refund: async (req) => {
      const fields = build.refundFields(req)
      return exchange('refund', fields, (ex) => classifyRefund(ex, { outRefundNo: req.outRefundNo }))
    },
    refundQuery: async (req) => exchange('refundquery', build.refundQueryFields(req), classifyRefundQuery),
    wechatPreOrder: async (req) => {
      const fields = build.preOrderFields(req, 'WECHAT')
      return exchange('WECHAT_PreOrder', fields, (ex) => classifyPreOrder(ex, req.outTradeNo))
    },
    alipayPreOrder: async (req) => {
      const fields = build.preOrderFields(req, 'ALIPAY')
      return exchange('ALIPAY_PreOrder', fields, (ex) => classifyPreOrder(ex, req.outTradeNo))
    },
    sendMerchantSms: async (req) => exchange('GetMchSMSValid', build.smsFields(req), classifySms),
    getMerchant: async (req) => exchange('GetMchId', build.getMerchantFields(req), classifyGetMerchant),
    registerMerchant: async (fields) => exchange('Mch_Reg', build.registerFields(fields), classifyRegister),
  }
}
