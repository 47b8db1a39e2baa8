// The store dashboard (门店): today's totals of every counter, how fresh each
// counter's copy is, orders needing a person, and a search over every
// counter's orders. Read-only; it asks the store database through the core and
// says plainly when that cannot answer (this counter's own screens still work).
// A paid wallet order of any counter can be refunded from here (issue 16): the
// dialog names the counter that took it, and the core enforces the store-wide cap.
// Below: the store day report / store X report (StoreReportPanel, supervisor+).
import { Alert, Button, Input, Table } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { formatYuan, parseYuan } from '../../../../electron/shared/money'
import { dateTime } from '../../lib/format'
import { useSettingsStore } from '../../state/settings-store'
import { useStoreDbStore } from '../../state/store-db-store'
import { RefundDialog, type RefundTarget } from '../orders/RefundDialog'
import { StoreReportPanel } from './StoreReportPanel'
import type { StoreOrderView } from '../../../../electron/shared/contract'

export function StoreScreen() {
  const { t } = useTranslation()
  const { status, dash, error, rows } = useStoreDbStore(useShallow((s) => ({ status: s.status, dash: s.dashboard, error: s.queryError, rows: s.orders })))
  const [query, setQuery] = useState('')
  const [refunding, setRefunding] = useState<RefundTarget | null>(null)
  const ownId = useSettingsStore((s) => s.view?.deviceId)
  const configured = status?.configured ?? false

  useEffect(() => {
    if (!configured) return
    void useStoreDbStore.getState().loadDashboard()
    const timer = setInterval(() => void useStoreDbStore.getState().loadDashboard(), 5_000)
    return () => clearInterval(timer)
  }, [configured])

  const refundable = (o: StoreOrderView) => o.state === 'paid' && o.method !== 'cash' && o.refundableFen > 0
  const refund = (o: StoreOrderView) =>
    setRefunding({ outTradeNo: o.outTradeNo, refundableFen: o.refundableFen, ...(o.counterId !== ownId ? { counterId: o.counterId } : {}) })

  const search = () => {
    const text = query.trim()
    // A short number is an amount in yuan (25 → ¥25.00); anything else part of an order or transaction number.
    const amountFen = /^\d{1,7}(\.\d{1,2})?$/.test(text) ? parseYuan(text) : null
    void useStoreDbStore.getState().searchOrders(amountFen !== null ? { amountFen } : { text })
  }

  if (!configured) return <Alert type="info" showIcon title={t('storeScreen.notConfigured')} data-testid="store-not-configured" />

  return (
    <div className="store-screen">
      {error && <Alert type="warning" showIcon title={t('storeScreen.unreachable')} data-testid="store-unreachable" />}
      {dash && (
        <>
          <h2 data-testid="store-total">
            {t('storeScreen.today', { net: formatYuan(dash.total.netFen), count: dash.total.salesCount, refunds: formatYuan(dash.total.refundsFen) })}
          </h2>
          <Table
            size="small"
            rowKey="counterId"
            pagination={false}
            dataSource={dash.counters}
            data-testid="store-counters"
            columns={[
              { title: t('storeScreen.counter'), dataIndex: 'counterId' },
              { title: t('storeScreen.sales'), render: (_, c) => `${c.today.salesCount} · ${formatYuan(c.today.salesFen)}` },
              { title: t('storeScreen.refunds'), render: (_, c) => formatYuan(c.today.refundsFen) },
              { title: t('storeScreen.net'), render: (_, c) => formatYuan(c.today.netFen) },
              { title: t('storeScreen.lastCopy'), render: (_, c) => (c.lastBatchAt ? dateTime(c.lastBatchAt) : '—') },
              { title: t('storeScreen.attention'), render: (_, c) => (c.attention > 0 ? <strong className="attention-count">{c.attention}</strong> : 0) },
            ]}
          />
          <p className="muted">{t('storeScreen.updated', { time: dateTime(dash.at) })}</p>
        </>
      )}
      <div className="store-search">
        <Input value={query} maxLength={64} placeholder={t('storeScreen.searchPlaceholder')} onChange={(e) => setQuery(e.target.value)} onPressEnter={search} data-testid="store-search" />
        <Button type="primary" onClick={search} data-testid="store-search-go">
          {t('storeScreen.search')}
        </Button>
      </div>
      {rows && (
        <Table
          size="small"
          rowKey="outTradeNo"
          pagination={false}
          dataSource={rows}
          data-testid="store-orders"
          locale={{ emptyText: t('storeScreen.noOrders') }}
          columns={[
            { title: t('storeScreen.orderNo'), dataIndex: 'outTradeNo' },
            { title: t('storeScreen.counter'), dataIndex: 'counterId' },
            { title: t('storeScreen.amount'), render: (_, o) => formatYuan(o.amountFen) },
            { title: t('storeScreen.state'), render: (_, o) => t(`state.${o.state}`, { defaultValue: o.state }) },
            { title: t('storeScreen.time'), render: (_, o) => dateTime(o.createdAt) },
            {
              title: '',
              render: (_, o) =>
                refundable(o) ? (
                  <Button size="small" danger onClick={() => refund(o)} data-testid={`store-refund-${o.outTradeNo}`}>
                    {t('storeRefund.button')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      <StoreReportPanel />
      {refunding && (
        <RefundDialog
          target={refunding}
          onClose={() => {
            setRefunding(null)
            // The store copies the refund within moments; ask again so the row shows what remains.
            if (query.trim()) search()
          }}
        />
      )}
    </div>
  )
}
