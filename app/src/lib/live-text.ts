// Go-live refusals in words: the core sends typed codes with params
// (electron/shared/result.ts); the renderer says them in the cashier's language.
import type { TFunction } from 'i18next'
import type { LiveField } from '../../../electron/shared/contract'
import type { PosError } from '../../../electron/shared/result'

export function missingText(t: TFunction, fields: readonly string[]): string {
  return fields.map((f) => t(`golive.missing.${f as LiveField}`)).join(t('golive.listSeparator'))
}

/** The words for a go-live refusal; null when the error is not one (app/src/lib/error-text.ts words the rest). */
export function goLiveWords(t: TFunction, error: PosError): string | null {
  const p = error.params ?? {}
  switch (error.code) {
    case 'LIVE_CHECK_FAILED':
      return t(`golive.reason.${p.reason ?? 'unexpected'}`, { code: p.code ?? '' })
    case 'NOT_CONFIGURED':
      return p.missing ? t('golive.error.NOT_CONFIGURED', { missing: missingText(t, p.missing.split(',')) }) : null
    case 'INSECURE_URL':
      return t('golive.error.INSECURE_URL')
    case 'MERCHANT_INACTIVE':
      return t('golive.error.MERCHANT_INACTIVE', { merchant: p.merchant ?? '', state: t(`settings.merchantStates.${p.state ?? 'unknown'}`) })
    case 'GATEWAY':
      if (p.fault) return t(`golive.fault.${p.fault}`)
      return p.code ? t('golive.error.GATEWAY', { code: p.code, detail: p.detail ?? '' }) : t('golive.error.GATEWAY_UNKNOWN', { detail: p.detail ?? '' })
    default:
      return null
  }
}
