// One panel for the whole payment, driven by `payment:update` events. Its size
// never changes (no layout jumps); only the text and colours inside do.
import { Button, Input, Spin } from 'antd'
import { QRCodeSVG } from 'qrcode.react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { OrderView } from '../../../../electron/shared/contract'
import { formatYuan } from '../../../../electron/shared/money'
import { adviceFor } from '../../lib/advice'
import { paymentErrorText } from '../../lib/error-text'
import { isInFlight, secondsLeft } from '../../lib/format'
import { messageText } from '../../lib/message-text'
import { useNow } from '../../lib/use-now'
import { useCashStore } from '../../state/cash-store'
import { useOrdersStore } from '../../state/orders-store'
import { holdsCounter, usePaymentStore, type PendingConfirm } from '../../state/payment-store'
import { useSettingsStore } from '../../state/settings-store'
import { go } from '../../shell/route'
import { errorText } from '../../lib/error-text'

type Tone = 'idle' | 'busy' | 'wait' | 'ok' | 'bad' | 'review' | 'stopping'

function toneOf(order: OrderView): Tone {
  // Paid, but the books do not know yet: amber, never green.
  if (order.state === 'paid') return order.unrecorded ? 'review' : 'ok'
  // Not a failure: the money may have been taken. Amber, and a way to the order.
  if (order.state === 'review') return 'review'
  if (order.state === 'cancelling') return 'stopping'
  if (isInFlight(order)) return order.awaitingCustomer ? 'wait' : 'busy'
  return 'bad'
}

export function PaymentPanel() {
  const { t } = useTranslation()
  const s = usePaymentStore(
    useShallow((p) => ({
      current: p.current,
      requesting: p.requesting,
      armed: p.armed,
      error: p.error,
      stopping: p.stopping,
      stopResult: p.stopResult,
      notPaymentCode: p.notPaymentCode,
      confirm: p.confirm,
    })),
  )
  const order = s.current
  const now = useNow(order !== null && order.deadlineAt !== null && isInFlight(order))
  const holding = holdsCounter(order)
  const tone: Tone = s.confirm ? 'wait' : order ? toneOf(order) : s.requesting ? 'busy' : s.error || s.notPaymentCode ? 'bad' : 'idle'

  return (
    <section className={`panel tone-${tone}`} data-testid="payment-panel" data-state={order?.state ?? (s.requesting ? 'requesting' : 'idle')}>
      <div className="panel-body">
        {s.confirm ? (
          <ConfirmBody confirm={s.confirm} />
        ) : order && !s.armed ? (
          <OrderBody order={order} now={now} />
        ) : (s.notPaymentCode !== null || s.error) && !s.requesting && !s.armed ? null : (
          <IdleBody requesting={s.requesting} armed={s.armed} />
        )}
        {s.notPaymentCode !== null && (
          <div className="panel-error" role="alert" data-testid="not-payment-code">
            {t('panel.notPaymentCode', { code: s.notPaymentCode.length > 40 ? `${s.notPaymentCode.slice(0, 40)}…` : s.notPaymentCode })}
            <p className="panel-sub">{t('panel.notPaymentCodeHint')}</p>
          </div>
        )}
        {s.error && !holding && (
          <p className="panel-error" role="alert" data-testid="payment-error">
            {paymentErrorText(t, s.error)}
          </p>
        )}
        {s.stopResult && !s.stopResult.ok && (
          <p className="panel-stop" data-testid="stop-result">
            {t('panel.stopFailed', { message: errorText(t, s.stopResult.error) })}
          </p>
        )}
        {order && (
          <p className="panel-meta">
            {t('panel.orderNo', { no: order.outTradeNo })}
            {order.authCodeMasked ? ` · ${order.authCodeMasked}` : ''}
          </p>
        )}
      </div>
      <div className="panel-actions">
        <Button
          size="large"
          danger
          className="stop-button"
          disabled={!holding || s.stopping}
          onClick={() => void usePaymentStore.getState().stop()}
          data-testid="stop"
        >
          {t('checkout.stop')} <kbd>Esc</kbd>
        </Button>
        <Button
          size="large"
          disabled={holding || s.requesting || s.confirm !== null || (!order && !s.error && !s.notPaymentCode && !s.armed)}
          onClick={() => usePaymentStore.getState().newSale()}
          data-testid="new-sale"
        >
          {t('checkout.newSale')}
        </Button>
        {order?.state === 'review' && (
          <Button size="large" type="primary" onClick={() => openInOrders(order.outTradeNo)} data-testid="panel-open-order">
            {t('panel.openOrder')}
          </Button>
        )}
      </div>
    </section>
  )
}

function openInOrders(outTradeNo: string) {
  go('orders')
  void useOrdersStore.getState().open(outTradeNo)
}

function IdleBody({ requesting, armed }: { requesting: boolean; armed: boolean }) {
  const { t } = useTranslation()
  if (requesting)
    return (
      <div className="panel-title">
        <Spin /> {t('panel.requesting')}
      </div>
    )
  if (armed)
    return (
      <>
        <div className="panel-title" data-testid="panel-title">
          {t('panel.armed')}
        </div>
        <p className="panel-sub">{t('panel.armedHint')}</p>
        <ManualCode />
      </>
    )
  return <p className="panel-sub panel-idle">{t('panel.idle')}</p>
}

function ManualCode() {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const submit = () => {
    const trimmed = code.trim()
    if (!trimmed) return
    setCode('')
    void usePaymentStore.getState().payByCode(trimmed)
  }
  return (
    <div className="manual-code">
      <label>{t('checkout.manualCode')}</label>
      <Input
        value={code}
        inputMode="numeric"
        maxLength={32}
        placeholder={t('checkout.manualCodePlaceholder')}
        onChange={(e) => setCode(e.target.value.replace(/\s/g, ''))}
        onPressEnter={(e) => {
          e.stopPropagation()
          submit()
        }}
        data-testid="manual-code"
      />
      <Button onClick={submit}>{t('checkout.manualPay')}</Button>
    </div>
  )
}

/** The change for a cash sale, big: the cashier reads it off while counting it out. */
function CashChange({ outTradeNo }: { outTradeNo: string }) {
  const { t } = useTranslation()
  const tendered = useCashStore((c) => (c.lastTendered?.outTradeNo === outTradeNo ? c.lastTendered : null))
  if (!tendered) return <p className="panel-sub" data-testid="paid-detail">{t('method.cash')}</p>
  return (
    <>
      <p className="panel-sub" data-testid="paid-detail">
        {t('method.cash')} · {t('cash.given')} {formatYuan(tendered.givenFen)}
      </p>
      <div className="panel-change" data-testid="cash-change">
        {t('cash.changeBig', { change: formatYuan(tendered.changeFen) })}
      </div>
    </>
  )
}

function OrderBody({ order, now }: { order: OrderView; now: number }) {
  const { t } = useTranslation()
  const wallet = order.paytype ? t(`paytype.${order.paytype}`) : ''
  const seconds = secondsLeft(order.deadlineAt, now)
  const inFlight = isInFlight(order)
  if (order.state === 'cancelling') return <StoppingBody order={order} seconds={seconds} />
  let title: string
  if (order.state === 'paid') title = order.unrecorded ? t('panel.paidUnrecorded') : t('panel.paid')
  // "Entering the password" only for payment codes; QR/face show the engine's own step.
  else if (inFlight) title = order.awaitingCustomer && order.method === 'code' ? t('panel.waitingCustomer') : messageText(t, order.step)
  else title = t(`panel.${order.state}`)

  return (
    <>
      <div className="panel-amount" data-testid="panel-amount">
        {formatYuan(order.amountFen)}
      </div>
      <div className="panel-title" data-testid="panel-title">
        {inFlight && !order.awaitingCustomer && <Spin size="small" />} {title}
      </div>
      {inFlight && order.awaitingCustomer && order.method === 'code' && <p className="panel-sub">{messageText(t, order.step)}</p>}
      {inFlight && seconds !== null && (
        <p className="panel-countdown" data-testid="countdown">
          {t('panel.countdown', { seconds })}
        </p>
      )}
      {inFlight && order.method === 'qr' && order.codeUrl && (
        <div className="panel-qr">
          <QRCodeSVG value={order.codeUrl} size={170} marginSize={1} data-testid="panel-qr" />
          <span>{t('panel.qrShow', { wallet: wallet || t('paytype.unknown') })}</span>
        </div>
      )}
      {order.state === 'paid' && order.method === 'cash' && <CashChange outTradeNo={order.outTradeNo} />}
      {order.state === 'paid' && order.method !== 'cash' && (
        <p className="panel-sub" data-testid="paid-detail">
          {t('panel.paidDetail', { paytype: wallet, transactionId: order.transactionId ?? '—' })}
        </p>
      )}
      {order.state === 'paid' && order.unrecorded && (
        <p className="panel-sub panel-review-what" role="alert" data-testid="paid-unrecorded">
          {t('panel.paidUnrecordedWhat')}
        </p>
      )}
      {order.state === 'review' && <p className="panel-sub panel-review-what">{t('panel.reviewWhat')}</p>}
      {!inFlight && order.state !== 'paid' && (
        <p className="panel-reason" data-testid="failure-reason">
          {messageText(t, order.failure?.message ?? order.attention ?? order.step)}
        </p>
      )}
      {!inFlight && !order.unrecorded && (
        <p className="panel-next" data-testid="advice">
          {t(`panel.advice.${adviceFor(order)}`)}
        </p>
      )}
    </>
  )
}

/** 停止中: one state, why it waits, the countdown to the earliest cancel, and that the next sale may start. */
function StoppingBody({ order, seconds }: { order: OrderView; seconds: number | null }) {
  const { t } = useTranslation()
  return (
    <>
      <div className="panel-amount" data-testid="panel-amount">
        {formatYuan(order.amountFen)}
      </div>
      <div className="panel-title" data-testid="panel-title">
        <Spin size="small" /> {t('panel.stoppingTitle')}
      </div>
      <p className="panel-sub">{t('panel.stoppingWhat')}</p>
      <p className="panel-sub" data-testid="stopping-why">
        {messageText(t, order.step)}
      </p>
      {seconds !== null && seconds > 0 && (
        <p className="panel-countdown" data-testid="countdown">
          {t('panel.cancelCountdown', { seconds })}
        </p>
      )}
      <p className="panel-next">{t('panel.stoppingNext')}</p>
    </>
  )
}

/** A large amount: the cashier checks it with the customer first (Enter confirms, Esc goes back). */
function ConfirmBody({ confirm }: { confirm: PendingConfirm }) {
  const { t } = useTranslation()
  const limit = useSettingsStore((st) => st.view?.confirmAboveFen ?? 0)
  return (
    <div className="panel-confirm" data-testid="confirm-large">
      <div className="panel-title">{t('panel.confirmTitle')}</div>
      <div className="panel-amount" data-testid="confirm-amount">
        {formatYuan(confirm.amountFen)}
      </div>
      <p className="panel-sub">{t('panel.confirmHint', { limit: formatYuan(limit) })}</p>
      <div className="panel-confirm-actions">
        <Button size="large" type="primary" onClick={() => void usePaymentStore.getState().confirmLarge(true)} data-testid="confirm-ok">
          {t('panel.confirmOk')} <kbd>Enter</kbd>
        </Button>
        <Button size="large" onClick={() => void usePaymentStore.getState().confirmLarge(false)} data-testid="confirm-cancel">
          {t('panel.confirmCancel')} <kbd>Esc</kbd>
        </Button>
      </div>
    </div>
  )
}
