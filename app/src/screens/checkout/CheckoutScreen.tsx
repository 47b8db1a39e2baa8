// Checkout: amount keypad + note on the left, pay methods and the payment panel
// on the right. Keyboard first: digits, Enter, Esc and F-keys (shown on screen).
import { Input } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { keypadKeyOf } from '../../lib/keypad'
import { formatFen, formatYuan, groupThousands } from '../../../../electron/shared/money'
import { faceConfigured, useDevicesStore } from '../../state/devices-store'
import { holdsCounter, retryable, usePaymentStore } from '../../state/payment-store'
import { useSettingsStore } from '../../state/settings-store'
import { useCashStore } from '../../state/cash-store'
import { CashDialog } from './CashDialog'
import { Keypad } from './Keypad'
import { PaymentPanel } from './PaymentPanel'
import { ReprintLast } from './ReprintLast'

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)
}

function onKeyDown(e: KeyboardEvent) {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return
  // The cash dialog and the on-screen receipt own the keyboard while open (Enter takes the cash there).
  const cash = useCashStore.getState()
  if (cash.tenderFor !== null || cash.receiptOnScreen !== null) return
  const pay = usePaymentStore.getState()
  const face = faceConfigured(useDevicesStore.getState().config)
  const current = pay.current
  const action: Record<string, (() => void) | undefined> = {
    Escape: () => (pay.confirm ? void pay.confirmLarge(false) : holdsCounter(current) ? void pay.stop() : current ? pay.newSale() : pay.stop()),
    // After a failure Enter retries the same amount; after a paid (or stopped) sale it starts the next one.
    Enter: () => (pay.confirm ? void pay.confirmLarge(true) : current && !holdsCounter(current) && !retryable(current) ? pay.newSale() : pay.arm()),
    F1: () => pay.arm(),
    F2: face ? () => void pay.payByFace() : undefined,
    F3: () => void pay.payByQr('WECHAT'),
    F4: () => void pay.payByQr('ALIPAY'),
    F5: () => useCashStore.getState().openTender(),
    F6: () => void useCashStore.getState().printLast(),
  }
  const run = action[e.key]
  if (run) {
    // Enter inside the note/code field belongs to that field.
    if (e.key === 'Enter' && isTextField(e.target)) return
    e.preventDefault()
    run()
    return
  }
  if (isTextField(e.target)) return
  const key = keypadKeyOf(e.key)
  if (key) {
    e.preventDefault()
    pay.key(key)
  }
}

export function CheckoutScreen() {
  const { t } = useTranslation()
  const s = usePaymentStore(
    useShallow((p) => ({
      amountText: p.amountText,
      amountRefused: p.amountRefused,
      note: p.note,
      current: p.current,
      requesting: p.requesting,
      stopping: p.stopping,
      confirm: p.confirm,
    })),
  )
  const face = useDevicesStore((d) => faceConfigured(d.config))
  const maxSaleFen = useSettingsStore((st) => st.view?.maxSaleFen)
  const busy = s.requesting || s.stopping || s.confirm !== null || holdsCounter(s.current)
  // One format with the panel: an order's amount from fen; while typing, the text as typed (grouped).
  const amountText = s.current ? groupThousands(formatFen(s.current.amountFen)) : s.amountText ? groupThousands(s.amountText) : '0.00'

  useEffect(() => {
    usePaymentStore.getState().setCheckoutActive(true)
    window.addEventListener('keydown', onKeyDown)
    return () => {
      usePaymentStore.getState().setCheckoutActive(false)
      window.removeEventListener('keydown', onKeyDown)
    }
  }, [])

  const pay = usePaymentStore.getState()
  return (
    <div className="checkout">
      <section className="entry">
        <label className="amount-label">{t('checkout.amount')}</label>
        <div className="amount" data-testid="amount">
          <span className="currency">¥</span>
          {amountText}
        </div>
        <p className={s.amountRefused ? 'amount-refused' : 'amount-refused amount-refused-none'} role="status" data-testid="amount-refused">
          {s.amountRefused === 'decimals' ? t('checkout.amountRefused.decimals') : s.amountRefused === 'max' ? t('checkout.amountRefused.max', { max: formatYuan(maxSaleFen ?? 0) }) : ''}
        </p>
        <Input
          className="note"
          value={s.note}
          maxLength={128}
          disabled={busy}
          placeholder={t('checkout.notePlaceholder')}
          addonBefore={t('checkout.note')}
          onChange={(e) => pay.setNote(e.target.value)}
          data-testid="note"
        />
        <Keypad onKey={(k) => usePaymentStore.getState().key(k)} disabled={busy} />
      </section>
      <section className="pay">
        <div className="methods">
          <button className="method method-scan" disabled={busy} onClick={() => pay.arm()} data-testid="pay-scan">
            {t('checkout.scan')} <kbd>F1</kbd>
          </button>
          {face && (
            <button className="method method-face" disabled={busy} onClick={() => void pay.payByFace()} data-testid="pay-face">
              {t('checkout.face')} <kbd>F2</kbd>
            </button>
          )}
          <button className="method method-wechat" disabled={busy} onClick={() => void pay.payByQr('WECHAT')} data-testid="pay-qr-wechat">
            {t('checkout.qrWechat')} <kbd>F3</kbd>
          </button>
          <button className="method method-alipay" disabled={busy} onClick={() => void pay.payByQr('ALIPAY')} data-testid="pay-qr-alipay">
            {t('checkout.qrAlipay')} <kbd>F4</kbd>
          </button>
          <button className="method method-cash" disabled={busy} onClick={() => useCashStore.getState().openTender()} data-testid="pay-cash">
            {t('cash.button')} <kbd>F5</kbd>
          </button>
          <ReprintLast disabled={busy} />
        </div>
        <PaymentPanel />
        <CashDialog />
      </section>
      <footer className="hints">
        {t('checkout.hints')}
        {face ? t('checkout.hintFace') : ''}
        {' · F5 '}
        {t('cash.button')}
        {' · '}
        {t('printing.printLast')}
      </footer>
    </div>
  )
}
