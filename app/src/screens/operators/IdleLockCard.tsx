// The idle auto-lock (a setting: minutes, 0 = never). A settings change: the
// manager confirms with their own PIN (the core checks it and audits the change).
import { Alert, App, Button, Input, InputNumber } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useOperatorsStore } from '../../state/operators-store'
import { useSettingsStore } from '../../state/settings-store'
import { opsErrorText } from './ops-error'

export function IdleLockCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const current = useSettingsStore((s) => s.view?.idleLockMinutes ?? 5)
  const [minutes, setMinutes] = useState<number | null>(null)
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const save = async () => {
    const r = await useSettingsStore.getState().update({ idleLockMinutes: minutes ?? current }, pin || undefined)
    setPin('')
    if (!r.ok) return setError(opsErrorText(t, r.error))
    setError(null)
    setMinutes(null)
    void message.success(t('ops.idleSaved'))
    await useOperatorsStore.getState().loadManaged() // the change is in the audit now
  }
  return (
    <div className="ops-idle">
      <label>{t('ops.idleLock')}</label>
      <InputNumber min={0} max={240} value={minutes ?? current} onChange={(v) => setMinutes(v === null ? null : Math.round(v))} data-testid="ops-idle-minutes" />
      <Input.Password placeholder={t('ops.pin')} value={pin} maxLength={12} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} data-testid="ops-idle-pin" />
      <Button onClick={() => void save()} disabled={pin.length < 4} data-testid="ops-idle-save">
        {t('settings.save')}
      </Button>
      {error && <Alert type="error" showIcon title={error} />}
    </div>
  )
}
