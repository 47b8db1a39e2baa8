// store:settings / store:setSettings — the store-wide settings (store name,
// receipt header line, over/short limit). Set by a manager at any counter
// (the `settings` permission: PIN or approval, audited with the field names,
// never the values), kept in the journal (store_settings), shipped up by the
// outbox and pulled down by every other counter (journal/downstream.ts). With
// none set yet, or the store never reached, the counter's local settings stand.
import type { Handlers } from '../kernel/dispatch'
import type { DownstreamRepo } from '../journal/downstream'
import type { Proof, StoreSettingsView } from '../shared/contract'

export interface StoreSettingsDeps {
  downstream: Pick<DownstreamRepo, 'storeSettings' | 'setStoreSettings'>
  /** The operators' guard for the `settings` action (throws ROLE_REQUIRED / COUNTER_LOCKED, records the audit row). */
  guard: (proof: Proof, detail: Record<string, string | number | boolean | null>) => void
  /** The counter's own settings, the fallback. */
  local: () => { storeName: string; overShortLimitFen: number }
  now: () => number
}

export function storeSettingsView(d: Pick<StoreSettingsDeps, 'downstream' | 'local'>): StoreSettingsView {
  const s = d.downstream.storeSettings()
  if (!s) {
    const l = d.local()
    return { storeName: l.storeName, receiptHeader: '', overShortLimitFen: l.overShortLimitFen, source: 'local', updatedAt: null, fromCounter: null }
  }
  return { storeName: s.store_name, receiptHeader: s.receipt_header, overShortLimitFen: s.over_short_limit_fen, source: 'store', updatedAt: s.updated_at, fromCounter: s.updated_by || null }
}

export function storeSettingsHandlers(d: StoreSettingsDeps): Pick<Handlers, 'store:settings' | 'store:setSettings'> {
  return {
    'store:settings': () => storeSettingsView(d),
    'store:setSettings': ({ pin, approval, ...next }) => {
      const before = storeSettingsView(d)
      const changed = (['storeName', 'receiptHeader', 'overShortLimitFen'] as const).filter((k) => before[k] !== next[k])
      d.guard({ pin, approval }, { fields: changed.join(',') })
      d.downstream.setStoreSettings(next, d.now())
      return storeSettingsView(d)
    },
  }
}
