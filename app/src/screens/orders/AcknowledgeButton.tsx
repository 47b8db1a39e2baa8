// A supervisor marks a flagged order as checked (e.g. paid, then refunded at
// the gateway outside this counter). The core checks the PIN and keeps the
// note in the order's timeline.
import { App, Button, Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useOrdersStore } from '../../state/orders-store'
import { proofOf, useOperatorsStore } from '../../state/operators-store'
import { opsErrorText } from '../operators/ops-error'
import { errorText } from '../../lib/error-text'

export function AcknowledgeButton({ outTradeNo }: { outTradeNo: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [pin, setPin] = useState('')
  const [approver, setApprover] = useState('')
  const operatorsOn = useOperatorsStore((s) => s.status?.enabled === true)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async () => {
    setBusy(true)
    const r = await useOrdersStore.getState().acknowledge(outTradeNo, proofOf(approver, pin), note.trim() || undefined)
    setBusy(false)
    if (!r.ok) return setError(['ROLE_REQUIRED', 'COUNTER_LOCKED'].includes(r.error.code) ? `${opsErrorText(t, r.error)} — ${t('ops.approverHint')}` : errorText(t, r.error))
    setOpen(false)
    setPin('')
    void message.success(t('orders.acknowledged'))
  }

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="acknowledge">
        {t('orders.acknowledge')}
      </Button>
      <Modal
        open={open}
        title={t('orders.acknowledge')}
        okText={t('orders.acknowledge')}
        okButtonProps={{ disabled: !/^\d{4,8}$/.test(pin), loading: busy, ...{ 'data-testid': 'acknowledge-ok' } }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p className="muted">{t('orders.acknowledgeHelp')}</p>
        <Input.TextArea value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} placeholder={t('orders.acknowledgeNote')} />
        {/* With operators: a supervisor may approve with their own number + PIN (both recorded). */}
        {operatorsOn && (
          <Input
            style={{ marginTop: 12 }}
            value={approver}
            maxLength={4}
            inputMode="numeric"
            placeholder={t('ops.approverNo')}
            onChange={(e) => setApprover(e.target.value.replace(/\D/g, ''))}
            data-testid="acknowledge-approver"
          />
        )}
        <Input.Password
          style={{ marginTop: 12 }}
          value={pin}
          maxLength={12}
          inputMode="numeric"
          placeholder={t('refund.pin')}
          onChange={(e) => {
            setPin(e.target.value.replace(/\D/g, ''))
            setError(null)
          }}
          data-testid="acknowledge-pin"
        />
        {error && (
          <p className="error-text" data-testid="acknowledge-error">
            {error}
          </p>
        )}
      </Modal>
    </>
  )
}
