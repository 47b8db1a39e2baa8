import { z } from 'zod'
import { AppMode } from './app'
import { AmountFen, call, Empty, NonNegativeFen, Pin, ShortText } from './define'

const Digits = (min: number, max: number) => z.string().regex(new RegExp(`^\\d{${min},${max}}$`))

/** What the renderer may see: never a key, only whether one is set. */
export const SettingsView = z.object({
  mode: AppMode,
  gatewayUrl: z.string(),
  agentId: z.string(),
  mchId: z.string(),
  merchantName: z.string(),
  merchantState: z.enum(['pending', 'active', 'disabled', 'unknown']),
  storeId: z.string(),
  storeName: z.string(),
  deviceId: z.string(),
  cashier: z.string(),
  agentKeySet: z.boolean(),
  merchantKeySet: z.boolean(),
  pinSet: z.boolean(),
  language: z.enum(['zh-CN', 'en']),
  speakOnSuccess: z.boolean(),
  /** The most one sale may charge (fen); the core refuses more (AMOUNT_LIMIT). Changing it needs the supervisor PIN. */
  maxSaleFen: AmountFen,
  /** Above this (fen) the checkout asks the cashier to confirm the amount before sending it; 0 = never. */
  confirmAboveFen: NonNegativeFen,
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
})
export type SettingsPatch = z.infer<typeof SettingsPatch>

export const settingsCalls = {
  'settings:get': call(Empty, SettingsView),
  /** Needs the supervisor PIN once one is set. */
  'settings:update': call(z.strictObject({ patch: SettingsPatch, pin: Pin.optional() }), SettingsView),
  'settings:setMode': call(z.strictObject({ mode: AppMode, pin: Pin.optional() }), SettingsView),
  /** GetMchSMSValid: sends the SMS code; answers how many minutes it stays valid. */
  'settings:sendSms': call(z.strictObject({ mobile: Digits(11, 11) }), z.object({ validMinutes: z.int() })),
  /** GetMchId by mobile + SMS code or username + password; stores mch_id and the trade code. */
  'settings:activate': call(
    z.union([
      z.strictObject({ mobile: Digits(11, 11), valid: Digits(4, 8), pin: Pin.optional() }),
      z.strictObject({ username: ShortText.min(1), password: z.string().min(1).max(64), pin: Pin.optional() }),
    ]),
    SettingsView,
  ),
  /** Sets the supervisor PIN (first time: no current PIN needed). */
  'settings:setPin': call(z.strictObject({ current: Pin.optional(), next: Pin }), z.object({ pinSet: z.literal(true) })),
}

export const settingsEvents = {
  'settings:changed': SettingsView,
}
