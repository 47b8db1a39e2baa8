// The signed, harmless call that must succeed before a counter goes live: an
// orderquery for an order number that cannot exist. A correctly configured
// gateway answers it, signed with the merchant key, with 20007 (no such order).
// That one answer proves the URL, agent_id, mch_id and the merchant key; a
// wrong key, a wrong URL or an unsigned answer each come back as a typed reason.
import { randomBytes } from 'node:crypto'
import type { GatewayClient } from '../gateway/types'
import type { FAILURE_REASONS } from '../shared/failure-reasons'
import { PosFailure } from '../shared/result'

export type LiveCheckReason = (typeof FAILURE_REASONS)['LIVE_CHECK_FAILED'][number]
export type LiveCheck = { ok: true } | { ok: false; reason: LiveCheckReason; code: string; detail: string }

/** An out_trade_no no order can have: this counter never makes one with this prefix. */
export function probeOrderNo(): string {
  return `PROBE${randomBytes(8).toString('hex').toUpperCase()}`
}

export async function checkLiveGateway(client: GatewayClient): Promise<LiveCheck> {
  const out = await client.orderQuery({ paytype: 'WECHAT', outTradeNo: probeOrderNo() })
  if (out.kind === 'notFound') return { ok: true }
  if (out.kind === 'unknown') {
    const code = out.code ?? ''
    switch (out.fault) {
      case 'network':
        return { ok: false, reason: 'unreachable', code, detail: out.reason }
      case 'http':
      case 'unparseable':
        return { ok: false, reason: 'notGateway', code, detail: out.reason }
      case 'unsigned':
        return { ok: false, reason: 'unsigned', code, detail: out.reason }
      case 'badSignature':
        return { ok: false, reason: 'badSignature', code, detail: out.reason }
      default:
        // A verified answer that refuses the query itself: 20002 signature, 20005 merchant, 20012 agent…
        return { ok: false, reason: 'refused', code, detail: out.reason }
    }
  }
  if (out.kind === 'failed') return { ok: false, reason: 'refused', code: out.code, detail: out.message }
  return { ok: false, reason: 'unexpected', code: '', detail: `an order that cannot exist was answered as ${out.kind}` }
}

const WHY: Record<LiveCheckReason, string> = {
  unreachable: '连不上网关：请检查网关地址和网络',
  notGateway: '这个地址的回应不是支付网关的回应：请检查网关地址',
  unsigned: '网关的回应没有签名：不能确认是真正的网关，请检查网关地址',
  badSignature: '网关回应的签名对不上：商户密钥（或代理商密钥）可能有误',
  refused: '网关拒绝了测试查询：请检查代理商编号、商户号和密钥',
  unexpected: '网关对测试查询的回应不合常理：请联系网关服务商',
}

/** The check's failure as the error that keeps the counter in demo mode. */
export function liveCheckFailure(check: LiveCheck & { ok: false }): PosFailure {
  return new PosFailure('LIVE_CHECK_FAILED', `仍为演示模式：${WHY[check.reason]}${check.code ? `（${check.code}）` : ''}`, {
    reason: check.reason,
    code: check.code,
    detail: check.detail,
  })
}
