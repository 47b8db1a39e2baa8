import { z } from 'zod'
import { AppMode } from './app'
import { Approval } from './operators'
import { AmountFen, call, Empty, NewPin, NonNegativeFen, Pin, ShortText } from './define'

const Digits = (min: number, max: number) => z.string().regex(new RegExp(`^\\d{${min},${max}}$`))

/** What live mode needs, field by field (the go-live setup's order). */
export const LiveField = z.enum(['pin', 'gatewayUrl', 'gatewayUrlHttps', 'agentId', 'agentKey', 'mchId', 'merchantKey', 'merchantActive'])
export type LiveField = z.infer<typeof LiveField>

/** What the renderer may see: never a key, only whether one is set. */
export const SettingsView = z.object({
  mode: AppMode,
  gatewayUrl: z.string(),
  agentId: z.string(),
  mchId: z.string(),
  /** mch_short_name (or the full name when the gateway gave no short one). */
  merchantName: z.string(),
  merchantFullName: z.string(),
  merchantState: z.enum(['pending', 'active', 'disabled', 'unknown']),
  storeId: z.string(),
  storeName: z.string(),
  deviceId: z.string(),
  cashier: z.string(),
  agentKeySet: z.boolean(),
  merchantKeySet: z.boolean(),
  pinSet: z.boolean(),
  /** The PIN was set before the 6-digit rule: Settings asks the supervisor to change it. */
  pinNeedsChange: z.boolean(),
  /** False when this machine cannot encrypt keys at rest (no OS keyring / safeStorage): shown in Settings, live mode needs a confirmation. */
  secretsEncrypted: z.boolean(),
  language: z.enum(['zh-CN', 'en']),
  speakOnSuccess: z.boolean(),
  /** False until the first-run setup was finished (stay in demo, or go live). */
  setupDone: z.boolean(),
  /** What is still missing for live mode; empty when a switch to live may be tried. */
  liveMissing: z.array(LiveField),
  /** The most one sale may charge (fen); the core refuses more (AMOUNT_LIMIT). Changing it needs the supervisor PIN. */
  maxSaleFen: AmountFen,
  /** Above this (fen) the checkout asks the cashier to confirm the amount before sending it; 0 = never. */
  confirmAboveFen: NonNegativeFen,
  /** Operators: lock the counter after this many idle minutes (0 = never). */
  idleLockMinutes: z.int().min(0).max(240),
})
export type SettingsView = z.infer<typeof SettingsView>

export const SettingsPatch = z.strictObject({
  gatewayUrl: z.url({ protocol: /^https?$/ }).max(256).optional(),
  agentId: z.string().regex(/^[A-Za-z0-9]{1,32}$/).optional(),
  /** Write-only. */
  agentKey: z.string().min(8).max(128).optional(),
  mchId: z.string().regex(/^[A-Za-z0-9]{1,32}$/).optional(),
  /** Write-only (the merchant's mch_trade_code). */
  merchantKey: z.string().min(4).max(128).optional(),
  storeId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).optional(),
  storeName: ShortText.min(1).optional(),
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).optional(),
  cashier: ShortText.min(1).optional(),
  language: z.enum(['zh-CN', 'en']).optional(),
  speakOnSuccess: z.boolean().optional(),
  maxSaleFen: AmountFen.optional(),
  confirmAboveFen: NonNegativeFen.optional(),
  idleLockMinutes: z.int().min(0).max(240).optional(),
})
export type SettingsPatch = z.infer<typeof SettingsPatch>

export const settingsCalls = {
  'settings:get': call(Empty, SettingsView),
  /** Needs the supervisor PIN (PIN_NOT_SET until one exists). */
  'settings:update': call(z.strictObject({ patch: SettingsPatch, pin: Pin.optional(), approval: Approval.optional() }), SettingsView),
  /**
   * To live: only after a signed probe of the configured gateway succeeded (else LIVE_CHECK_FAILED, still demo). Needs the PIN both ways.
   * `acceptPlainSecrets`: the supervisor confirms live mode although secrets cannot be encrypted here (CONFIRM_REQUIRED otherwise).
   */
  'settings:setMode': call(z.strictObject({ mode: AppMode, pin: Pin.optional(), approval: Approval.optional(), acceptPlainSecrets: z.literal(true).optional() }), SettingsView),
  /** GetMchSMSValid (agent key, the configured live gateway — never the demo sandbox): sends the SMS code; answers how many minutes it stays valid. */
  'settings:sendSms': call(z.strictObject({ mobile: Digits(11, 11) }), z.object({ validMinutes: z.int() })),
  /** GetMchId by mobile + SMS code or username + password; stores mch_id and the trade code. */
  'settings:activate': call(
    z.union([
      z.strictObject({ mobile: Digits(11, 11), valid: Digits(4, 8), pin: Pin.optional(), approval: Approval.optional() }),
      z.strictObject({ username: ShortText.min(1), password: z.string().min(1).max(64), pin: Pin.optional(), approval: Approval.optional() }),
    ]),
    SettingsView,
  ),
  /** The first-run setup was finished (stay in demo or go live): it is not shown by itself again. No PIN: it changes nothing else. */
  'settings:setupDone': call(Empty, SettingsView),
  /** Mch_Reg: registers a new merchant (pending until the gateway approves it; then activate by SMS). */
  'settings:register': call(
    z.strictObject({ mchName: ShortText.min(1), mchShortName: ShortText.min(1).optional(), mobile: Digits(11, 11), pin: Pin.optional(), approval: Approval.optional() }),
    SettingsView,
  ),
  /** Sets the supervisor PIN (first time: no current PIN needed; in live mode the first one only in setup). */
  'settings:setPin': call(z.strictObject({ current: Pin.optional(), next: NewPin }), z.object({ pinSet: z.literal(true) })),
}

export const settingsEvents = {
  'settings:changed': SettingsView,
}
