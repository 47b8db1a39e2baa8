// One store report (门店日结 or store X) as the store database gave it: the
// store's totals, one card per counter with its drawer, a line per operator
// and per payment type. Amounts as ¥ text; refunds shown negative, as on the
// counter's own day summary.
import { Card, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StoreReportView, StoreTotals } from '../../../../electron/shared/contract'
import { formatYuan } from '../../../../electron/shared/money'
import { overShortClass } from '../shift/DrawerCountForm'

type Drawer = StoreReportView['drawers'][number]
type OperatorLine = StoreReportView['byOperator'][number]
type PaytypeLine = StoreReportView['byPaytype'][number]

function Line({ label, value, testId, className = '' }: { label: string; value: string; testId?: string; className?: string }) {
  return (
    <div className={`receipt-line ${className}`}>
      <span>{label}</span>
      <span data-testid={testId}>{value}</span>
    </div>
  )
}

function TotalsLines({ totals, testId }: { totals: StoreTotals; testId: string }) {
  const { t } = useTranslation()
  return (
    <>
      <Line label={`${t('storeReport.sales')} (${totals.salesCount})`} value={formatYuan(totals.salesFen)} testId={`${testId}-sales`} />
      <Line label={`${t('storeReport.refunds')} (${totals.refundsCount})`} value={formatYuan(-totals.refundsFen)} testId={`${testId}-refunds`} />
      <Line label={t('storeReport.net')} value={formatYuan(totals.netFen)} testId={`${testId}-net`} className="strong" />
    </>
  )
}

function DrawerLines({ d }: { d: Drawer }) {
  const { t } = useTranslation()
  return (
    <>
      <h4>{t('storeReport.drawer')}</h4>
      <Line label={t('storeReport.float')} value={formatYuan(d.floatFen)} />
      <Line label={t('storeReport.cashSales')} value={formatYuan(d.cashSalesFen)} />
      <Line label={t('storeReport.cashRefunds')} value={formatYuan(-d.cashRefundsFen)} />
      <Line label={t('storeReport.paidIn')} value={formatYuan(d.paidInFen)} />
      <Line label={t('storeReport.paidOut')} value={formatYuan(-d.paidOutFen)} />
      <Line label={t('storeReport.expected')} value={formatYuan(d.expectedFen)} testId={`store-report-expected-${d.counterId}`} />
      <Line label={t('storeReport.counted', { count: d.counts })} value={d.counts ? formatYuan(d.countedFen) : '—'} />
      <Line label={t('storeReport.overShort')} value={d.counts ? formatYuan(d.overShortFen) : '—'} className={d.counts ? overShortClass(d.overShortFen) : ''} />
      <Line label={t('storeReport.takenOut')} value={formatYuan(d.takenOutFen)} />
    </>
  )
}

export function StoreReportBody({ report }: { report: StoreReportView }) {
  const { t } = useTranslation()
  const counters = [...new Set([...report.byCounter.map((c) => c.counterId), ...report.drawers.map((d) => d.counterId)])].sort()
  const none: StoreTotals = { salesCount: 0, salesFen: 0, refundsCount: 0, refundsFen: 0, netFen: 0 }
  const amounts = (l: StoreTotals) => [
    `${formatYuan(l.salesFen)} (${l.salesCount})`,
    l.refundsCount ? `${formatYuan(-l.refundsFen)} (${l.refundsCount})` : '—',
    formatYuan(l.netFen),
  ]
  const moneyColumns = <T extends StoreTotals>() => [
    { title: t('storeReport.sales'), key: 's', align: 'right' as const, render: (_: unknown, l: T) => amounts(l)[0] },
    { title: t('storeReport.refunds'), key: 'r', align: 'right' as const, render: (_: unknown, l: T) => amounts(l)[1] },
    { title: t('storeReport.net'), key: 'n', align: 'right' as const, render: (_: unknown, l: T) => amounts(l)[2] },
  ]
  const paytypeName = (p: string) => (p === 'CASH' ? t('storeReport.cash') : t(`paytype.${p}`, { defaultValue: p }))

  return (
    <div className="store-report-body">
      {report.total.salesCount + report.total.refundsCount === 0 && <p className="muted" data-testid="store-report-empty">{t('storeReport.empty')}</p>}
      <div className="day-cards">
        <Card size="small" title={t('storeReport.totals')} data-testid="store-report-total">
          <TotalsLines totals={report.total} testId="store-report-total" />
        </Card>
        {counters.map((id) => {
          const drawer = report.drawers.find((d) => d.counterId === id)
          return (
            <Card key={id} size="small" title={t('storeReport.counter', { counterId: id })} data-testid="store-report-counter" data-counter={id}>
              <TotalsLines totals={report.byCounter.find((c) => c.counterId === id) ?? none} testId={`store-report-counter-${id}`} />
              {drawer ? <DrawerLines d={drawer} /> : <p className="muted">{t('storeReport.noDrawer')}</p>}
            </Card>
          )
        })}
      </div>
      <div className="store-report-tables">
        <div data-testid="store-report-operators">
          <Table<OperatorLine>
            size="small"
            rowKey="operatorNo"
            pagination={false}
            title={() => <strong>{t('storeReport.operators')}</strong>}
            dataSource={report.byOperator}
            columns={[
              { title: t('storeReport.operator'), key: 'op', render: (_: unknown, o) => (o.operatorNo ? `${o.operatorNo} ${o.name ?? ''}` : t('storeReport.noOperator')) },
              ...moneyColumns<OperatorLine>(),
            ]}
          />
        </div>
        <div data-testid="store-report-wallets">
          <Table<PaytypeLine>
            size="small"
            rowKey="paytype"
            pagination={false}
            title={() => <strong>{t('storeReport.wallets')}</strong>}
            dataSource={report.byPaytype}
            columns={[{ title: t('storeReport.paytype'), key: 'p', render: (_: unknown, p) => paytypeName(p.paytype) }, ...moneyColumns<PaytypeLine>()]}
          />
        </div>
      </div>
    </div>
  )
}
