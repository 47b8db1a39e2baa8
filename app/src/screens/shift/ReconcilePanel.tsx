// 对账: reconcile the last shift (or a chosen day) with the gateway and list the
// differences. Runs on demand here; the Z close starts one by itself.
import { Alert, Button, Card, Input } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReconcileRun } from '../../../../electron/shared/contract'
import { formatYuan } from '../../../../electron/shared/money'
import { dateTime } from '../../lib/format'
import { useShiftStore } from '../../state/shift-store'

export function ReconcilePanel() {
  const { t } = useTranslation()
  const [day, setDay] = useState('')
  const [run, setRun] = useState<ReconcileRun | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  // The latest run of the last shift, if any (a Z close starts one by itself).
  useEffect(() => {
    void window.pos.reconcile.latest({}).then((r) => r.ok && r.value && setRun((cur) => cur ?? r.value))
  }, [])

  // Progress of any run (also the one a Z close started): keep the list and the shown Z report current.
  useEffect(
    () =>
      window.pos.onReconcileProgress((p) => {
        setRun((r) => (r === null || r.id === p.id || p.startedAt >= r.startedAt ? p : r))
        const report = useShiftStore.getState().report
        if (p.finishedAt !== null && report?.kind === 'Z' && report.shift.id === p.shiftId) {
          useShiftStore.setState({ report: { ...report, reconciliation: { at: p.finishedAt, orders: p.orders, differences: p.differences } } })
        }
      }),
    [],
  )

  const start = async () => {
    setBusy(true)
    setError(null)
    const r = await window.pos.reconcile.run(day ? { day } : {})
    setBusy(false)
    if (r.ok) setRun(r.value)
    else setError(t('shift.failedCall', { message: r.error.message }))
  }

  return (
    <Card title={t('reconcile.title')} data-testid="reconcile-card">
      <div className="button-row">
        <Input type="date" value={day} onChange={(e) => setDay(e.target.value)} style={{ width: 170 }} aria-label={t('reconcile.day')} data-testid="reconcile-day" />
        <Button size="large" type="primary" loading={busy} onClick={() => void start()} data-testid="reconcile-run">
          {day ? t('reconcile.runDay') : t('reconcile.runShift')}
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} />}
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
