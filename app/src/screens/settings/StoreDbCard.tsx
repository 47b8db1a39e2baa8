// The store database: several counters of a shop share one PostgreSQL. The URL
// carries credentials: it goes to the core's secret store and is never shown
// again (only host:port/database). Connecting and disconnecting need the PIN
// from the bar at the top of Settings.
import { App, Button, Card, Input, Switch } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProofInput } from '../../../../electron/shared/contract'
import { dateTime } from '../../lib/format'
import { useStoreDbStore } from '../../state/store-db-store'
import { errorText } from '../../lib/error-text'

export function StoreDbCard({ pin }: { pin: ProofInput }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const status = useStoreDbStore((s) => s.status)
  const [url, setUrl] = useState('')
  const [tls, setTls] = useState(false)
  const [busy, setBusy] = useState(false)

  const connect = async () => {
    setBusy(true)
    const r = await useStoreDbStore.getState().configure(url.trim(), tls, pin)
    setBusy(false)
    // The URL leaves the form whatever the answer: it holds a password.
    setUrl('')
    if (r.ok) void message.success(t('storeDb.connected'))
    else void message.error(t('storeDb.failed', { message: errorText(t, r.error) }))
  }
  const disconnect = async () => {
    const r = await useStoreDbStore.getState().disconnect(pin)
    if (r.ok) void message.success(t('storeDb.disconnected'))
    else void message.error(t('storeDb.failed', { message: errorText(t, r.error) }))
  }

  return (
    <Card title={t('storeDb.title')} data-testid="store-db-card">
      <p className="muted">{t('storeDb.about')}</p>
      {status?.configured ? (
        <>
          <p data-testid="store-db-address">{t('storeDb.address', { address: status.storeAddress ?? '—' })}</p>
          <p data-testid="store-db-state">{t(`storeDb.state.${status.state}`, { count: status.backlog, seconds: Math.round(status.lagMs / 1000) })}</p>
          {status.lastError && <p className="error-text">{t(`storeDb.error.${status.lastError}`)}</p>}
          {status.lastShippedAt !== null && <p className="muted">{t('storeDb.lastShipped', { time: dateTime(status.lastShippedAt) })}</p>}
          <Button danger onClick={() => void disconnect()} data-testid="store-db-disconnect">
            {t('storeDb.disconnect')}
          </Button>
        </>
      ) : (
        <div className="form-grid">
          <label>{t('storeDb.url')}</label>
          <Input.Password value={url} maxLength={512} autoComplete="off" placeholder="postgres://user:password@host:5432/store" onChange={(e) => setUrl(e.target.value)} data-testid="store-db-url" />
          <label>{t('storeDb.tls')}</label>
          <Switch checked={tls} onChange={setTls} data-testid="store-db-tls" />
          <span />
          <Button type="primary" loading={busy} disabled={!url.trim()} onClick={() => void connect()} data-testid="store-db-connect">
            {t('storeDb.connect')}
          </Button>
        </div>
      )}
    </Card>
  )
}
