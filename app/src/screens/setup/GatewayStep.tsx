// Step 2: the live gateway's base URL (https; http only on loopback), agent id and agent key.
import { Alert, Button, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProofInput, SettingsPatch, SettingsView } from '../../../../electron/shared/contract'
import { gatewayUrlProblem } from '../../../../electron/shared/gateway-url'
import type { PosError } from '../../../../electron/shared/result'
import { errorText } from '../../lib/error-text'
import { useSettingsStore } from '../../state/settings-store'

export function GatewayStep({ view, pin, onBack, onDone }: { view: SettingsView; pin: ProofInput; onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation()
  const [url, setUrl] = useState(view.gatewayUrl)
  const [agentId, setAgentId] = useState(view.agentId)
  const [agentKey, setAgentKey] = useState('')
  const [error, setError] = useState<PosError | null>(null)
  const [busy, setBusy] = useState(false)
  const problem = url.trim() ? gatewayUrlProblem(url.trim(), 'live') : null
  const ready = url.trim() !== '' && problem === null && /^[A-Za-z0-9]{1,32}$/.test(agentId.trim()) && (agentKey !== '' || view.agentKeySet)

  const submit = async () => {
    setBusy(true)
    const patch: SettingsPatch = { gatewayUrl: url.trim(), agentId: agentId.trim(), ...(agentKey ? { agentKey } : {}) }
    const r = await useSettingsStore.getState().update(patch, pin)
    setBusy(false)
    setAgentKey('') // a key leaves the form once sent, whatever the answer
    if (r.ok) onDone()
    else setError(r.error)
  }

  return (
    <div className="setup-step" data-testid="setup-gateway">
      <div className="form-grid">
        <label>{t('settings.gatewayUrl')}</label>
        <Input value={url} maxLength={256} placeholder="https://" onChange={(e) => setUrl(e.target.value)} data-testid="setup-url" status={problem ? 'error' : ''} />
        <label>{t('settings.agentId')}</label>
        <Input value={agentId} maxLength={32} onChange={(e) => setAgentId(e.target.value)} data-testid="setup-agent-id" />
        <label>{t('settings.agentKey')}</label>
        <Input.Password
          value={agentKey}
          maxLength={128}
          autoComplete="new-password"
          placeholder={view.agentKeySet ? t('golive.agentKeyKeep') : t('settings.keyPlaceholder')}
          onChange={(e) => setAgentKey(e.target.value)}
          data-testid="setup-agent-key"
        />
      </div>
      {problem && (
        <p className="field-error" data-testid="setup-url-problem">
          {problem === 'https-required' ? t('golive.urlHttps') : t('golive.urlInvalid')}
        </p>
      )}
      {error && <Alert className="dialog-error" type="error" showIcon title={errorText(t, error)} data-testid="setup-gateway-error" />}
      <div className="setup-buttons">
        <Button size="large" onClick={onBack}>
          {t('golive.back')}
        </Button>
        <Button type="primary" size="large" loading={busy} disabled={!ready} onClick={() => void submit()} data-testid="setup-gateway-next">
          {t('golive.saveNext')}
        </Button>
      </div>
    </div>
  )
}
