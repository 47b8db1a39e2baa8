// The day's drawer on the day summary (日结): one drawer through the day, as
// the core decides it (electron/shifts/day-cash.ts) — opening float, cash in
// and out, what went to the safe at handovers, expected and counted at the
// day's end, the shifts' over/short summed, the last drop and what is left.
import { Alert, Card } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DaySummary } from '../../../../electron/shared/contract'
import { formatYuan } from '../../../../electron/shared/money'
import { overShortClass } from './DrawerCountForm'

export function DayDrawerCard({ cash: c }: { cash: DaySummary['cash'] }) {
  const { t } = useTranslation()
  const takenBefore = c.takenOutFen - c.takenOutAtEndFen
  const line = (label: string, value: string, testId: string, className = '') => (
    <div className={`receipt-line ${className}`}>
      <span>{label}</span>
      <span data-testid={testId}>{value}</span>
    </div>
  )
  return (
    <Card size="small" title={t('day.drawer')}>
      {/* One drawer through the day, as the core decides it (electron/shifts/day-cash.ts): each line adds up to 应有现金（日终）. */}
      {line(t('day.floats'), formatYuan(c.openingFloatFen), 'day-floats')}
      {c.floatAddedFen !== 0 && line(t('day.floatAdded'), formatYuan(c.floatAddedFen), 'day-float-added')}
      {line(`${t('cash.report.sales')} (${c.sales.count})`, formatYuan(c.sales.amountFen), 'day-cash-sales')}
      {line(`${t('cash.report.refunds')} (${c.refunds.count})`, formatYuan(-c.refunds.amountFen), 'day-cash-refunds')}
      {line(t('day.paidIn'), formatYuan(c.paidIn.amountFen), 'day-paid-in')}
      {line(t('day.paidOut'), formatYuan(-c.paidOut.amountFen), 'day-paid-out')}
      {line(t('day.cashNet'), formatYuan(c.netFen), 'day-cash-net')}
      {takenBefore !== 0 && line(t('day.takenOutBefore'), formatYuan(-takenBefore), 'day-taken-out-before')}
      {line(t('day.expected'), formatYuan(c.expectedFen), 'day-expected')}
      {line(t('day.counted'), c.countedFen === null ? t('day.notCounted') : formatYuan(c.countedFen), 'day-counted')}
      {line(t('day.overShortDay'), formatYuan(c.overShortFen), 'day-over-short', overShortClass(c.overShortFen))}
      {c.takenOutAtEndFen !== 0 && line(t('day.takenOutAtEnd'), formatYuan(-c.takenOutAtEndFen), 'day-taken-out-end')}
      {c.leftFen !== null && line(t('day.left'), formatYuan(c.leftFen), 'day-left')}
      {line(t('day.takenOut'), formatYuan(c.takenOutFen), 'day-taken-out')}
      {c.uncountedShifts > 0 && <Alert type="warning" showIcon title={t('day.uncounted', { count: c.uncountedShifts })} data-testid="day-uncounted" />}
    </Card>
  )
}
