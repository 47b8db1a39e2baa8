// Orders: today's list by default, search by text/state/wallet, attention first.
import { Alert, Button, Input, Segmented, Select, Switch, Table, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { OrderState, PayType, type OrderQuery, type OrderView } from '../../../../electron/shared/contract'
import { formatYuan } from '../../../../electron/shared/money'
import { dateTime, startOfDay } from '../../lib/format'
import { messageText } from '../../lib/message-text'
import { useOrdersStore } from '../../state/orders-store'
import { OrderDetailDrawer } from './OrderDetailDrawer'
import { StateTag } from './StateTag'
import { errorText } from '../../lib/error-text'
import { walletText } from './wallet-text'

export function OrdersScreen() {
  const { t } = useTranslation()
  const s = useOrdersStore(useShallow((o) => ({ items: o.items, total: o.total, totalCapped: o.totalCapped, loading: o.loading, error: o.error })))
  const rechecking = useOrdersStore((o) => o.rechecking)
  const [text, setText] = useState('')
  const [range, setRange] = useState<'today' | 'all'>('today')
  const [state, setState] = useState<OrderState | undefined>()
  const [paytype, setPaytype] = useState<PayType | undefined>()
  const [attentionOnly, setAttentionOnly] = useState(false)

  const query = (): OrderQuery => ({
    limit: 100,
    ...(text.trim() ? { text: text.trim() } : {}),
    ...(range === 'today' ? { from: startOfDay(Date.now()) } : {}),
    ...(state ? { state } : {}),
    ...(paytype ? { paytype } : {}),
    ...(attentionOnly ? { needsAttention: true } : {}),
  })
  // Re-query whenever a filter changes (text searches on Enter / button).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void useOrdersStore.getState().search(query()), [range, state, paytype, attentionOnly])

  // Orders needing a person come first, then newest first.
  const rows = [...s.items].sort((a, b) => Number(b.attention !== null) - Number(a.attention !== null) || b.createdAt - a.createdAt)

  return (
    <div className="orders">
      <div className="toolbar">
        <Segmented
          value={range}
          onChange={(v) => setRange(v as 'today' | 'all')}
          options={[
            { label: t('orders.today'), value: 'today' },
            { label: t('orders.all'), value: 'all' },
          ]}
        />
        <Input.Search
          className="order-search"
          placeholder={t('orders.search')}
          value={text}
          maxLength={64}
          onChange={(e) => setText(e.target.value)}
          onSearch={() => void useOrdersStore.getState().search(query())}
          enterButton={t('orders.searchBtn')}
          data-testid="order-search"
        />
        <Select
          allowClear
          placeholder={t('orders.anyState')}
          value={state}
          onChange={setState}
          style={{ width: 150 }}
          options={OrderState.options.map((v) => ({ value: v, label: t(`state.${v}`) }))}
        />
        <Select
          allowClear
          placeholder={t('orders.anyPaytype')}
          value={paytype}
          onChange={setPaytype}
          style={{ width: 150 }}
          options={PayType.options.map((v) => ({ value: v, label: t(`paytype.${v}`) }))}
        />
        <label className="switch-label">
          <Switch checked={attentionOnly} onChange={setAttentionOnly} /> {t('orders.attentionOnly')}
        </label>
      </div>
      {s.error && <Alert type="error" showIcon title={t('orders.loadFailed', { message: errorText(t, s.error) })} />}
      <Table<OrderView>
        rowKey="outTradeNo"
        size="middle"
        loading={s.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 'calc(100vh - 290px)' }}
        locale={{ emptyText: t('orders.empty') }}
        rowClassName={(o) => (o.attention ? 'row-attention' : '')}
        onRow={(o) => ({ onClick: () => void useOrdersStore.getState().open(o.outTradeNo), style: { cursor: 'pointer' } })}
        footer={() => t('orders.total', { count: s.totalCapped ? `${s.total}+` : s.total })}
        columns={[
          { title: t('orders.time'), dataIndex: 'createdAt', width: 150, render: (v: number) => dateTime(v) },
          { title: t('orders.no'), dataIndex: 'outTradeNo', render: (v: string) => <code>{v}</code> },
          { title: t('orders.amount'), dataIndex: 'amountFen', align: 'right', width: 120, render: (v: number) => <strong>{formatYuan(v)}</strong> },
          { title: t('orders.paytype'), dataIndex: 'paytype', width: 150, render: (_: unknown, o) => walletText(t, o) },
          {
            title: t('orders.state'),
            key: 'state',
            width: 200,
            render: (_: unknown, o) => (
              <>
                <StateTag state={o.state} />
                {o.refundedFen > 0 && (
                  <Tag color="purple">
                    {t('orders.refunded')} {formatYuan(o.refundedFen)}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('orders.attention'),
            key: 'attention',
            render: (_: unknown, o) =>
              o.attention ? (
                <span className="attention-cell">
                  <span>{messageText(t, o.attention)}</span>
                  <Button
                    size="small"
                    loading={o.outTradeNo in rechecking}
                    onClick={(e) => (e.stopPropagation(), void useOrdersStore.getState().recheck(o.outTradeNo))}
                    data-testid="row-recheck"
                  >
                    {t('orders.recheck')}
                  </Button>
                </span>
              ) : null,
          },
        ]}
      />
      <OrderDetailDrawer />
    </div>
  )
}
