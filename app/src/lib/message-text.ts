// A message from the core (code + params) in the cashier's language. Params
// that are themselves codes are worded first: amounts in fen as ¥ text,
// order states, gateway answers and call names; anything else (the gateway's
// own words, an error text, a device name) goes in as it is.
import type { TFunction } from 'i18next'
import type { Message } from '../../../electron/shared/contract'
import { formatYuan } from '../../../electron/shared/money'

const AMOUNTS: Record<string, string> = { amountFen: 'amount', gatewayFen: 'gateway', orderFen: 'order', givenFen: 'given', changeFen: 'change' }

export function messageText(t: TFunction, m: Message): string {
  const params: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(m.params ?? {})) {
    if (k in AMOUNTS && typeof v === 'number' && Number.isSafeInteger(v)) params[AMOUNTS[k] as string] = formatYuan(v)
    else if ((k === 'from' || k === 'to') && typeof v === 'string') params[k] = t(`state.${v}`, { defaultValue: v })
    else if ((k === 'outcome' || k === 'state') && typeof v === 'string') params[k] = t(`messages.outcome.${v}`, { defaultValue: t(`state.${v}`, { defaultValue: v }) })
    else if (k === 'call' && typeof v === 'string') params[k] = t(`messages.call.${v}`, { defaultValue: v })
    else if (k === 'printerStatus' && typeof v === 'string') params[k] = t(`printing.status.${v}`, { defaultValue: v })
    else if (k === 'difference' && typeof v === 'string') params[k] = t(`reconcile.diff.${v}`, { defaultValue: v })
    else params[k] = v
  }
  // The optional ones read as nothing when absent, rather than as "{{text}}".
  return t(`messages.code.${m.code}`, { text: '', code: '', note: '', ...params, defaultValue: m.code })
}

/** Why the core refused a scan (ScanRejectReason), in words. */
export function scanRejectText(t: TFunction, reason: string): string {
  return t(`messages.scanReject.${reason}`, { defaultValue: t('messages.scanReject.not-text') })
}

/** `messageText` or '' for none (optional fields). */
export function maybeText(t: TFunction, m: Message | null | undefined): string {
  return m ? messageText(t, m) : ''
}
