// The cashier window: header, DEMO banner, navigation and the current screen.
import { App as AntApp } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { openCashierMirror } from '../lib/customer-mirror'
import { amountOf } from '../lib/keypad'
import { useWedgeScanner } from '../lib/use-wedge-scanner'
import { CheckoutScreen } from '../screens/checkout/CheckoutScreen'
import { JournalProblemScreen } from '../screens/journal/JournalProblemScreen'
import { OrdersScreen } from '../screens/orders/OrdersScreen'
import { SettingsScreen } from '../screens/settings/SettingsScreen'
import { SetupScreen } from '../screens/setup/SetupScreen'
import { ShiftScreen } from '../screens/shift/ShiftScreen'
import { useAppStore } from '../state/app-store'
import { useDevicesStore } from '../state/devices-store'
import { usePaymentStore } from '../state/payment-store'
import { useSettingsStore } from '../state/settings-store'
import { useShiftStore } from '../state/shift-store'
import { Header } from './Header'
import { go, useRoute, type Route } from './route'

const TABS: { route: Exclude<Route, 'customer' | 'setup'>; key: string }[] = [
  { route: 'checkout', key: 'F9' },
  { route: 'orders', key: 'F10' },
  { route: 'shift', key: 'F11' },
  { route: 'settings', key: 'F12' },
]

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

  useEffect(() => {
    void useAppStore.getState().load()
    void useSettingsStore.getState().load()
    void useShiftStore.getState().load()
    void useDevicesStore.getState().load()
    void usePaymentStore.getState().load()
    const timer = setInterval(() => void useAppStore.getState().refreshHealth(), 15_000)
    const onKey = (e: KeyboardEvent) => {
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
        <a className="tab customer-link" href="#/customer" target="_blank" rel="noreferrer">
          {t('nav.customer')} ↗
        </a>
      </nav>
      <main className="screen">
        {error && !info ? (
          <p className="boot-error">{t('app.coreError', { message: error.message })}</p>
        ) : route === 'orders' ? (
          <OrdersScreen />
        ) : route === 'shift' ? (
          <ShiftScreen />
        ) : route === 'settings' ? (
          <SettingsScreen />
        ) : route === 'setup' ? (
          <SetupScreen />
        ) : (
          <CheckoutScreen />
        )}
      </main>
    </div>
  )
}
