// What a counter still lacks for live mode, field by field (shown in Settings,
// and the reason a switch to live is refused). One list, one order: the order
// the go-live setup asks for them.
import { gatewayUrlProblem } from '../shared/gateway-url'
import type { LiveField } from '../shared/contract'

export interface LiveInputs {
  pinSet: boolean
  gatewayUrl: string
  agentId: string
  agentKeySet: boolean
  mchId: string
  merchantKeySet: boolean
  merchantState: string
}

export function liveMissing(i: LiveInputs): LiveField[] {
  const missing: LiveField[] = []
  if (!i.pinSet) missing.push('pin')
  if (!i.gatewayUrl) missing.push('gatewayUrl')
  else if (gatewayUrlProblem(i.gatewayUrl, 'live') !== null) missing.push('gatewayUrlHttps')
  if (!i.agentId) missing.push('agentId')
  if (!i.agentKeySet) missing.push('agentKey')
  if (!i.mchId) missing.push('mchId')
  if (!i.merchantKeySet) missing.push('merchantKey')
  if (i.mchId && i.merchantState !== 'active') missing.push('merchantActive')
  return missing
}

/** Activation (agent-level calls) needs only the gateway and the agent. */
export const ACTIVATION_FIELDS: readonly LiveField[] = ['gatewayUrl', 'gatewayUrlHttps', 'agentId', 'agentKey']

export const LIVE_FIELD_ZH: Record<LiveField, string> = {
  pin: '主管密码',
  gatewayUrl: '网关地址',
  gatewayUrlHttps: '网关地址须为 https',
  agentId: '代理商编号',
  agentKey: '代理商密钥',
  mchId: '商户号（完成商户激活）',
  merchantKey: '商户交易密钥（完成商户激活）',
  merchantActive: '商户状态须为“启用”',
}
