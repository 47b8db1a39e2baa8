// Settings and activation. Plain settings live in the journal's settings table;
// keys live in the SecretStore (safeStorage in the app) and are never sent to
// the renderer — the view only says whether each one is set.
import { randomBytes } from 'node:crypto'
import { DEMO_MERCHANT } from '../gateway/sandbox/demo'
import type { Journal } from '../journal'
import type { Terminal } from '../payments/ports'
import type { SecretStore } from '../kernel/secrets'
import { asProof, CashSettings, type AppMode, type LiveField, type Proof, type ProofInput, type SettingsPatch, type SettingsView } from '../shared/contract'
import { gatewayUrlProblem } from '../shared/gateway-url'
import { PosFailure } from '../shared/result'
import { liveCheckFailure, type LiveCheck } from './live-check'
import { ACTIVATION_FIELDS, LIVE_FIELD_ZH, liveMissing } from './live-ready'
import { MerchantActivation } from './activation'
import { PinGuard } from './pin'
import { readStoredSettings } from './stored'

/** The drawer's defaults: a count more than ¥10 off needs the supervisor at close. */
export const DEFAULT_CASH_SETTINGS: CashSettings = { overShortLimitFen: 1000 }

type Plain = Omit<SettingsView, 'agentKeySet' | 'merchantKeySet' | 'pinSet' | 'pinNeedsChange' | 'secretsEncrypted' | 'mode' | 'liveMissing'> & { mode: AppMode }

function notConfigured(missing: LiveField[], what: string): PosFailure {
  return new PosFailure('NOT_CONFIGURED', `${what}，还缺：${missing.map((f) => LIVE_FIELD_ZH[f]).join('、')}`, { missing: missing.join(',') })
}

const DEFAULTS: Plain = {
  mode: 'demo',
  gatewayUrl: '',
  agentId: '',
  mchId: '',
  merchantName: '',
  merchantFullName: '',
  merchantState: 'unknown',
  storeId: DEMO_MERCHANT.storeId,
  storeName: DEMO_MERCHANT.storeName,
  deviceId: '', // per install, see installDeviceId
  cashier: '收银员01',
  language: 'zh-CN',
  speakOnSuccess: true,
  setupDone: false,
  maxSaleFen: 50_000_00, // ¥50,000.00 a sale
  confirmAboveFen: 2_000_00, // "¥2,000.00 — sure?" catches a slipped 00 on the keypad
  idleLockMinutes: 5,
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
  /** Merchant activation (SMS, password, registration) against the configured live gateway. */
  readonly activation: MerchantActivation

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
    this.activation = new MerchantActivation({
      guard: (pin) => this.guard(pin),
      setMerchantKey: (key) => secrets.set('merchantKey', key),
      saveMerchant: (m) => this.save(m),
    })
  }

  /** Plain settings change only through save(), so they are read from the journal once and kept. */
  private cached: Plain | null = null
  /** Stored fields that were unreadable at the last read (their defaults apply until saved again). */
  private damaged: string[] = []

  /** Settings fields the journal held in a form this version cannot read (empty when all is well). */
  damagedFields(): string[] {
    this.plain()
    return [...this.damaged]
  }

  private plain(): Plain {
    if (!this.cached) {
      const stored = this.journal.getSetting('settings')
      // Settings saved before the first-run setup existed carry no setupDone: that
      // counter was set up already, so the setup does not pop up after an update —
      // unless it went live before PINs were required (the setup sets the first PIN).
      const read = readStoredSettings(stored)
      this.damaged = read.damaged
      const saved = stored ? read.values : null
      const legacyDone = saved ? { setupDone: !(saved.mode === 'live' && !this.pin.isSet()) } : {}
      this.cached = { ...DEFAULTS, deviceId: this.installDeviceId(), ...legacyDone, ...saved }
    }
    return this.cached
  }

  /** The saved device settings as stored (the device service parses each role's part), or null when none are saved. */
  devices(): unknown {
    return this.jsonSetting('devices')
  }

  saveDevices(config: unknown): void {
    this.journal.setSetting('devices', JSON.stringify(config))
  }

  /** The drawer's settings (over/short limit), parsed against the contract; missing or unreadable → the defaults. */
  cashSettings(): CashSettings {
    const parsed = CashSettings.safeParse(this.jsonSetting('cash.settings'))
    const local = parsed.success ? parsed.data : { ...DEFAULT_CASH_SETTINGS }
    // The store's limit (set by a manager at any counter, pulled) wins; the local one is the fallback.
    const store = this.journal.downstream.storeSettings()
    return store ? { ...local, overShortLimitFen: store.over_short_limit_fen } : local
  }

  saveCashSettings(next: CashSettings): void {
    this.journal.setSetting('cash.settings', JSON.stringify(CashSettings.parse(next)))
  }

  /** The folders a vendor face SDK may be loaded from, as stored (validated by the device service), or null. */
  faceSdkFolders(): unknown {
    return this.jsonSetting('devices.faceSdkFolders')
  }

  saveFaceSdkFolders(folders: string[]): void {
    this.journal.setSetting('devices.faceSdkFolders', JSON.stringify(folders))
  }

  /** A JSON setting; an unreadable one reads as null (its owner then uses its default and says so). */
  private jsonSetting(key: string): unknown {
    const raw = this.journal.getSetting(key)
    if (raw === null) return null
    try {
      return JSON.parse(raw) as unknown
    } catch {
      return null
    }
  }

  /** Forget the kept copy (after the journal's settings row was changed outside this service). */
  reload(): void {
    this.cached = null
  }

  /** Operators: idle minutes before the counter locks itself (0 = never). */
  idleLockMinutes(): number {
    return this.plain().idleLockMinutes
  }

  /** Live mode after setup: the first PIN (and the first manager) belong to the setup wizard. */
  firstPinRefused(): boolean {
    return this.mode() === 'live' && this.plain().setupDone
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
    const keys = { agentKeySet: this.secrets.get('agentKey') !== null, merchantKeySet: this.secrets.get('merchantKey') !== null, pinSet: this.pin.isSet() }
    return { ...p, ...keys, pinNeedsChange: keys.pinSet && this.pin.isWeak(), secretsEncrypted: this.secrets.encrypted, liveMissing: liveMissing({ ...p, ...keys }) }
  }

  /** Live mode refuses sales for a merchant the gateway has not enabled (mch_state 20); demo sells as the demo merchant. */
  assertCanSell(): void {
    const p = this.plain()
    if (p.mode === 'live' && p.merchantState !== 'active') {
      throw new PosFailure('MERCHANT_INACTIVE', `商户“${p.merchantName || p.mchId}”未启用（状态：${p.merchantState}），不能收款：请联系网关服务商，启用后重新激活`, {
        state: p.merchantState,
        merchant: p.merchantName || p.mchId,
      })
    }
  }

  /**
   * Every settings change, activation and mode switch needs the supervisor PIN,
   * and so a PIN must exist first (PIN_NOT_SET): until then nobody may point the
   * counter at another gateway.
   */
  private guard(proof: ProofInput, action: 'settings' | 'liveMode' = 'settings', detail: Record<string, string> = {}): void {
    this.guardWith(action, asProof(proof), detail)
  }

  /** Before operators exist: the supervisor PIN. create-core hands this to the operators' guard (roles, approvals, audit). */
  private guardWith: (action: 'settings' | 'liveMode', proof: Proof, detail: Record<string, string>) => void = (_a, p) => this.pin.verify(p.pin)

  useGuard(fn: (action: 'settings' | 'liveMode', proof: Proof, detail: Record<string, string>) => void): void {
    this.guardWith = fn
  }

  update(patch: SettingsPatch, pin?: ProofInput): SettingsView {
    this.guard(pin, 'settings', { fields: Object.keys(patch).sort().join(',') })
    const next = { ...this.plain(), ...patch }
    if (next.confirmAboveFen > next.maxSaleFen) throw new PosFailure('VALIDATION', '“大额确认”金额不能高于单笔收款上限', { reason: 'confirm-above-max' })
    const { agentKey, merchantKey, ...plain } = patch
    if (plain.gatewayUrl !== undefined && this.plain().mode === 'live' && gatewayUrlProblem(plain.gatewayUrl, 'live') !== null) {
      throw new PosFailure('INSECURE_URL', '正式模式的网关地址必须是 https（仅本机地址可用 http）', { field: 'gatewayUrl' })
    }
    if (agentKey !== undefined) this.secrets.set('agentKey', agentKey)
    if (merchantKey !== undefined) this.secrets.set('merchantKey', merchantKey)
    return this.save(plain)
  }

  /**
   * Changing the mode needs the supervisor PIN both ways (so a PIN must exist).
   * To live: every field present, then `check` — one signed harmless call to the
   * configured gateway — must pass; otherwise the counter stays in demo with the reason.
   * `acceptPlainSecrets`: the supervisor's explicit yes to live mode on a machine that
   * cannot encrypt keys at rest.
   */
  async setMode(mode: AppMode, pin: ProofInput, check: () => Promise<LiveCheck>, acceptPlainSecrets = false): Promise<SettingsView> {
    if (mode === this.plain().mode) return this.view()
    this.guard(pin, 'liveMode', { mode })
    if (mode === 'live') {
      const missing = this.view().liveMissing
      if (missing.length > 0) throw notConfigured(missing, '还不能切换到正式模式')
      if (!this.secrets.encrypted && !acceptPlainSecrets) {
        throw new PosFailure('CONFIRM_REQUIRED', '本机无法加密保存密钥：主管确认后才能切换到正式模式 (secrets cannot be encrypted on this machine: a supervisor must confirm)', { reason: 'plain-secrets' })
      }
      const result = await check()
      if (!result.ok) throw liveCheckFailure(result)
    }
    return this.save({ mode, setupDone: true })
  }

  finishSetup(): SettingsView {
    return this.plain().setupDone ? this.view() : this.save({ setupDone: true })
  }

  /**
   * Sets or changes the supervisor PIN (rule: settings/pin.ts checkNewPin). In
   * live mode the first PIN belongs to the first-run setup (shown while
   * `setupDone` is false, e.g. an install that went live before PINs were
   * required): once setup is done, anyone at the screen could claim it.
   */
  setPin(next: string, current?: string): void {
    if (!this.pin.isSet() && this.mode() === 'live' && this.plain().setupDone) {
      throw new PosFailure('PIN_NOT_SET', '正式模式下，首个主管密码只能在开通向导中设置 (in live mode the first PIN is set in setup)', { reason: 'first-pin-in-setup' })
    }
    this.pin.set(next, current)
    this.onChange(this.view())
  }

  /** Demo: the embedded sandbox and its merchant. Live: what setup and activation stored. */
  gatewayConfig(sandboxUrl: string | null): GatewayConfig {
    if (this.plain().mode === 'demo') {
      return { mode: 'demo', baseUrl: sandboxUrl ?? '', agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: { ...DEMO_MERCHANT.keys } }
    }
    return this.liveConfig()
  }

  /** The configured live gateway with the merchant's credentials, whatever the current mode (the go-live check uses it). */
  liveConfig(): GatewayConfig {
    const p = this.plain()
    return { mode: 'live', baseUrl: p.gatewayUrl, agentId: p.agentId, mchId: p.mchId, keys: { agent: this.secrets.get('agentKey') ?? '', merchant: this.secrets.get('merchantKey') ?? '' } }
  }

  /**
   * Activation (agent-level calls) always goes to the configured live gateway —
   * never to the embedded demo sandbox, whatever the mode: it sets up the merchant
   * this counter will sell for. Needs the gateway URL, agent id and agent key.
   */
  activationConfig(): GatewayConfig {
    const missing = this.view().liveMissing.filter((f) => ACTIVATION_FIELDS.includes(f))
    if (missing.length > 0) throw notConfigured(missing, '请先填写网关')
    const live = this.liveConfig()
    // Agent-scope calls sign with the agent key and send no mch_id; the client still wants both set.
    return { ...live, mchId: live.mchId || '0', keys: { agent: live.keys.agent, merchant: live.keys.merchant || 'none' } }
  }
}
