// Cash tender: the amount due, what the customer gave (quick buttons for the
// next round notes), and the change, big. Enter takes the cash; Esc closes.
import { Alert, Button, Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { formatYuan, parseYuan } from '../../../../electron/shared/money'
import { changeFor, quickNotes } from '../../lib/cash'
import { paymentErrorText } from '../../lib/error-text'
import { useCashStore } from '../../state/cash-store'

export function CashDialog() {
  const due = useCashStore((c) => c.tenderFor)
  // Keyed by the amount: a new tender starts with an empty "given".
  return due === null ? null : <CashTender key={due} due={due} />
}

function CashTender({ due }: { due: number }) {
  const { t } = useTranslation()
  const s = useCashStore(useShallow((c) => ({ tendering: c.tendering, error: c.tenderError })))
  const [text, setText] = useState('')
  const given = text.trim() === '' ? due : parseYuan(text)
  const change = changeFor(due, given)
  const problem = given === null ? t('cash.invalidGiven') : given < due ? t('cash.givenBelow') : null
  const take = (fen: number | null) => {
    if (fen !== null && fen >= due) void useCashStore.getState().tender(fen)
  }
  return (
    <Modal open title={t('cash.title')} onCancel={() => useCashStore.getState().closeTender()} footer={null} width={560} destroyOnHidden data-testid="cash-dialog">
      <div className="cash-dialog" data-testid="cash-dialog-body">
        <div className="cash-row">
          <span>{t('cash.due')}</span>
          <strong className="cash-due" data-testid="cash-due">{formatYuan(due)}</strong>
        </div>
        <Input
          autoFocus
          size="large"
          inputMode="decimal"
          maxLength={12}
          value={text}
          placeholder={formatYuan(due)}
          addonBefore={t('cash.given')}
          onChange={(e) => setText(e.target.value.replace(/[^\d.]/g, ''))}
          onPressEnter={() => take(given)}
          data-testid="cash-given"
        />
        <div className="cash-notes">
          {quickNotes(due).map((fen, i) => (
            <Button key={fen} size="large" onClick={() => take(fen)} disabled={s.tendering} data-testid={i === 0 ? 'cash-exact' : `cash-note-${fen / 100}`}>
              {i === 0 ? `${t('cash.exact')} ${formatYuan(fen)}` : formatYuan(fen)}
            </Button>
          ))}
        </div>
        <div className="cash-change" data-testid="cash-change-preview">
          {t('cash.change')} <strong>{change !== null ? formatYuan(change) : '—'}</strong>
        </div>
        {problem && text.trim() !== '' && <Alert type="warning" showIcon title={problem} />}
        {s.error && <Alert type="error" showIcon title={paymentErrorText(t, s.error)} data-testid="cash-error" />}
        <Button type="primary" size="large" block disabled={problem !== null} loading={s.tendering} onClick={() => take(given)} data-testid="cash-confirm">
          {t('cash.confirm')}
        </Button>
      </div>
    </Modal>
  )
}
