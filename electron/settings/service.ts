// Settings and activation. Plain settings live in the journal's settings table;
// keys live in the SecretStore (safeStorage in the app) and are never sent to
// the renderer — the view only says whether each one is set.
import { randomBytes } from 'node:crypto'
import type { GatewayClient } from '../gateway/types'
import { DEMO_MERCHANT } from '../gateway/sandbox/demo'
import type { Journal } from '../journal'
import type { Terminal } from '../payments/ports'
import type { SecretStore } from '../core/secrets'
import type { AppMode, SettingsPatch, SettingsView } from '../shared/contract'
import { PosFailure } from '../shared/result'
import { PinGuard } from './pin'

type Plain = Omit<SettingsView, 'agentKeySet' | 'merchantKeySet' | 'pinSet' | 'mode'> & { mode: AppMode }

const DEFAULTS: Plain = {
  mode: 'demo',
  gatewayUrl: '',
  agentId: '',
  mchId: '',
  merchantName: '',
  merchantState: 'unknown',
  storeId: DEMO_MERCHANT.storeId,
  storeName: DEMO_MERCHANT.storeName,
  deviceId: '', // per install, see installDeviceId
  cashier: '收银员01',
  language: 'zh-CN',
  speakOnSuccess: true,
  maxSaleFen: 50_000_00, // ¥50,000.00 a sale
  confirmAboveFen: 2_000_00, // "¥2,000.00 — sure?" catches a slipped 00 on the keypad
}

/** Where transaction calls go and with which credentials. */
export interface GatewayConfig {
  mode: AppMode
  baseUrl: string
  agentId: string
  mchId: string
  keys: { agent: string; merchant: string }
}

export class SettingsService {
  readonly pin: PinGuard

  constructor(
    private readonly journal: Journal,
    private readonly secrets: SecretStore,
    private readonly onChange: (view: SettingsView) => void = () => {},
    now: () => number = Date.now,
  ) {
    this.pin = new PinGuard(
      {
        getHash: () => secrets.get('pinHash'),
        setHash: (h) => secrets.set('pinHash', h),
        getState: () => JSON.parse(journal.getSetting('pin.state') ?? '{"failures":0,"lockedUntil":0}') as { failures: number; lockedUntil: number },
        setState: (s) => journal.setSetting('pin.state', JSON.stringify(s)),
      },
      now,
    )
  }

  /** Plain settings change only through save(), so they are read from the journal once and kept. */
  private cached: Plain | null = null

  private plain(): Plain {
    if (!this.cached) {
      const stored = this.journal.getSetting('settings')
      this.cached = { ...DEFAULTS, deviceId: this.installDeviceId(), ...(stored ? (JSON.parse(stored) as Partial<Plain>) : {}) }
    }
    return this.cached
  }

  /** Forget the kept copy (after the journal's settings row was changed outside this service). */
  reload(): void {
    this.cached = null
  }

  mode(): AppMode {
    return this.plain().mode
  }

  /** Who and where this counter is: read on every sale, so no secret-store reads here. */
  terminal(): Terminal {
    const p = this.plain()
    return {
      storeId: p.storeId,
      storeName: p.storeName,
      deviceId: p.deviceId,
      cashier: p.cashier,
      opUserId: p.cashier.replace(/[^\w-]/g, '') || p.mchId || 'cashier',
      maxSaleFen: p.maxSaleFen,
    }
  }

  /**
   * Every install gets its own terminal id the first time it asks, so two counters
   * that were never configured still never make the same out_trade_no.
   */
  private installDeviceId(): string {
    let id = this.journal.getSetting('install.deviceId')
    if (!id) {
      id = `POS${randomBytes(4).toString('hex').toUpperCase()}`
      this.journal.setSetting('install.deviceId', id)
    }
    return id
  }

  private save(p: Partial<Plain>): SettingsView {
    const next = { ...this.plain(), ...p }
    this.journal.setSetting('settings', JSON.stringify(next))
    this.cached = next
    const v = this.view()
    this.onChange(v)
    return v
  }

  view(): SettingsView {
    const p = this.plain()
    return { ...p, agentKeySet: this.secrets.get('agentKey') !== null, merchantKeySet: this.secrets.get('merchantKey') !== null, pinSet: this.pin.isSet() }
  }

  /** Changing settings needs the supervisor PIN once one is set. */
  private guard(pin: string | undefined): void {
    if (this.pin.isSet()) this.pin.verify(pin)
  }

  update(patch: SettingsPatch, pin?: string): SettingsView {
    if (patch.maxSaleFen !== undefined && patch.maxSaleFen !== this.plain().maxSaleFen && !this.pin.isSet()) {
      // The per-sale maximum guards real money: it changes only with a supervisor PIN.
      throw new PosFailure('PIN_INVALID', '修改单笔收款上限需要主管密码：请先设置主管密码')
    }
    this.guard(pin)
    const next = { ...this.plain(), ...patch }
    if (next.confirmAboveFen > next.maxSaleFen) throw new PosFailure('VALIDATION', '“大额确认”金额不能高于单笔收款上限')
    const { agentKey, merchantKey, ...plain } = patch
    if (agentKey !== undefined) this.secrets.set('agentKey', agentKey)
    if (merchantKey !== undefined) this.secrets.set('merchantKey', merchantKey)
    return this.save(plain)
  }

  setMode(mode: AppMode, pin?: string): SettingsView {
    this.guard(pin)
    if (mode === 'live') {
      const p = this.plain()
      if (!p.gatewayUrl || !p.agentId || !p.mchId || !this.secrets.get('merchantKey')) {
        throw new PosFailure('NOT_CONFIGURED', '切换到正式模式前，请先填写网关地址、代理商编号并完成商户激活')
      }
    }
    return this.save({ mode })
  }

  /** Agent-level activation calls (sandbox in demo, the configured gateway in live). */
  async sendSms(client: GatewayClient, mobile: string): Promise<{ validMinutes: number }> {
    const out = await client.sendMerchantSms({ mobile })
    if (out.kind === 'ok') return { validMinutes: out.validMinutes }
    throw new PosFailure('GATEWAY', out.kind === 'failed' ? `发送验证码失败：${out.message}` : '网络异常，验证码可能未发送，请稍后重试')
  }

  async activate(client: GatewayClient, req: { mobile: string; valid: string } | { username: string; password: string }, pin?: string): Promise<SettingsView> {
    this.guard(pin)
    const out = await client.getMerchant(req)
    if (out.kind !== 'ok') throw new PosFailure('GATEWAY', out.kind === 'failed' ? `激活失败：${out.message}` : '网络异常，激活结果未知，请重试')
    this.secrets.set('merchantKey', out.mchTradeCode)
    return this.save({ mchId: out.mchId, merchantName: out.shortName || out.fullName, merchantState: out.state })
  }

  setPin(next: string, current?: string): void {
    this.pin.set(next, current)
    this.onChange(this.view())
  }

  /** Demo: the embedded sandbox and its merchant. Live: what activation stored. */
  gatewayConfig(sandboxUrl: string | null): GatewayConfig {
    const p = this.plain()
    if (p.mode === 'demo') {
      return { mode: 'demo', baseUrl: sandboxUrl ?? '', agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: { ...DEMO_MERCHANT.keys } }
    }
    return { mode: 'live', baseUrl: p.gatewayUrl, agentId: p.agentId, mchId: p.mchId, keys: { agent: this.secrets.get('agentKey') ?? '', merchant: this.secrets.get('merchantKey') ?? '' } }
  }

  /** Agent-level calls (activation) in live mode go to the configured gateway even before a merchant exists. */
  activationConfig(sandboxUrl: string | null): GatewayConfig {
    const p = this.plain()
    if (p.mode === 'demo') return this.gatewayConfig(sandboxUrl)
    return { mode: 'live', baseUrl: p.gatewayUrl, agentId: p.agentId, mchId: p.mchId || '0', keys: { agent: this.secrets.get('agentKey') ?? '', merchant: this.secrets.get('merchantKey') ?? '' } }
  }
}
