// Turns a refused call into words for the cashier: what happened and what to do.
// The core sends a code, a reason naming the case and the figures
// (electron/shared/failure-reasons.ts); its message is for logs, never shown.
import type { TFunction } from 'i18next'
import { formatYuan } from '../../../electron/shared/money'
import type { PosError } from '../../../electron/shared/result'
import { goLiveWords } from './live-text'
import { scanRejectText } from './message-text'

/** Params worded first: amounts in fen as ¥ text (amountFen → {{amount}}), a role by its name. */
function wordedParams(t: TFunction, params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) {
    if (k.endsWith('Fen') && /^-?\d+$/.test(v)) out[k.slice(0, -3)] = formatYuan(Number(v))
    else if (k === 'role') out[k] = t(`ops.roles.${v}`, { defaultValue: v })
    else out[k] = v
  }
  return out
}

/** Any refused call in the cashier's language. */
export function errorText(t: TFunction, error: PosError): string {
  const p = error.params ?? {}
  // Go-live refusals carry their own typed details (missing fields, the gateway's code).
  const live = goLiveWords(t, error)
  if (live !== null) return live
  const params = { minutes: '', detail: '', code: '', ...wordedParams(t, p) }
  const generic = t(`errors.code.${error.code}`, { ...params, defaultValue: t('errors.code.INTERNAL') })
  const reason = p['reason']
  if (error.code === 'INVALID_CODE' && reason) return scanRejectText(t, reason)
  return reason ? t(`errors.reason.${error.code}.${reason}`, { ...params, defaultValue: generic }) : generic
}

/** A refused payment call: the panel's own words for its states, errorText for the rest. */
export function paymentErrorText(t: TFunction, error: PosError): string {
  if (error.message === 'NO_AMOUNT') return t('panel.noAmount')
  if (error.message === 'STOPPING') return t('panel.stoppingBusy')
  switch (error.code) {
    case 'AMOUNT_LIMIT':
      return t('panel.amountLimit', { message: errorText(t, error) })
    case 'BUSY':
      return t('panel.busy')
    case 'INVALID_CODE':
      // The core names what was wrong with the read (e.g. two codes glued) by a reason code.
      return error.params?.['reason'] ? t('panel.invalidCodeWhy', { message: scanRejectText(t, error.params['reason']) }) : t('panel.invalidCode')
    case 'NOT_CONFIGURED':
      return t('panel.notConfigured', { message: errorText(t, error) })
    case 'JOURNAL':
      return t('panel.journalFailing')
    case 'NO_SHIFT':
      return t('panel.noShift')
    default:
      return errorText(t, error)
  }
}
