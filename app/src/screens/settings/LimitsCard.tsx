// Payment limits: the per-sale maximum (the core refuses more, AMOUNT_LIMIT) and
// the amount above which the checkout asks the cashier to confirm. Changing
// them needs the supervisor PIN (the one typed at the top of Settings).
import { App, Button, Card, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SettingsView, ProofInput } from '../../../../electron/shared/contract'
import { formatFen, parseYuan } from '../../../../electron/shared/money'
import { useSettingsStore } from '../../state/settings-store'
import { errorText } from '../../lib/error-text'

export function LimitsCard({ view, pin }: { view: SettingsView; pin: ProofInput }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [max, setMax] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const save = async () => {
    const maxFen = max === null ? view.maxSaleFen : parseYuan(max)
    const confirmFen = confirm === null ? view.confirmAboveFen : parseYuan(confirm)
    if (maxFen === null || maxFen <= 0 || confirmFen === null) return setError(t('settings.limitsInvalid'))
    if (confirmFen > maxFen) return setError(t('settings.limitsOrder'))
    setError(null)
    const r = await useSettingsStore.getState().update({ maxSaleFen: maxFen, confirmAboveFen: confirmFen }, pin)
    if (!r.ok) return setError(t('settings.failed', { message: errorText(t, r.error) }))
    setMax(null)
    setConfirm(null)
    void message.success(t('settings.limitsSaved'))
  }

  return (
    <Card title={t('settings.limits')}>
      <div className="form-grid">
        <label>{t('settings.maxSale')}</label>
        <Input value={max ?? formatFen(view.maxSaleFen)} inputMode="decimal" maxLength={12} onChange={(e) => setMax(e.target.value.trim())} data-testid="settings-maxSale" />
        <label>{t('settings.confirmAbove')}</label>
        <Input value={confirm ?? formatFen(view.confirmAboveFen)} inputMode="decimal" maxLength={12} onChange={(e) => setConfirm(e.target.value.trim())} data-testid="settings-confirmAbove" />
      </div>
      <p className="settings-hint">{t('settings.confirmAboveHint')}</p>
      {error && (
        <p className="panel-error" role="alert" data-testid="limits-error">
          {error}
        </p>
      )}
      <Button type="primary" onClick={() => void save()} data-testid="save-limits">
        {t('settings.save')}
      </Button>
    </Card>
  )
}
