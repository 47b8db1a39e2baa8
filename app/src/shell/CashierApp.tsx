// The cashier window: header, DEMO banner, navigation and the current screen.
import { App as AntApp } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { openCashierMirror } from '../lib/customer-mirror'
import { formatYuan } from '../../../electron/shared/money'
import { amountOf } from '../lib/keypad'
import { useWedgeScanner } from '../lib/use-wedge-scanner'
import { CheckoutScreen } from '../screens/checkout/CheckoutScreen'
import { JournalProblemScreen } from '../screens/journal/JournalProblemScreen'
import { findingText } from '../screens/journal/finding-text'
import { OrdersScreen } from '../screens/orders/OrdersScreen'
import { SettingsScreen } from '../screens/settings/SettingsScreen'
import { SetupScreen } from '../screens/setup/SetupScreen'
import { ShiftScreen } from '../screens/shift/ShiftScreen'
import { StoreScreen } from '../screens/store/StoreScreen'
import { LockScreen } from '../screens/operators/LockScreen'
import { OperatorsScreen } from '../screens/operators/OperatorsScreen'
import { reportActivity, useOperatorsStore } from '../state/operators-store'
import { useAppStore } from '../state/app-store'
import { useDevicesStore } from '../state/devices-store'
import { usePaymentStore } from '../state/payment-store'
import { useSettingsStore } from '../state/settings-store'
import { useShiftStore } from '../state/shift-store'
import { Header } from './Header'
import { go, useRoute, type Route } from './route'
import { errorText } from '../lib/error-text'

/** Locks the counter (F8 is the store tab's). */
export const LOCK_KEY = 'F7'

const TABS: { route: Exclude<Route, 'customer' | 'setup' | 'operators'>; key: string }[] = [
  { route: 'checkout', key: 'F9' },
  { route: 'orders', key: 'F10' },
  { route: 'shift', key: 'F11' },
  { route: 'store', key: 'F8' },
  { route: 'settings', key: 'F12' },
]

/** A stopped order that ended in the background (the cashier had moved on): said once, on any screen. */
function useBackgroundOrderToasts() {
  const { t } = useTranslation()
  const { message } = AntApp.useApp()
  const done = usePaymentStore((s) => s.backgroundDone)
  useEffect(() => {
    if (!done) return
    const vars = { no: done.outTradeNo, amount: formatYuan(done.amountFen), state: t(`state.${done.state}`) }
    const key = `bg-${done.outTradeNo}`
    // Paid after Stop is money taken: it stays until the cashier closes it.
    if (done.state === 'paid') void message.warning({ key, content: t('panel.backgroundPaid', vars), duration: 0, onClick: () => message.destroy(key) })
    else if (done.state === 'review') void message.warning({ key, content: t('panel.backgroundReview', vars), duration: 10 })
    else if (done.state === 'cancelled' || done.state === 'closed') void message.success({ key, content: t('panel.backgroundCancelled', vars), duration: 5 })
    else void message.info({ key, content: t('panel.backgroundOther', vars), duration: 8 })
  }, [done, message, t])
}

export function CashierApp() {
  const { t } = useTranslation()
  const route = useRoute()
  const { info, error, mode, problems } = useAppStore(
    useShallow((s) => ({ info: s.info, error: s.error, mode: s.info?.mode, problems: s.problems })),
  )
  const settingsMode = useSettingsStore((s) => s.view?.mode)
  const setupDone = useSettingsStore((s) => s.view?.setupDone)
  const { notification } = AntApp.useApp()
  useWedgeScanner()
  useBackgroundOrderToasts()

  useEffect(() => {
    void useAppStore.getState().load()
    void useSettingsStore.getState().load()
    void useShiftStore.getState().load()
    void useDevicesStore.getState().load()
    void usePaymentStore.getState().load()
    void useOperatorsStore.getState().load()
    const timer = setInterval(() => void useAppStore.getState().refreshHealth(), 15_000)
    const onActivity = () => reportActivity()
    window.addEventListener('pointerdown', onActivity, true)
    window.addEventListener('keydown', onActivity, true)
    const onKey = (e: KeyboardEvent) => {
      if (e.key === LOCK_KEY && useOperatorsStore.getState().status?.signedIn) {
        e.preventDefault()
        void useOperatorsStore.getState().lock()
        return
      }
      const tab = TABS.find((x) => x.key === e.key)
      if (tab) {
        e.preventDefault()
        go(tab.route)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      clearInterval(timer)
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('pointerdown', onActivity, true)
      window.removeEventListener('keydown', onActivity, true)
    }
  }, [])

  // The customer display mirrors the typed amount before an order exists (BroadcastChannel, no IPC).
  useEffect(() => {
    const mirror = openCashierMirror(() => {
      const p = usePaymentStore.getState()
      return { amountFen: amountOf(p.amountText), orderNo: p.current?.outTradeNo ?? null }
    })
    mirror.publish()
    const stop = usePaymentStore.subscribe((now, before) => {
      if (now.amountText !== before.amountText || now.current?.outTradeNo !== before.current?.outTradeNo) mirror.publish()
    })
    return () => {
      stop()
      mirror.close()
    }
  }, [])

  // Findings that do not stop sales (secrets file unreadable, a backup that failed) still show, once.
  const journalCheck = info?.journal
  useEffect(() => {
    if (journalCheck?.state !== 'ok') return
    for (const f of journalCheck.findings) notification.warning({ key: `journal-${f.code}`, title: t('problem.journal'), description: findingText(t, f), duration: 0 })
  }, [journalCheck, notification, t])

  // A fresh install opens the first-run setup once (stay in demo, or go live).
  useEffect(() => {
    if (setupDone === false) go('setup')
  }, [setupDone])

  const last = problems[problems.length - 1]
  useEffect(() => {
    if (!last) return
    notification.warning({
      key: String(last.at),
      title: t(`problem.${last.kind}`),
      description: last.code ? t(`problem.code.${last.code}`, { defaultValue: last.message }) : last.message,
      duration: 0,
      onClose: () => useAppStore.getState().dismissProblem(last.at),
    })
  }, [last, notification, t])

  const operators = useOperatorsStore((s) => s.status)
  const locked = operators?.enabled === true && operators.signedIn === null
  const demo = (settingsMode ?? mode) === 'demo'
  // The books are unknown: no tabs, no sale screen, only what was found and the ways out.
  if (info?.journal.state === 'problem') {
    return (
      <div className="cashier">
        <Header />
        <main className="screen">
          <JournalProblemScreen findings={info.journal.findings} />
        </main>
      </div>
    )
  }
  return (
    <div className="cashier">
      <Header />
      {demo && (
        <div className="demo-banner" role="status" data-testid="demo-banner">
          DEMO · {t('demo.banner')}
        </div>
      )}
      <nav className="tabs">
        {TABS.map((tab) => (
          <button key={tab.route} className={route === tab.route ? 'tab active' : 'tab'} onClick={() => go(tab.route)} data-testid={`nav-${tab.route}`}>
            {t(`nav.${tab.route}`)} <kbd>{tab.key}</kbd>
          </button>
        ))}
        <button className={route === 'operators' ? 'tab active' : 'tab'} onClick={() => go('operators')} data-testid="nav-operators">
          {t('ops.nav')}
        </button>
        <a className="tab customer-link" href="#/customer" target="_blank" rel="noreferrer">
          {t('nav.customer')} ↗
        </a>
      </nav>
      <main className="screen">
        {error && !info ? (
          <p className="boot-error">{t('app.coreError', { message: errorText(t, error) })}</p>
        ) : route === 'orders' ? (
          <OrdersScreen />
        ) : route === 'shift' ? (
          <ShiftScreen />
        ) : route === 'store' ? (
          <StoreScreen />
        ) : route === 'settings' ? (
          <SettingsScreen />
        ) : route === 'setup' ? (
          <SetupScreen />
        ) : route === 'operators' ? (
          <OperatorsScreen />
        ) : (
          <CheckoutScreen />
        )}
      </main>
      {locked && <LockScreen />}
    </div>
  )
}
