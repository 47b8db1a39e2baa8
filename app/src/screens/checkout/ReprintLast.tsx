// Reprint the last sale's receipt (F6 or this button) and say what happened:
// "sent again", or why not (nothing sold yet, no printer). Without it F6 was
// silent. On the simulated printer (demo) the receipt shows on screen.
import { App, Modal } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../lib/error-text'
import { useCashStore } from '../../state/cash-store'
import { useDevicesStore } from '../../state/devices-store'
import { ReceiptPreview } from '../settings/ReceiptPreview'

export function ReprintLast({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const reprinted = useCashStore((s) => s.reprinted)
  const simulated = useDevicesStore((d) => d.config?.printer.connection.kind === 'simulated')
  const onScreen = useCashStore((s) => s.receiptOnScreen)
  const setOnScreen = useCashStore.getState().showReceipt
  // Said once per press, never again when the checkout is shown again.
  const said = useRef(reprinted?.seq ?? 0)
  useEffect(() => {
    if (!reprinted || reprinted.seq === said.current) return
    said.current = reprinted.seq
    const r = reprinted.result
    if (!r.ok) void message.error(errorText(t, r.error))
    else if (simulated && r.value.kind === 'sale') setOnScreen(r.value.ref)
    else void message.success(t('printing.lastPrinted'))
  }, [reprinted, simulated, message, t, setOnScreen])
  return (
    <>
      <button className="method method-reprint" disabled={disabled} onClick={() => void useCashStore.getState().printLast()} data-testid="reprint-last">
        {t('printing.reprintButton')} <kbd>F6</kbd>
      </button>
      <Modal
        open={onScreen !== null}
        title={t('printing.simulatedPrinted')}
        onCancel={() => setOnScreen(null)}
        onOk={() => setOnScreen(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        destroyOnHidden
        data-testid="reprint-on-screen"
      >
        {onScreen && <ReceiptPreview target={{ kind: 'sale', outTradeNo: onScreen }} />}
      </Modal>
    </>
  )
}
