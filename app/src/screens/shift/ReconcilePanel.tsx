// 对账: reconcile the last shift (or a chosen day) with the gateway and list the
// differences. Runs on demand here; the Z close starts one by itself.
import { Alert, Button, Card, Input } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatYuan } from '../../../../electron/shared/money'
import { dateTime } from '../../lib/format'
import { useShallow } from 'zustand/react/shallow'
import { useReconcileStore } from '../../state/reconcile-store'
import { errorText } from '../../lib/error-text'

export function ReconcilePanel() {
  const { t } = useTranslation()
  const [day, setDay] = useState('')
  const { run, busy, error } = useReconcileStore(useShallow((s) => ({ run: s.run, busy: s.busy, error: s.error })))

  useEffect(() => {
    void useReconcileStore.getState().loadLatest()
  }, [])

  return (
    <Card title={t('reconcile.title')} data-testid="reconcile-card">
      <div className="button-row">
        <Input type="date" value={day} onChange={(e) => setDay(e.target.value)} style={{ width: 170 }} aria-label={t('reconcile.day')} data-testid="reconcile-day" />
        <Button size="large" type="primary" loading={busy} onClick={() => void useReconcileStore.getState().start(day || undefined)} data-testid="reconcile-run">
          {day ? t('reconcile.runDay') : t('reconcile.runShift')}
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={t('shift.failedCall', { message: errorText(t, error) })} />}
      {run && (
        <div className="reconcile-result" data-testid="reconcile-result">
          <p data-testid="reconcile-summary">
            {run.finishedAt !== null
              ? t('reconcile.summary', { at: dateTime(run.finishedAt), orders: run.orders, differences: run.differences })
              : t('reconcile.running', { checked: run.checked, orders: run.orders })}
          </p>
          {run.items.length === 0 && run.finishedAt !== null && <p>{t('reconcile.none')}</p>}
          {run.items.length > 0 && (
            <ul className="reconcile-list">
              {run.items.map((i) => (
                <li key={i.outTradeNo} data-testid="reconcile-item" data-difference={i.difference}>
                  <strong>{t(`reconcile.diff.${i.difference}`)}</strong>
                  <span>
                    {i.outTradeNo} · {formatYuan(i.amountFen)} · {t('reconcile.journal')} {t(`state.${i.journalState}`)} · {t('reconcile.gateway')} {t(`reconcile.answer.${i.gateway}`, { defaultValue: i.gateway })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Card>
  )
}
