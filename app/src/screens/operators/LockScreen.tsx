// The lock screen: over everything while operators exist and nobody is signed
// in (start, the lock key, idle). A payment in flight goes on underneath; the
// core refuses new ones until someone signs in.
import { Alert, Button, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PosError } from '../../../../electron/shared/result'
import { switchLanguage } from '../../state/settings-store'
import { useOperatorsStore } from '../../state/operators-store'
import { opsErrorText } from './ops-error'
import { errorText } from '../../lib/error-text'

export function LockScreen() {
  const { t, i18n } = useTranslation()
  const lockedBy = useOperatorsStore((s) => s.status?.lockedBy ?? null)
  const [no, setNo] = useState('')
  const [pin, setPin] = useState('')
  const [error, setError] = useState<PosError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (!/^\d{4}$/.test(no) || pin.length < 4) return
    setBusy(true)
    const r = await useOperatorsStore.getState().signIn(no, pin)
    setBusy(false)
    setPin('')
    setError(r.ok ? null : r.error)
  }

  return (
    <div className="lock-screen" role="dialog" aria-modal="true" data-testid="lock-screen">
      <div className="lock-card">
        <h2>{t('ops.lockTitle')}</h2>
        {lockedBy === 'idle' && <p className="muted" data-testid="lock-reason">{t('ops.lockedByIdle')}</p>}
        <p>{t('ops.lockHint')}</p>
        <div className="form-grid">
          <label htmlFor="lock-no">{t('ops.operatorNo')}</label>
          <Input id="lock-no" size="large" value={no} maxLength={4} inputMode="numeric" autoFocus autoComplete="off" onChange={(e) => setNo(e.target.value.replace(/\D/g, ''))} data-testid="lock-operator-no" />
          <label htmlFor="lock-pin">{t('ops.pin')}</label>
          <Input.Password id="lock-pin" size="large" value={pin} maxLength={12} inputMode="numeric" autoComplete="off" onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} onPressEnter={() => void submit()} data-testid="lock-pin" />
        </div>
        {error && <Alert className="dialog-error" type="error" showIcon title={opsErrorText(t, error)} description={error.code === 'PIN_LOCKED' ? errorText(t, error) : undefined} data-testid="lock-error" data-code={error.code} />}
        <div className="lock-actions">
          <Button size="large" onClick={() => switchLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')} data-testid="lock-language">
            {i18n.language === 'en' ? '中文' : 'English'}
          </Button>
          <Button size="large" type="primary" loading={busy} disabled={!/^\d{4}$/.test(no) || pin.length < 4} onClick={() => void submit()} data-testid="lock-sign-in">
            {t('ops.signIn')}
          </Button>
        </div>
      </div>
    </div>
  )
}
