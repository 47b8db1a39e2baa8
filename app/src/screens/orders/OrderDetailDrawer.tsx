// One order: facts, the journal's timeline, refunds, and the actions
// (refund behind the supervisor PIN, re-check when it needs attention).
import { Alert, App, Button, Descriptions, Drawer, Table, Tag, Timeline } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RefundView } from '../../../../electron/shared/contract'
import { formatYuan } from '../../../../electron/shared/money'
import { clockTime, dateTime } from '../../lib/format'
import { maybeText, messageText } from '../../lib/message-text'
import { collapseTimeline } from '../../lib/timeline'
import { useCashStore } from '../../state/cash-store'
import { useOrdersStore } from '../../state/orders-store'
import { ReceiptPreview } from '../settings/ReceiptPreview'
import { AcknowledgeButton } from './AcknowledgeButton'
import { RefundDialog } from './RefundDialog'
import { StateTag } from './StateTag'
import { refundStateText, walletText } from './wallet-text'
import { errorText } from '../../lib/error-text'

export function OrderDetailDrawer() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const detail = useOrdersStore((s) => s.detail)
  const error = useOrdersStore((s) => s.detailError)
  const [refunding, setRefunding] = useState(false)
  const order = detail?.order
  const rechecking = useOrdersStore((s) => order !== undefined && order.outTradeNo in s.rechecking)

  // The recheck settles in the background: say what it found once the order's final update arrives.
  const lastRecheck = useOrdersStore((s) => s.lastRecheck)
  const said = useRef(useOrdersStore.getState().lastRecheck?.at ?? null)
  useEffect(() => {
    if (!lastRecheck || said.current === lastRecheck.at) return
    said.current = lastRecheck.at
    const text = t('orders.recheckOk', { state: t(`state.${lastRecheck.state}`) })
    void (lastRecheck.state === 'review' ? message.warning(text) : message.success(text))
  }, [lastRecheck, message, t])

  const recheck = async () => {
    if (!order) return
    const r = await useOrdersStore.getState().recheck(order.outTradeNo)
    if (!r.ok) void message.error(errorText(t, r.error))
  }

  return (
    <Drawer
      open={detail !== null || error !== null}
      size={640}
      title={order ? `${formatYuan(order.amountFen)} · ${order.outTradeNo}` : t('orders.detail')}
      onClose={() => useOrdersStore.getState().close()}
      destroyOnHidden
      extra={
        order && (
          <span className="button-row">
            {order.state === 'paid' && (
              <Button size="large" onClick={() => void useCashStore.getState().print({ kind: 'sale', outTradeNo: order.outTradeNo })} data-testid="order-reprint">
                {t('cash.reprint')}
              </Button>
            )}
            <Button type="primary" size="large" disabled={!detail || detail.refundableFen <= 0} onClick={() => setRefunding(true)} data-testid="refund-open">
              {t('orders.refund')}
            </Button>
          </span>
        )
      }
    >
      {error && <Alert type="error" showIcon title={errorText(t, error)} />}
      {detail && order && (
        <div className="order-detail" data-testid="order-detail">
          {order.attention && (
            <Alert
              type="warning"
              showIcon
              title={messageText(t, order.attention)}
              description={
                <>
                  <div>{t('orders.step', { step: messageText(t, order.step) })}</div>
                  <div className="muted">{t(order.state === 'review' ? 'orders.reviewHelp' : 'orders.attentionHelp')}</div>
                </>
              }
              data-testid="attention"
              action={
                <div className="attention-actions">
                  <Button type="primary" loading={rechecking} onClick={() => void recheck()} data-testid="recheck">
                    {t('orders.recheck')}
                  </Button>
                  {order.state !== 'review' && <AcknowledgeButton outTradeNo={order.outTradeNo} />}
                </div>
              }
            />
          )}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('orders.state')}>
              <span data-testid="order-state">
                <StateTag state={order.state} />
              </span>
              {order.refundedFen > 0 && (
                <Tag color="purple" data-testid="order-refunded">
                  {t('orders.refunded')} {formatYuan(order.refundedFen)}
                </Tag>
              )}
            </Descriptions.Item>
            {detail.takenAt && (
              <Descriptions.Item label={t('storeRefund.takenAt')} span={2}>
                <span data-testid="order-taken-at">{detail.takenAt}</span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('orders.paytype')}>{walletText(t, order)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.amount')}>{formatYuan(order.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.refundable')}>
              <span data-testid="refundable">{formatYuan(detail.refundableFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.transactionId')} span={2}>
              {order.transactionId ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.time')}>{dateTime(order.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.cashier')}>{order.cashier || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('orders.body')} span={2}>
              {order.body || '—'}
            </Descriptions.Item>
            {order.failure && (
              <Descriptions.Item label={t('orders.failure')} span={2}>
                <span data-testid="order-failure">{messageText(t, order.failure.message)}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
          <h3>{t('orders.refunds')}</h3>
          <Table<RefundView>
            rowKey="outRefundNo"
            size="small"
            pagination={false}
            dataSource={detail.refunds}
            locale={{ emptyText: t('orders.noRefunds') }}
            columns={[
              { title: t('orders.time'), dataIndex: 'createdAt', render: (v: number) => dateTime(v) },
              { title: t('orders.amount'), dataIndex: 'amountFen', render: (v: number) => formatYuan(v) },
              { title: t('orders.state'), dataIndex: 'state', render: (_: unknown, r) => refundStateText(t, r) },
              { title: t('orders.failure'), key: 'f', render: (_: unknown, r) => maybeText(t, r.failure?.message) },
            ]}
            data-testid="refund-list"
          />
          {order.state === 'paid' && (
            <>
              <h3>{t('printing.preview')}</h3>
              <ReceiptPreview target={{ kind: 'sale', outTradeNo: order.outTradeNo }} />
            </>
          )}
          <h3>{t('orders.timeline')}</h3>
          <div data-testid="timeline">
            <Timeline
              items={collapseTimeline(detail.timeline).map((e) => ({
                color: e.kind === 'gateway' ? 'blue' : e.kind === 'note' ? 'gray' : 'green',
                content: (
                  <span>
                    <span className="muted">
                      {clockTime(e.at)}
                      {e.count > 1 && `–${clockTime(e.lastAt)}`}
                    </span>{' '}
                    <span>{messageText(t, e.text)}</span>
                    {e.count > 1 && <strong className="timeline-count"> ×{e.count}</strong>}
                    {e.detail && <div className="muted timeline-detail">{messageText(t, e.detail)}</div>}
                  </span>
                ),
              }))}
            />
          </div>
        </div>
      )}
      {detail && refunding && <RefundDialog target={{ outTradeNo: detail.order.outTradeNo, refundableFen: detail.refundableFen, ...(detail.takenAt ? { counterId: detail.takenAt } : {}) }} onClose={() => setRefunding(false)} />}
    </Drawer>
  )
}
