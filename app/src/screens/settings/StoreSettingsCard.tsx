// The store settings (storesync): store name, receipt header line and the
// over/short limit every counter of the store uses. A manager saves them with
// the PIN typed at the top of Settings (or is signed in and types their own);
// they ship to the store and every other counter pulls them.
import { App, Button, Card, Input } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProofInput } from '../../../../electron/shared/contract'
import { formatFen, parseYuan } from '../../../../electron/shared/money'
import { errorText } from '../../lib/error-text'
import { useStoreDbStore } from '../../state/store-db-store'

export function StoreSettingsCard({ pin }: { pin: ProofInput }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const view = useStoreDbStore((s) => s.settings)
  const [name, setName] = useState<string | null>(null)
  const [header, setHeader] = useState<string | null>(null)
  const [limit, setLimit] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void useStoreDbStore.getState().loadSettings()
  }, [])
  if (!view) return null

  const save = async () => {
    const storeName = (name ?? view.storeName).trim()
    const overShortLimitFen = limit === null ? view.overShortLimitFen : parseYuan(limit)
    if (!storeName || overShortLimitFen === null || overShortLimitFen < 0) return setError(t('storeSettings.invalid'))
    setError(null)
    const r = await useStoreDbStore.getState().saveSettings({ storeName, receiptHeader: (header ?? view.receiptHeader).trim(), overShortLimitFen }, pin)
    if (!r.ok) return setError(t('storeSettings.failed', { message: errorText(t, r.error) }))
    setName(null)
    setHeader(null)
    setLimit(null)
    void message.success(t('storeSettings.saved'))
  }

  return (
    <Card title={t('storeSettings.title')} data-testid="store-settings-card">
      <p className="muted">{t('storeSettings.about')}</p>
      <p className="muted" data-testid="store-settings-source">
        {t(`storeSettings.source.${view.source}`)}
        {view.fromCounter ? ` · ${t('storeSettings.fromCounter', { counterId: view.fromCounter })}` : ''}
      </p>
      <div className="form-grid">
        <label>{t('storeSettings.storeName')}</label>
        <Input value={name ?? view.storeName} maxLength={64} onChange={(e) => setName(e.target.value)} data-testid="store-settings-name" />
        <label>{t('storeSettings.receiptHeader')}</label>
        <Input value={header ?? view.receiptHeader} maxLength={64} onChange={(e) => setHeader(e.target.value)} data-testid="store-settings-header" />
        <label>{t('storeSettings.overShortLimit')}</label>
        <Input value={limit ?? formatFen(view.overShortLimitFen)} inputMode="decimal" maxLength={12} onChange={(e) => setLimit(e.target.value.trim())} data-testid="store-settings-limit" />
      </div>
      {error && (
        <p className="panel-error" role="alert" data-testid="store-settings-error">
          {error}
        </p>
      )}
      <Button type="primary" onClick={() => void save()} data-testid="store-settings-save">
        {t('storeSettings.save')}
      </Button>
    </Card>
  )
}
