// Shift: open with cashier + float (handover: the float carried from the last
// count), X report any time, close with the Z report; the day summary (日结) tab.
import { Alert, Button, Card, Tabs } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { formatYuan } from '../../../../electron/shared/money'
import { dateTime } from '../../lib/format'
import { useSettingsStore } from '../../state/settings-store'
import { useShiftStore } from '../../state/shift-store'
import { useOperatorsStore } from '../../state/operators-store'
import { CashCard } from './CashCard'
import { DaySummaryView } from './DaySummaryView'
import { DrawerCountForm } from './DrawerCountForm'
import { OpenShiftCard } from './OpenShiftCard'
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
  const [problem, setProblem] = useState<string | null>(null)
  const [tab, setTab] = useState('shift')

  useEffect(() => void useShiftStore.getState().load(), [])

  const x = async () => {
    const r = await useShiftStore.getState().xReport()
    setProblem(r.ok ? null : t('shift.failedCall', { message: errorText(t, r.error) }))
  }
  const source = s.current?.floatSource
  const shiftTab = (
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
            {source && (
              <p data-testid="shift-float-source">
                {t('handover.floatFrom')}: {t('handover.floatFromValue', { shift: source.fromShiftId, amount: formatYuan(source.carriedFen) })}
                {source.reason && ` · ${t('handover.floatReason', { reason: source.reason })}`}
              </p>
            )}
            <div className="button-row">
              <Button size="large" onClick={() => void x()} data-testid="shift-x">
                {t('shift.x')}
              </Button>
            </div>
          </Card>
        ) : (
          <OpenShiftCard key={s.current === null ? 'closed' : 'open'} defaultCashier={defaultCashier} />
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
  return (
    <Tabs
      className="shift-tabs"
      activeKey={tab}
      onChange={setTab}
      destroyOnHidden
      items={[
        { key: 'shift', label: <span data-testid="shift-tab-shift">{t('handover.tabShift')}</span>, children: shiftTab },
        { key: 'day', label: <span data-testid="shift-tab-day">{t('handover.tabDay')}</span>, children: <DaySummaryView /> },
      ]}
    />
  )
}
