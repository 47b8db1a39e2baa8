// Step 4: the signed probe, then live — or the reason the counter stays in demo.
import { Alert, App, Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProofInput, SettingsView } from '../../../../electron/shared/contract'
import type { PosError } from '../../../../electron/shared/result'
import { errorText } from '../../lib/error-text'
import { useSettingsStore } from '../../state/settings-store'
import { LiveChecklist } from './LiveChecklist'

export function CheckStep({ view, pin, onBack, onLive }: { view: SettingsView; pin: ProofInput; onBack: () => void; onLive: () => Promise<void> }) {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const [error, setError] = useState<PosError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setBusy(true)
    setError(null)
    let r = await useSettingsStore.getState().setMode('live', pin)
    // No encryption at rest on this machine (e.g. the browser harness): live only after the supervisor says yes, knowingly.
    if (!r.ok && r.error.code === 'CONFIRM_REQUIRED') {
      const yes = await modal.confirm({ title: t('settings.plainConfirmTitle'), content: t('settings.plainConfirm'), okText: t('settings.plainConfirmOk'), cancelText: t('common.cancel') })
      if (yes) r = await useSettingsStore.getState().setMode('live', pin, true)
    }
    setBusy(false)
    if (r.ok) await onLive()
    else setError(r.error)
  }

  return (
    <div className="setup-step" data-testid="setup-check">
      <LiveChecklist view={view} />
      <p className="muted">{t('golive.checkWhat')}</p>
      {error && (
        <Alert
          className="dialog-error"
          type="error"
          showIcon
          title={t('golive.stillDemo')}
          description={
            <>
              <div data-testid="setup-check-reason">{errorText(t, error)}</div>
              {error.params?.detail && (
                <div className="muted setup-detail">
                  {t('golive.technical')}: {error.params.detail}
                </div>
              )}
            </>
          }
          data-testid="setup-check-error"
          data-code={error.code}
          data-reason={error.params?.reason ?? ''}
        />
      )}
      <div className="setup-buttons">
        <Button size="large" onClick={onBack}>
          {t('golive.back')}
        </Button>
        <Button type="primary" size="large" loading={busy} disabled={view.liveMissing.length > 0} onClick={() => void submit()} data-testid="setup-go-live">
          {busy ? t('golive.checking') : t('golive.check')}
        </Button>
      </div>
    </div>
  )
}
