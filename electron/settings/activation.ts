// Merchant activation, always against the configured live gateway (the caller
// hands in that client; never the demo sandbox): GetMchSMSValid → GetMchId by
// mobile + SMS code, GetMchId by username/password, or Mch_Reg. What comes back
// is stored — mch_id, the names and mch_state as settings, mch_trade_code in
// the secret store only — and refusals become typed GATEWAY errors whose params
// say what the gateway said (code) or why nothing trustworthy came back (fault).
import type { GatewayClient, MerchantState, Unknown } from '../gateway/types'
import type { ProofInput, SettingsView } from '../shared/contract'
import { PosFailure } from '../shared/result'

export interface ActivationPorts {
  /** Throws unless the supervisor PIN is right (PIN_NOT_SET / PIN_REQUIRED / PIN_INVALID / PIN_LOCKED). */
  guard(pin: ProofInput): void
  setMerchantKey(key: string | null): void
  saveMerchant(m: { mchId: string; merchantName: string; merchantFullName: string; merchantState: MerchantState }): SettingsView
}

export class MerchantActivation {
  constructor(private readonly ports: ActivationPorts) {}

  /** GetMchSMSValid, signed with the agent key. Changes nothing here, so no PIN. */
  async sendSms(client: () => GatewayClient, mobile: string): Promise<{ validMinutes: number }> {
    const out = await client().sendMerchantSms({ mobile })
    if (out.kind === 'ok') return { validMinutes: out.validMinutes }
    throw gatewayRefusal(out, '发送验证码失败', '验证码可能未发送，请稍后重试')
  }

  /** GetMchId: the PIN first (before the client: without it nothing is said about the configuration). */
  async activate(client: () => GatewayClient, req: { mobile: string; valid: string } | { username: string; password: string }, pin?: ProofInput): Promise<SettingsView> {
    this.ports.guard(pin)
    const out = await client().getMerchant(req)
    if (out.kind !== 'ok') throw gatewayRefusal(out, '激活失败', '激活结果未知，请重试')
    this.ports.setMerchantKey(out.mchTradeCode)
    return this.ports.saveMerchant({ mchId: out.mchId, merchantName: out.shortName || out.fullName, merchantFullName: out.fullName, merchantState: out.state })
  }

  /** Mch_Reg: a new merchant, pending until the gateway enables it (then activate by SMS for its key). */
  async register(client: () => GatewayClient, req: { mchName: string; mchShortName?: string; mobile: string }, pin?: ProofInput): Promise<SettingsView> {
    this.ports.guard(pin)
    const out = await client().registerMerchant({ mch_name: req.mchName, mobile: req.mobile, ...(req.mchShortName ? { mch_short_name: req.mchShortName } : {}) })
    if (out.kind !== 'ok') throw gatewayRefusal(out, '注册失败', '注册结果未知，请先查询再重试')
    // The previous merchant's key does not belong to the new one.
    this.ports.setMerchantKey(null)
    return this.ports.saveMerchant({ mchId: out.mchId, merchantName: req.mchShortName ?? req.mchName, merchantFullName: req.mchName, merchantState: 'pending' })
  }
}

function gatewayRefusal(out: { kind: 'failed'; code: string; message: string } | Unknown, what: string, unknownHint: string): PosFailure {
  if (out.kind === 'failed') return new PosFailure('GATEWAY', `${what}：${out.message}（${out.code}）`, { code: out.code, detail: out.message })
  // fault says why nothing verified came back (badSignature here usually means a wrong agent key).
  return new PosFailure('GATEWAY', `${what}：网关没有给出可信的回答，${unknownHint}`, { code: out.code ?? '', detail: out.reason, fault: out.fault ?? '' })
}
