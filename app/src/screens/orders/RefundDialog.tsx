// Refund (full or partial) behind the supervisor PIN. A wrong or locked PIN is
// said plainly and the dialog stays open; nothing is refunded. The target is
// this counter's order (the order drawer) or another counter's (the store
// screen's search: `counterId` names it, and the core refunds it through the
// store database's cross-counter cap).
import { Alert, App, Button, Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatFen, formatYuan, parseYuan } from '../../../../electron/shared/money'
import { messageText } from '../../lib/message-text'
import { useOrdersStore } from '../../state/orders-store'
import { proofOf, useOperatorsStore } from '../../state/operators-store'
import { opsErrorText } from '../operators/ops-error'
import { errorText } from '../../lib/error-text'

export interface RefundTarget {
  outTradeNo: string
  refundableFen: number
  /** Another counter's order: the counter that took it. */
  counterId?: string
}

export function RefundDialog({ target, onClose }: { target: RefundTarget; onClose: () => void }) {
  const detail = target
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [amount, setAmount] = useState(formatFen(detail.refundableFen))
  const [pin, setPin] = useState('')
  const [approver, setApprover] = useState('')
  const operatorsOn = useOperatorsStore((s) => s.status?.enabled === true)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<{ title: string; detail?: string; code?: string } | null>(null)
  const [sending, setSending] = useState(false)
  // Locked: no point typing more PINs here (each would be refused); reopening the dialog asks the core again.
  const locked = error?.code === 'PIN_LOCKED'

  const submit = async () => {
    const fen = parseYuan(amount)
    if (fen === null || fen <= 0 || fen > detail.refundableFen) {
      setError({ title: t('refund.invalidAmount', { max: formatYuan(detail.refundableFen) }) })
      return
    }
    if (!/^\d{4,8}$/.test(pin)) {
      setError({ title: t('refund.pinHint') })
      return
    }
    setSending(true)
    const r = await useOrdersStore.getState().refund(detail.outTradeNo, fen, proofOf(approver, pin), reason.trim() || undefined)
    setSending(false)
    if (r.ok && r.value.state === 'failed') {
      // The gateway refused: an error with its reason, the dialog stays open, nothing was refunded.
      setPin('')
      setError({ title: t('refund.refused'), detail: messageText(t, r.value.failure?.message ?? r.value.step), code: r.value.failure?.code })
      return
    }
    if (r.ok) {
      // Success is said as such; a refund still on its way says where it is.
      if (r.value.state === 'success') void message.success(t('refund.succeeded', { amount: formatYuan(r.value.amountFen) }))
      else void message.info(t('refund.pending', { state: messageText(t, r.value.step) }))
      onClose()
      return
    }
    setPin('')
    // Our headline in the cashier's language; the core's words (e.g. attempts left) underneath.
    const code = r.error.code
    if (code === 'PIN_INVALID') setError({ title: t('refund.pinInvalid'), detail: errorText(t, r.error), code })
    else if (code === 'PIN_LOCKED') setError({ title: t('refund.pinLocked'), detail: errorText(t, r.error), code })
    else if (code === 'ROLE_REQUIRED' || code === 'COUNTER_LOCKED') setError({ title: opsErrorText(t, r.error), detail: t('ops.approverHint'), code })
    else if (code === 'PIN_REQUIRED' || code === 'PIN_NOT_SET') setError({ title: t(code === 'PIN_REQUIRED' ? 'settings.pinRequired' : 'settings.pinNotSet'), code })
    else if (code === 'STORE_UNREACHABLE') setError({ title: t('storeRefund.storeUnreachable'), code })
    else setError({ title: t('refund.failed', { message: errorText(t, r.error) }), code })
  }

  return (
    <Modal
      open
      title={detail.counterId ? `${t('storeRefund.title', { counterId: detail.counterId })} · ${detail.outTradeNo}` : `${t('refund.title')} · ${detail.outTradeNo}`}
      onCancel={onClose}
      footer={[
        <Button key="c" size="large" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" size="large" type="primary" danger loading={sending} disabled={locked} onClick={() => void submit()} data-testid="refund-submit">
          {t('refund.submit')}
        </Button>,
      ]}
    >
      {detail.counterId && <Alert type="info" showIcon title={t('storeRefund.from', { counterId: detail.counterId })} description={t('storeRefund.refundable', { amount: formatYuan(detail.refundableFen) })} data-testid="refund-foreign" />}
      <div className="form-grid">
        <label>{t('refund.amount')}</label>
        <Input
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          inputMode="decimal"
          maxLength={12}
          addonAfter={
            <a onClick={() => setAmount(formatFen(detail.refundableFen))} role="button">
              {t('refund.full')} {formatYuan(detail.refundableFen)}
            </a>
          }
          data-testid="refund-amount"
        />
        <label>{t('refund.reason')}</label>
        <Input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
        {/* With operators: a supervisor may approve with their own number + PIN (both recorded). */}
        {operatorsOn && <label>{t('ops.approverNo')}</label>}
        {operatorsOn && (
          <Input value={approver} maxLength={4} inputMode="numeric" autoComplete="off" placeholder={t('ops.approverHint')} onChange={(e) => setApprover(e.target.value.replace(/\D/g, ''))} data-testid="refund-approver" />
        )}
        <label>{t('refund.pin')}</label>
        <Input.Password
          value={pin}
          maxLength={12}
          inputMode="numeric"
          autoComplete="off"
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          disabled={locked}
          onPressEnter={() => void submit()}
          placeholder={t('refund.pinHint')}
          data-testid="refund-pin"
        />
      </div>
      {error && (
        <Alert className="dialog-error" type="error" showIcon title={error.title} description={error.detail} data-testid="refund-error" data-code={error.code} />
      )}
    </Modal>
  )
}
