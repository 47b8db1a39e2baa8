// Merchant activation: phone + SMS code (GetMchSMSValid then GetMchId) or username/password.
import { Alert, App, Button, Card, Descriptions, Input, Segmented, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SettingsView } from '../../../../electron/shared/contract'
import { useSettingsStore } from '../../state/settings-store'

const STATE_COLOR = { pending: 'gold', active: 'green', disabled: 'red', unknown: 'default' } as const

export function ActivationCard({ view, pin }: { view: SettingsView; pin: string | undefined }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [how, setHow] = useState<'sms' | 'password'>('sms')
  const [mobile, setMobile] = useState('')
  const [code, setCode] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (fn: () => Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>, okText: (v: never) => string) => {
    setBusy(true)
    const r = await fn()
    setBusy(false)
    setNote(r.ok ? { ok: true, text: okText(r.value as never) } : { ok: false, text: r.error.message })
    if (r.ok) void message.success(okText(r.value as never))
  }
  const store = useSettingsStore.getState()

  return (
    <Card title={t('settings.activation')} data-testid="activation">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('settings.merchant')}>
          <span data-testid="merchant-name">{view.merchantName || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.mchId')}>{view.mchId || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('settings.merchantState')}>
          <Tag color={STATE_COLOR[view.merchantState]} data-testid="merchant-state">
            {t(`settings.merchantStates.${view.merchantState}`)}
          </Tag>
        </Descriptions.Item>
      </Descriptions>
      <Segmented
        className="activation-switch"
        value={how}
        onChange={(v) => setHow(v as 'sms' | 'password')}
        options={[
          { value: 'sms', label: t('settings.bySms') },
          { value: 'password', label: t('settings.byPassword') },
        ]}
      />
      {how === 'sms' ? (
        <div className="form-grid">
          <label>{t('settings.mobile')}</label>
          <Input.Search
            value={mobile}
            maxLength={11}
            inputMode="numeric"
            onChange={(e) => setMobile(e.target.value.replace(/\D/g, ''))}
            enterButton={t('settings.sendSms')}
            loading={busy}
            onSearch={() => void run(() => store.sendSms(mobile), (v: { validMinutes: number }) => t('settings.smsSent', { minutes: v.validMinutes }))}
            data-testid="activation-mobile"
          />
          <label>{t('settings.smsCode')}</label>
          <Input value={code} maxLength={8} inputMode="numeric" onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} data-testid="activation-code" />
        </div>
      ) : (
        <div className="form-grid">
          <label>{t('settings.username')}</label>
          <Input value={username} maxLength={64} onChange={(e) => setUsername(e.target.value)} />
          <label>{t('settings.password')}</label>
          <Input.Password value={password} maxLength={64} autoComplete="off" onChange={(e) => setPassword(e.target.value)} />
        </div>
      )}
      <Button
        type="primary"
        size="large"
        loading={busy}
        onClick={() =>
          void run(
            () => (how === 'sms' ? store.activateBySms(mobile, code, pin) : store.activateByPassword(username, password, pin)),
            (v: SettingsView) => t('settings.activated', { name: v.merchantName }),
          ).then(() => setPassword(''))
        }
        data-testid="activate"
      >
        {t('settings.activate')}
      </Button>
      {note && <Alert className="dialog-error" type={note.ok ? 'success' : 'error'} showIcon title={note.text} data-testid="activation-note" />}
    </Card>
  )
}
