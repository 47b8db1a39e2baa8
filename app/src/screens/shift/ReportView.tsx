// An X or Z report in receipt layout: printable (window.print with the
// receipt-width print stylesheet) and exportable as CSV.
import { App, Button } from 'antd'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { ShiftReport } from '../../../../electron/shared/contract'
import { formatYuan } from '../../../../electron/shared/money'
import { reportCsv } from '../../lib/csv'
import { errorText } from '../../lib/error-text'
import { dateTime } from '../../lib/format'
import { messageText } from '../../lib/message-text'
import { useCashStore } from '../../state/cash-store'
import { useSettingsStore } from '../../state/settings-store'
import { overShortClass } from './DrawerCountForm'

function download(report: ShiftReport) {
  const blob = new Blob([reportCsv(report)], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = `shift-${report.shift.id}-${report.kind}.csv`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function ReportView({ report }: { report: ShiftReport }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  // The receipt printer's answer, said (the button was silent).
  const printReceipt = async () => {
    const r = await useCashStore.getState().print({ kind: 'report', ...(report.kind === 'Z' ? { shiftId: report.shift.id } : {}) })
    if (r.ok) void message.success(t('cash.printed'))
    else void message.error(t('cash.failed', { message: errorText(t, r.error) }))
  }
  const { storeName, deviceId, mode } = useSettingsStore(
    useShallow((s) => ({ storeName: s.view?.storeName ?? '', deviceId: s.view?.deviceId ?? '', mode: s.view?.mode })),
  )
  const line = (label: string, value: string, testId?: string) => (
    <div className="receipt-line">
      <span>{label}</span>
      <span data-testid={testId}>{value}</span>
    </div>
  )
  return (
    <div className="report-wrap">
      <div className="button-row no-print">
        <Button size="large" type="primary" onClick={() => void printReceipt()} data-testid="report-receipt">
          {t('cash.printReceipt')}
        </Button>
        <Button size="large" onClick={() => window.print()} data-testid="report-print">
          {t('shift.print')}
        </Button>
        <Button size="large" onClick={() => download(report)} data-testid="report-csv">
          {t('shift.csv')}
        </Button>
      </div>
      <article className="receipt print-area" data-testid="report" data-kind={report.kind}>
        {storeName && <div className="receipt-store">{storeName}</div>}
        <h2>{t('shift.report', { kind: report.kind })}</h2>
        {/* The on-screen banner does not print: a demo report must still say it is not real money. */}
        {mode === 'demo' && (
          <div className="receipt-demo" data-testid="report-demo">
            DEMO · {t('shift.demoReport')}
          </div>
        )}
        {deviceId && line(t('settings.deviceId'), deviceId)}
        {line(t('shift.cashier'), report.shift.cashier)}
        {line(t('shift.opened'), dateTime(report.shift.openedAt))}
        {line(t('shift.generated'), dateTime(report.generatedAt))}
        <hr />
        {line(t('shift.floatShort'), formatYuan(report.shift.floatFen))}
        {report.shift.floatSource && line(t('handover.floatFrom'), t('handover.floatFromValue', { shift: report.shift.floatSource.fromShiftId, amount: formatYuan(report.shift.floatSource.carriedFen) }), 'report-float-source')}
        {report.shift.floatSource?.reason && line('', t('handover.floatReason', { reason: report.shift.floatSource.reason }))}
        {line(`${t('shift.paid')} (${report.paid.count})`, formatYuan(report.paid.amountFen), 'report-paid')}
        {line(`${t('shift.refunded')} (${report.refunded.count})`, formatYuan(-report.refunded.amountFen), 'report-refunded')}
        {line(t('shift.net'), formatYuan(report.netFen), 'report-net')}
        {line(t('shift.expected'), formatYuan(report.expectedFen), 'report-expected')}
        {line(t('shift.cancelled'), String(report.cancelled))}
        {line(t('shift.failed'), String(report.failed))}
        {report.cash && (
          <>
            <hr />
            <h3>{t('cash.report.drawer')}</h3>
            {line(t('cash.report.float'), formatYuan(report.cash.floatFen))}
            {line(`${t('cash.report.sales')} (${report.cash.sales.count})`, formatYuan(report.cash.sales.amountFen), 'report-cash-sales')}
            {line(`${t('cash.report.refunds')} (${report.cash.refunds.count})`, formatYuan(-report.cash.refunds.amountFen))}
            {line(`${t('cash.report.paidIn')} (${report.cash.paidIn.count})`, formatYuan(report.cash.paidIn.amountFen))}
            {line(`${t('cash.report.paidOut')} (${report.cash.paidOut.count})`, formatYuan(-report.cash.paidOut.amountFen), 'report-paid-out')}
            {line(t('cash.report.noSales'), t('cash.report.times', { count: report.cash.noSales }))}
            {line(t('cash.count.expected'), formatYuan(report.cash.expectedFen))}
            {report.cash.count && (
              <>
                {line(t('cash.count.counted'), formatYuan(report.cash.count.countedFen), 'report-counted')}
                <div className={`receipt-line ${overShortClass(report.cash.count.overShortFen)}`}>
                  <span>{t('cash.count.overShort')}</span>
                  <span data-testid="report-over-short">{formatYuan(report.cash.count.overShortFen)}</span>
                </div>
                {report.cash.count.takenOutFen !== undefined && line(t('handover.reportTakenOut'), formatYuan(-report.cash.count.takenOutFen), 'report-taken-out')}
                {report.cash.count.takenOutFen !== undefined && line(t('handover.reportLeft'), formatYuan(report.cash.count.leftFen ?? 0), 'report-left')}
              </>
            )}
          </>
        )}
        <hr />
        <h3>{report.cash ? t('cash.report.wallets') : t('shift.byPaytype')}</h3>
        {report.byPaytype.map((p) => (
          <Fragment key={p.paytype}>
            {line(`${t(`paytype.${p.paytype}`)} (${p.paid.count})`, formatYuan(p.paid.amountFen))}
            {p.refunded.count > 0 && line(`  ${t('shift.refunded')} (${p.refunded.count})`, `-${formatYuan(p.refunded.amountFen)}`)}
          </Fragment>
        ))}
        <h3>{t('shift.byMethod')}</h3>
        {report.byMethod.map((m) => (
          <Fragment key={m.method}>{line(`${t(`method.${m.method}`)} (${m.paid.count})`, formatYuan(m.paid.amountFen))}</Fragment>
        ))}
        {report.kind === 'Z' && (
          <p className="receipt-reconciled" data-testid="report-reconciled">
            {report.reconciliation
              ? t('shift.reconciled', { at: dateTime(report.reconciliation.at), orders: report.reconciliation.orders, differences: report.reconciliation.differences })
              : t('shift.notReconciled')}
          </p>
        )}
        {report.attention.length > 0 && (
          <>
            <h3>{t('shift.attention')}</h3>
            {report.attention.map((a) => (
              <Fragment key={a.outTradeNo}>{line(a.outTradeNo, a.refund ? t('messages.refund', { text: messageText(t, a.reason) }) : messageText(t, a.reason))}</Fragment>
            ))}
          </>
        )}
      </article>
    </div>
  )
}
