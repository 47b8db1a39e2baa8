// The customer-facing window (#/customer): amount, status and the QR for QR
// payments, big and readable from across the counter.
import { QRCodeSVG } from 'qrcode.react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { formatYuan } from '../../../../electron/shared/money'
import { listenToCashier, type CheckoutMirror } from '../../lib/customer-mirror'
import { shownOrder } from '../../lib/customer-orders'
import { isInFlight } from '../../lib/format'
import { useAppStore } from '../../state/app-store'
import { loadCustomerOrders, useCustomerOrdersStore } from '../../state/customer-orders-store'
import { useSettingsStore } from '../../state/settings-store'
import { useTenderedStore } from '../../state/tendered-store'

export function CustomerDisplay() {
  const { t } = useTranslation()
  const [cashier, setCashier] = useState<CheckoutMirror | null>(null)
  useEffect(() => listenToCashier(setCashier), [])
  // The order the cashier shows (every sale, not only the first one this window heard of).
  const own = useCustomerOrdersStore((s) => shownOrder(s.orders, cashier?.orderNo))
  // A cash sale: the change, big, while the cashier still shows that sale.
  const tendered = useTenderedStore((s) => s.last)
  const cash = tendered && cashier?.orderNo === tendered.outTradeNo && !isInFlight(own) ? tendered : null
  // An order in flight always shows. Otherwise, once the cashier has moved on (no order on the
  // checkout), show what they are typing instead of the last finished order.
  const idleAtCounter = cashier !== null && cashier.orderNo === null && !isInFlight(own)
  const order = idleAtCounter ? null : own
  const typedFen = idleAtCounter ? cashier.amountFen : null
  const { storeName, mode } = useSettingsStore(useShallow((s) => ({ storeName: s.view?.storeName ?? '', mode: s.view?.mode })))
  const infoMode = useAppStore((s) => s.info?.mode)

  useEffect(() => {
    void useAppStore.getState().load()
    void useSettingsStore.getState().load()
    void loadCustomerOrders()
  }, [])

  const wallet = order?.paytype ? t(`paytype.${order.paytype}`) : t('paytype.WECHAT')
  let status = t('customer.welcome')
  let tone = 'idle'
  if (typedFen !== null) [status, tone] = [t('customer.ready'), 'idle']
  if (cash) [status, tone] = [t('customer.paid'), 'ok']
  else if (order) {
    if (order.state === 'paid') [status, tone] = [t('customer.paid'), 'ok']
    else if (isInFlight(order))
      [status, tone] = [order.method === 'qr' ? t('customer.scanQr', { wallet }) : order.awaitingCustomer ? t('customer.password') : t('customer.waiting'), 'wait']
    else [status, tone] = [order.state === 'failed' ? t('customer.failed') : t('customer.cancelled'), 'bad']
  }

  const qr = order && isInFlight(order) && order.method === 'qr' ? order.codeUrl : null
  // With a QR: text on the left, the code on the right, sized to the screen's height (800×600 included).
  return (
    <div className={`customer tone-${tone}${qr ? ' with-qr' : ''}`} data-testid="customer-display">
      {(mode ?? infoMode) === 'demo' && <div className="demo-banner">DEMO · {t('demo.banner')}</div>}
      <div className="customer-text">
        <div className="customer-store">{storeName}</div>
        {(cash || order || typedFen !== null) && (
          <>
            <div className="customer-label">{t('customer.amount')}</div>
            <div className="customer-amount" data-testid="customer-amount">
              {formatYuan(cash ? cash.amountFen : order ? order.amountFen : (typedFen ?? 0))}
            </div>
          </>
        )}
        {cash && (
          <>
            <div className="customer-label">{t('cash.customerGiven', { given: formatYuan(cash.givenFen) })}</div>
            <div className="customer-change" data-testid="customer-change">
              {t('cash.customerChange', { change: formatYuan(cash.changeFen) })}
            </div>
          </>
        )}
        <div className="customer-status" data-testid="customer-status">
          {status}
        </div>
      </div>
      {qr && (
        <div className="customer-qr">
          <QRCodeSVG value={qr} size={320} marginSize={2} data-testid="customer-qr" />
        </div>
      )}
    </div>
  )
}
