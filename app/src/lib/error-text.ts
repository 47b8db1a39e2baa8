// Turns a refused call into words for the cashier: what happened and what to do.
import type { TFunction } from 'i18next'
import type { PosError } from '../../../electron/shared/result'
import { liveErrorText } from './live-text'

export function paymentErrorText(t: TFunction, error: PosError): string {
  if (error.message === 'NO_AMOUNT') return t('panel.noAmount')
  switch (error.code) {
    case 'BUSY':
      return t('panel.busy')
    case 'INVALID_CODE':
      return t('panel.invalidCode')
    case 'JOURNAL':
      return t('panel.journalFailing')
    case 'NO_SHIFT':
      return t('panel.noShift')
    case 'NOT_CONFIGURED':
      return t('panel.notConfigured', { message: error.message })
    case 'MERCHANT_INACTIVE':
      return liveErrorText(t, error)
    default:
      return t('panel.callFailed', { message: error.message })
  }
}
