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

type Plain = Omit<SettingsView, 'agentKeySet' | 'merchantKeySet' | 'pinSet' | 'pinNeedsChange' | 'secretsEncrypted' | 'mode'> & { mode: AppMode }

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
        getState: () => {
          const raw = journal.getSetting('pin.state')
          if (raw === null) return null
          try {
            return JSON.parse(raw) as unknown
          } catch {
            return 'damaged' // PinGuard treats anything unreadable as a lock
          }
        },
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
    return { storeId: p.storeId, storeName: p.storeName, deviceId: p.deviceId, cashier: p.cashier, opUserId: p.cashier.replace(/[^\w-]/g, '') || p.mchId || 'cashier' }
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
    return {
      ...p,
      agentKeySet: this.secrets.get('agentKey') !== null,
      merchantKeySet: this.secrets.get('merchantKey') !== null,
      pinSet: this.pin.isSet(),
      pinNeedsChange: this.pin.isSet() && this.pin.isWeak(),
      secretsEncrypted: this.secrets.encrypted,
    }
  }

  /**
   * Every settings change, activation and mode switch needs the supervisor PIN,
   * and so a PIN must exist first (PIN_NOT_SET): until then nobody may point the
   * counter at another gateway.
   */
  private guard(pin: string | undefined): void {
    this.pin.verify(pin)
  }

  update(patch: SettingsPatch, pin?: string): SettingsView {
    this.guard(pin)
    const { agentKey, merchantKey, ...plain } = patch
    if (agentKey !== undefined) this.secrets.set('agentKey', agentKey)
    if (merchantKey !== undefined) this.secrets.set('merchantKey', merchantKey)
    return this.save(plain)
  }

  /** `acceptPlainSecrets`: the supervisor's explicit yes to live mode on a machine that cannot encrypt keys at rest. */
  setMode(mode: AppMode, pin?: string, acceptPlainSecrets = false): SettingsView {
    this.guard(pin)
    if (mode === 'live') {
      const p = this.plain()
      if (!p.gatewayUrl || !p.agentId || !p.mchId || !this.secrets.get('merchantKey')) {
        throw new PosFailure('NOT_CONFIGURED', '切换到正式模式前，请先填写网关地址、代理商编号并完成商户激活')
      }
      if (!this.secrets.encrypted && !acceptPlainSecrets) {
        throw new PosFailure('CONFIRM_REQUIRED', '本机无法加密保存密钥：主管确认后才能切换到正式模式 (secrets cannot be encrypted on this machine: a supervisor must confirm)')
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

  /**
   * Sets or changes the supervisor PIN (rule: settings/pin.ts checkNewPin). In
   * live mode the first PIN is set by the setup wizard only (`via: 'setup'`):
   * from Settings anyone at the screen could claim it.
   */
  setPin(next: string, current?: string, via: 'settings' | 'setup' = 'settings'): void {
    if (!this.pin.isSet() && this.mode() === 'live' && via !== 'setup') {
      throw new PosFailure('PIN_NOT_SET', '正式模式下，首个主管密码只能在开通向导中设置 (in live mode the first PIN is set in setup)')
    }
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
