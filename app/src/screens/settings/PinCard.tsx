// Supervisor PIN: set the first time, change with the current one afterwards.
import { Alert, Button, Card, Input, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useOperatorsStore } from '../../state/operators-store'
import { useSettingsStore } from '../../state/settings-store'
import { errorText } from '../../lib/error-text'

const PIN_ERRORS: Partial<Record<string, string>> = {
  PIN_INVALID: 'refund.pinInvalid',
  PIN_LOCKED: 'refund.pinLocked',
  PIN_WEAK: 'settings.pinWeak',
  PIN_REQUIRED: 'settings.pinRequired',
}

export function PinCard({ pinSet, needsChange }: { pinSet: boolean; needsChange: boolean }) {
  const { t } = useTranslation()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null)
  const digits = (v: string) => v.replace(/\D/g, '').slice(0, 12)
  // With operators, supervisors approve with their own number + PIN: the counter PIN is only a fallback.
  const operators = useOperatorsStore((o) => o.status?.enabled === true)

  const submit = async () => {
    const r = await useSettingsStore.getState().setPin(next, pinSet ? current : undefined)
    setCurrent('')
    setNext('')
    setNote(
      r.ok
        ? { ok: true, text: t('settings.pinChanged') }
        : { ok: false, text: PIN_ERRORS[r.error.code] ? t(PIN_ERRORS[r.error.code] as string) : errorText(t, r.error) },
    )
  }

  return (
    <Card
      title={
        <>
          {t('settings.pinTitle')}{' '}
          <Tag color={pinSet ? 'green' : 'orange'} data-testid="pin-state">
            {pinSet ? t('settings.pinIsSet') : t('settings.pinNotSetTag')}
          </Tag>
        </>
      }
    >
      {!pinSet && <Alert type={operators ? 'info' : 'warning'} showIcon title={operators ? t('settings.pinNotSetOperators') : t('settings.pinNotSet')} data-testid="pin-not-set" />}
      {needsChange && <Alert type="warning" showIcon title={t('settings.pinNeedsChange')} data-testid="pin-needs-change" />}
      <div className="form-grid">
        {pinSet && (
          <>
            <label>{t('settings.pinCurrent')}</label>
            <Input.Password value={current} autoComplete="off" onChange={(e) => setCurrent(digits(e.target.value))} data-testid="pin-current" />
          </>
        )}
        <label>{t('settings.pinNext')}</label>
        <Input.Password value={next} autoComplete="off" onChange={(e) => setNext(digits(e.target.value))} data-testid="pin-next" />
      </div>
      <Button type="primary" disabled={next.length < 6} onClick={() => void submit()} data-testid="pin-submit">
        {t('settings.pinSet')}
      </Button>
      {note && <Alert className="dialog-error" type={note.ok ? 'success' : 'error'} showIcon title={note.text} data-testid="pin-note" />}
    </Card>
  )
}
