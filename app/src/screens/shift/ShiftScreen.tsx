// Shift: open with cashier + float, X report any time, close with the Z report.
import { Alert, Button, Card, Input } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { parseYuan } from '../../../../electron/shared/money'
import { dateTime } from '../../lib/format'
import { useSettingsStore } from '../../state/settings-store'
import { useShiftStore } from '../../state/shift-store'
import { useOperatorsStore } from '../../state/operators-store'
import { CashCard } from './CashCard'
import { DrawerCountForm } from './DrawerCountForm'
import { PastShifts } from './PastShifts'
import { ReconcilePanel } from './ReconcilePanel'
import { ReportView } from './ReportView'
import { errorText } from '../../lib/error-text'

export function ShiftScreen() {
  const { t } = useTranslation()
  const s = useShiftStore(useShallow((x) => ({ current: x.current, report: x.report, error: x.error })))
  // With operators, the signed-in one is who opens it (the core records their number).
  const settingsCashier = useSettingsStore((x) => x.view?.cashier ?? '')
  const defaultCashier = useOperatorsStore((x) => x.status?.signedIn?.name) ?? settingsCashier
  const [cashier, setCashier] = useState('')
  const [float, setFloat] = useState('0')
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => void useShiftStore.getState().load(), [])

  const open = async () => {
    const name = (cashier || defaultCashier).trim()
    const floatFen = parseYuan(float)
    if (!name) return setProblem(t('shift.needCashier'))
    if (floatFen === null) return setProblem(t('shift.invalidFloat'))
    const r = await useShiftStore.getState().open(name, floatFen)
    setProblem(r.ok ? null : t('shift.failedCall', { message: errorText(t, r.error) }))
  }
  const x = async () => {
    const r = await useShiftStore.getState().xReport()
    setProblem(r.ok ? null : t('shift.failedCall', { message: errorText(t, r.error) }))
  }
  return (
    <div className="shift">
      <div className="shift-controls no-print">
        {s.error && <Alert type="error" showIcon title={t('shift.failedCall', { message: errorText(t, s.error) })} />}
        {s.current ? (
          <Card title={t('shift.current')} data-testid="shift-current">
            <p>
              {t('shift.cashier')}: <strong>{s.current.cashier}</strong>
            </p>
            <p>
              {t('shift.opened')}: {dateTime(s.current.openedAt)}
            </p>
            <div className="button-row">
              <Button size="large" onClick={() => void x()} data-testid="shift-x">
                {t('shift.x')}
              </Button>
            </div>
          </Card>
        ) : (
          <Card title={t('shift.none')} data-testid="shift-open-card">
            <div className="form-grid">
              <label>{t('shift.cashier')}</label>
              <Input value={cashier} placeholder={defaultCashier} maxLength={64} onChange={(e) => setCashier(e.target.value)} data-testid="shift-cashier" />
              <label>{t('shift.float')}</label>
              <Input value={float} inputMode="decimal" maxLength={12} onChange={(e) => setFloat(e.target.value)} data-testid="shift-float" />
            </div>
            <Button size="large" type="primary" onClick={() => void open()} data-testid="shift-open">
              {t('shift.open')}
            </Button>
          </Card>
        )}
        {s.current && <DrawerCountForm />}
        {s.current && <CashCard />}
        {problem && <Alert type="error" showIcon title={problem} data-testid="shift-problem" />}
        <ReconcilePanel />
        <PastShifts />
      </div>
      {s.report && <ReportView report={s.report} />}
    </div>
  )
}
