// 门店日结 / Store day report on the 门店 screen: pick a Beijing day (today by
// default) or ask for the store X report (today 00:00 to now). Supervisor and
// above, like the counter's day summary: a cashier gets the core's refusal and
// an approval form (number + PIN). With the store database away it says so
// and points to the Shift screen, where this counter's own reports still work.
import { Alert, Button, Card, Input } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { beijingDay, beijingDayBounds, beijingTodaySoFar } from '../../../../electron/shared/beijing-day'
import { dateTime } from '../../lib/format'
import { errorText } from '../../lib/error-text'
import { proofOf, useOperatorsStore } from '../../state/operators-store'
import { useStoreDbStore, type StoreReportRange } from '../../state/store-db-store'
import { ApproverInput } from '../operators/ApproverInput'
import { opsErrorText } from '../operators/ops-error'
import { StoreReportBody } from './StoreReportBody'

const REFUSALS = ['ROLE_REQUIRED', 'PIN_REQUIRED', 'PIN_INVALID', 'PIN_LOCKED', 'COUNTER_LOCKED']

export function StoreReportPanel() {
  const { t } = useTranslation()
  const report = useStoreDbStore((s) => s.report)
  const range = useStoreDbStore((s) => s.reportRange)
  const error = useStoreDbStore((s) => s.reportError)
  const [day, setDay] = useState(() => beijingDay(Date.now()))
  const [approver, setApprover] = useState('')
  const [pin, setPin] = useState('')
  const [badDay, setBadDay] = useState(false)

  // Someone else signed in: the last answer (or refusal) was not theirs; forget it.
  const signedIn = useOperatorsStore((x) => x.status?.signedIn?.operatorNo ?? null)
  const [seenSignedIn, setSeenSignedIn] = useState(signedIn)
  if (seenSignedIn !== signedIn) {
    setSeenSignedIn(signedIn)
    setPin('')
  }
  useEffect(() => useStoreDbStore.setState({ report: null, reportRange: null, reportError: null }), [signedIn])

  const ask = (next: StoreReportRange) => {
    // Kept while on this screen, as the counter's day summary keeps it (the next day or X asks with it).
    const proof = pin ? proofOf(approver, pin) : undefined
    void useStoreDbStore.getState().loadReport(next, proof)
  }
  const showDay = () => {
    const b = beijingDayBounds(day)
    setBadDay(!b)
    if (b) ask({ kind: 'day', day, ...b })
  }
  const showX = () => ask({ kind: 'x', ...beijingTodaySoFar(Date.now()) })
  // After an approval the same question again (an X report up to the new now).
  const again = () => (range?.kind === 'x' ? showX() : range ? ask({ ...range }) : showDay())

  const refused = error && REFUSALS.includes(error.code)
  const unreachable = error?.code === 'STORE_UNREACHABLE'

  return (
    <Card title={t('storeReport.title')} data-testid="store-report">
      <div className="store-report-controls">
        <label htmlFor="store-report-day">{t('storeReport.day')}</label>
        <Input id="store-report-day" type="date" value={day} onChange={(e) => setDay(e.target.value)} style={{ width: 170 }} data-testid="store-report-day" />
        <Button type="primary" onClick={showDay} data-testid="store-report-show">
          {t('storeReport.showDay')}
        </Button>
        <Button onClick={showX} data-testid="store-report-x">
          {t('storeReport.showX')}
        </Button>
      </div>
      {badDay && <Alert type="warning" showIcon title={t('storeReport.badDay')} />}
      {refused && (
        <div data-testid="store-report-refused">
          <Alert type="warning" showIcon title={t('storeReport.needSupervisor')} description={opsErrorText(t, error)} />
          <div className="form-grid day-approval">
            <ApproverInput value={approver} onChange={setApprover} label={t('ops.approverNo')} testId="store-report-approver" />
            <label htmlFor="store-report-pin">{t('shift.pin')}</label>
            <Input.Password id="store-report-pin" value={pin} maxLength={12} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} onPressEnter={again} data-testid="store-report-pin" />
          </div>
          <Button type="primary" onClick={again} data-testid="store-report-approve">
            {t('storeReport.show')}
          </Button>
        </div>
      )}
      {unreachable && <Alert type="warning" showIcon title={t('storeReport.unreachable', { reason: errorText(t, error) })} description={t('storeReport.ownReports')} data-testid="store-report-unreachable" />}
      {error && !refused && !unreachable && <Alert type="error" showIcon title={t('storeReport.failed', { message: errorText(t, error) })} data-testid="store-report-error" />}
      {report && range && !error && (
        <>
          <h3 data-testid="store-report-range">{range.kind === 'day' ? t('storeReport.rangeDay', { day: range.day }) : t('storeReport.rangeX', { time: dateTime(range.to) })}</h3>
          <StoreReportBody report={report} />
        </>
      )}
    </Card>
  )
}
