// Turns a refused call into words for the cashier: what happened and what to do.
import type { TFunction } from 'i18next'
import type { PosError } from '../../../electron/shared/result'
import { liveErrorText } from './live-text'
import { scanRejectText } from './message-text'

export function paymentErrorText(t: TFunction, error: PosError): string {
  if (error.message === 'NO_AMOUNT') return t('panel.noAmount')
  if (error.message === 'STOPPING') return t('panel.stoppingBusy')
  switch (error.code) {
    case 'AMOUNT_LIMIT':
      return t('panel.amountLimit', { message: error.message })
    case 'BUSY':
      return t('panel.busy')
    case 'INVALID_CODE':
      // The core names what was wrong with the read (e.g. two codes glued) by a reason code.
      return error.params?.['reason'] ? t('panel.invalidCodeWhy', { message: scanRejectText(t, error.params['reason']) }) : t('panel.invalidCode')
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
