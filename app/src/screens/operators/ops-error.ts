// A refused operators call in the cashier's words (the core's own words underneath where useful).
import type { TFunction } from 'i18next'
import type { PosError } from '../../../../electron/shared/result'
import { errorText } from '../../lib/error-text'

const KNOWN = ['PIN_INVALID', 'PIN_LOCKED', 'PIN_REQUIRED', 'COUNTER_LOCKED', 'ROLE_REQUIRED', 'CONFLICT', 'PIN_WEAK'] as const

export function opsErrorText(t: TFunction, e: PosError): string {
  if (!(KNOWN as readonly string[]).includes(e.code)) return t('ops.errors.other', { message: errorText(t, e) })
  const role = e.params?.role ? t(`ops.roles.${e.params.role}`) : ''
  return t(`ops.errors.${e.code}`, { role, message: errorText(t, e) })
}
