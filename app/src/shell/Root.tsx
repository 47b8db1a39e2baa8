// Theme + locale around either the cashier app or the customer display.
import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { setLanguage } from '../i18n'
import { CustomerDisplay } from '../screens/customer/CustomerDisplay'
import { useAppStore } from '../state/app-store'
import { CashierApp } from './CashierApp'
import { useRoute } from './route'

export function Root() {
  const route = useRoute()
  const language = useAppStore(useShallow((s) => s.language))
  useEffect(() => setLanguage(language), [language])
  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      theme={{ token: { fontSize: 16, controlHeight: 44, borderRadius: 8, colorPrimary: '#1565c0' } }}
    >
      <AntApp>{route === 'customer' ? <CustomerDisplay /> : <CashierApp />}</AntApp>
    </ConfigProvider>
  )
}
