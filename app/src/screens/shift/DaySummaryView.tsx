// The day summary (日结) of this counter: past business days on the left, the
// chosen day on the right — totals, wallets by paytype, the drawer summed over
// the day's shifts, one line per operator, the shifts — and its day receipt.
// Supervisor and above: a cashier gets the core's refusal and an approval form.
import { Alert, App, Button, Card, Input, Table } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DaySummary } from '../../../../electron/shared/contract'
import { formatYuan } from '../../../../electron/shared/money'
import { dateTime } from '../../lib/format'
import { useDayStore } from '../../state/day-store'
import { proofOf, useOperatorsStore } from '../../state/operators-store'
import { opsErrorText } from '../operators/ops-error'
import { overShortClass } from './DrawerCountForm'
import { errorText } from '../../lib/error-text'
import { DayDrawerCard } from './DayDrawerCard'

type OperatorLine = DaySummary['operators'][number]

export function DaySummaryView() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { days, summary, error } = useDayStore()
  const [approver, setApprover] = useState('')
  const [pin, setPin] = useState('')
  const proof = pin ? proofOf(approver, pin) : undefined

  // Asked again whenever someone else signs in (a cashier's refusal is not the supervisor's).
  const signedIn = useOperatorsStore((x) => x.status?.signedIn?.operatorNo ?? null)
  useEffect(() => void useDayStore.getState().load(), [signedIn])

  const print = async (day: string) => {
    const r = await useDayStore.getState().print(day, proof)
    if (r.ok) void message.success(t('day.printed'))
    else void message.error(opsErrorText(t, r.error))
  }
  const refused = error && ['ROLE_REQUIRED', 'PIN_REQUIRED', 'PIN_INVALID', 'PIN_LOCKED', 'COUNTER_LOCKED'].includes(error.code)
  const line = (label: string, value: string, testId?: string, className = '') => (
    <div className={`receipt-line ${className}`}>
      <span>{label}</span>
      <span data-testid={testId}>{value}</span>
    </div>
  )

  return (
    <div className="day-summary" data-testid="day-summary">
      <div className="day-side">
        {refused && (
          <Card title={t('day.title')} data-testid="day-refused">
            <Alert type="warning" showIcon title={t('day.needSupervisor')} description={opsErrorText(t, error)} />
            <div className="form-grid day-approval">
              <label>{t('ops.approverNo')}</label>
              <Input value={approver} maxLength={4} inputMode="numeric" onChange={(e) => setApprover(e.target.value.replace(/\D/g, ''))} data-testid="day-approver" />
              <label>{t('shift.pin')}</label>
              <Input.Password value={pin} maxLength={12} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} data-testid="day-pin" />
            </div>
            <Button type="primary" size="large" onClick={() => void useDayStore.getState().load(proof)} data-testid="day-approve">
              {t('day.show')}
            </Button>
          </Card>
        )}
        {error && !refused && <Alert type="error" showIcon title={t('shift.failedCall', { message: errorText(t, error) })} />}
        {!refused && (
          <Card title={t('day.days')} data-testid="day-list">
            {days.length === 0 && <p>{t('day.noDays')}</p>}
            {days.map((d) => (
              <div key={d.day} className={`day-row ${summary?.day === d.day ? 'selected' : ''}`} data-testid="day-row" data-day={d.day}>
                <Button type={summary?.day === d.day ? 'primary' : 'default'} onClick={() => void useDayStore.getState().show(d.day, proof)}>
                  {d.day}
                </Button>
                <span className="sub">
                  {t('day.shifts', { count: d.shifts })}
                  {d.openShifts > 0 && ` · ${t('day.open', { count: d.openShifts })}`}
                </span>
                <Button size="small" onClick={() => void print(d.day)} data-testid="day-reprint">
                  {t('cash.reprint')}
                </Button>
              </div>
            ))}
          </Card>
        )}
      </div>
      {summary && !refused && (
        <article className="day-main" data-testid="day-view" data-day={summary.day}>
          <div className="day-head">
            <h2>{t('day.summary', { day: summary.day })}</h2>
            <Button size="large" onClick={() => void print(summary.day)} data-testid="day-print">
              {t('day.print')}
            </Button>
          </div>
          {summary.openShifts > 0 && <Alert type="warning" showIcon title={t('day.openWarning', { count: summary.openShifts })} />}
          <div className="day-cards">
            <Card size="small" title={t('day.totals')}>
              {line(`${t('day.sales')} (${summary.paid.count})`, formatYuan(summary.paid.amountFen), 'day-paid')}
              {line(`${t('day.refunds')} (${summary.refunded.count})`, formatYuan(-summary.refunded.amountFen), 'day-refunded')}
              {line(t('day.net'), formatYuan(summary.netFen), 'day-net')}
              <h4>{t('day.wallets')}</h4>
              {summary.byPaytype.map((p) => line(`${t(`paytype.${p.paytype}`)} (${p.paid.count})`, formatYuan(p.paid.amountFen - p.refunded.amountFen), `day-paytype-${p.paytype}`))}
            </Card>
            <DayDrawerCard cash={summary.cash} />
          </div>
          <div data-testid="day-operators">
          <Table<OperatorLine>
            size="small"
            rowKey={(o) => o.operatorNo ?? o.name}
            pagination={false}
            title={() => <strong>{t('day.operators')}</strong>}
            dataSource={summary.operators}
            onRow={(o) => ({ 'data-operator': o.operatorNo ?? '' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('day.operator'), key: 'op', render: (_: unknown, o) => (o.operatorNo ? `${o.operatorNo} ${o.name}` : o.name) },
              { title: t('day.sales'), key: 'sales', align: 'right', render: (_: unknown, o) => `${formatYuan(o.sales.amountFen)} (${o.sales.count})` },
              { title: t('day.refunds'), key: 'refunds', align: 'right', render: (_: unknown, o) => (o.refunds.count ? `${formatYuan(-o.refunds.amountFen)} (${o.refunds.count})` : '—') },
              { title: t('day.overShort'), key: 'os', align: 'right', render: (_: unknown, o) => (o.shiftsClosed ? <span className={overShortClass(o.overShortFen)}>{formatYuan(o.overShortFen)}</span> : '—') },
              { title: t('day.shiftsClosed'), dataIndex: 'shiftsClosed', align: 'right' },
            ]}
          />
          </div>
          <div data-testid="day-shifts">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            title={() => <strong>{t('day.shiftList')}</strong>}
            dataSource={summary.shifts}
            columns={[
              { title: t('day.cashier'), dataIndex: 'cashier' },
              { title: t('day.openedAt'), dataIndex: 'openedAt', render: (at: number) => dateTime(at) },
              { title: t('day.closedAt'), dataIndex: 'closedAt', render: (at: number | null) => (at ? dateTime(at) : t('day.notClosed')) },
            ]}
          />
          </div>
        </article>
      )}
    </div>
  )
}
