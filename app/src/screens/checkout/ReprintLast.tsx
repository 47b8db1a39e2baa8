// Reprint the last sale's receipt (F6 or this button) and say what happened:
// "sent again", or why not (nothing sold yet, no printer). Without it F6 was silent.
import { App } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../lib/error-text'
import { useCashStore } from '../../state/cash-store'

export function ReprintLast({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const reprinted = useCashStore((s) => s.reprinted)
  // Said once per press, never again when the checkout is shown again.
  const said = useRef(reprinted?.seq ?? 0)
  useEffect(() => {
    if (!reprinted || reprinted.seq === said.current) return
    said.current = reprinted.seq
    if (reprinted.result.ok) void message.success(t('printing.lastPrinted'))
    else void message.error(errorText(t, reprinted.result.error))
  }, [reprinted, message, t])
  return (
    <button className="method method-reprint" disabled={disabled} onClick={() => void useCashStore.getState().printLast()} data-testid="reprint-last">
      {t('printing.reprintButton')} <kbd>F6</kbd>
    </button>
  )
}
