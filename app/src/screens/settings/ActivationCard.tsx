// Merchant activation against the configured live gateway (never the demo
// sandbox): phone + SMS code (GetMchSMSValid then GetMchId), username/password
// (GetMchId), or registration of a new merchant (Mch_Reg, pending until approved).
// Used in Settings and in the go-live setup.
import { Alert, App, Button, Card, Descriptions, Input, Segmented, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SettingsView, ProofInput } from '../../../../electron/shared/contract'
import type { PosError, Result } from '../../../../electron/shared/result'
import { errorText } from '../../lib/error-text'
import { useSettingsStore } from '../../state/settings-store'

const STATE_COLOR = { pending: 'gold', active: 'green', disabled: 'red', unknown: 'default' } as const
type How = 'sms' | 'password' | 'register'

/** `compact`: inside the go-live setup (no title, no frame, merchant facts in two columns, to fit 1024×768). */
export function ActivationCard({ view, pin, compact = false }: { view: SettingsView; pin: ProofInput; compact?: boolean }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [how, setHow] = useState<How>('sms')
  const [form, setForm] = useState({ mobile: '', code: '', username: '', password: '', mchName: '', mchShortName: '' })
  const [note, setNote] = useState<{ ok: true; text: string } | { ok: false; error: PosError } | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof form, digits = false) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: digits ? e.target.value.replace(/\D/g, '') : e.target.value }))

  const run = async <T,>(fn: () => Promise<Result<T>>, okText: (v: T) => string) => {
    setBusy(true)
    const r = await fn()
    setBusy(false)
    setNote(r.ok ? { ok: true, text: okText(r.value) } : { ok: false, error: r.error })
    if (r.ok) void message.success(okText(r.value))
  }
  const store = useSettingsStore.getState()
  const stateTag = (
    <Tag color={STATE_COLOR[view.merchantState]} data-testid="merchant-state">
      {t(`settings.merchantStates.${view.merchantState}`)}
    </Tag>
  )
  const submit = () => {
    if (how === 'register') {
      const req = { mchName: form.mchName.trim(), mobile: form.mobile, ...(form.mchShortName.trim() ? { mchShortName: form.mchShortName.trim() } : {}) }
      return run(() => store.register(req, pin), (v) => t('golive.registered', { mchId: v.mchId }))
    }
    const act = how === 'sms' ? () => store.activateBySms(form.mobile, form.code, pin) : () => store.activateByPassword(form.username, form.password, pin)
    return run(act, (v) => t('settings.activated', { name: v.merchantName })).then(() => setForm((f) => ({ ...f, password: '' })))
  }

  return (
    <Card
      title={compact ? undefined : t('settings.activation')}
      variant={compact ? 'borderless' : 'outlined'}
      className={compact ? 'activation-compact' : undefined}
      data-testid="activation"
    >
      {compact ? (
        // One line in the go-live setup, so the step fits 1024×768.
        <div className="merchant-line">
          <strong data-testid="merchant-name">{view.merchantName || '—'}</strong>
          <span data-testid="merchant-full-name">{view.merchantFullName || '—'}</span>
          <span>
            {t('settings.mchId')} <span data-testid="merchant-id">{view.mchId || '—'}</span>
          </span>
          {stateTag}
        </div>
      ) : (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'name', label: t('settings.merchant'), children: <span data-testid="merchant-name">{view.merchantName || '—'}</span> },
            ...(view.merchantFullName && view.merchantFullName !== view.merchantName
              ? [{ key: 'full', label: t('golive.merchantFull'), children: <span data-testid="merchant-full-name">{view.merchantFullName}</span> }]
              : []),
            { key: 'id', label: t('settings.mchId'), children: <span data-testid="merchant-id">{view.mchId || '—'}</span> },
            { key: 'state', label: t('settings.merchantState'), children: stateTag },
          ]}
        />
      )}
      <Segmented
        className="activation-switch"
        value={how}
        onChange={(v) => setHow(v as How)}
        options={[
          { value: 'sms', label: t('settings.bySms') },
          { value: 'password', label: t('settings.byPassword') },
          { value: 'register', label: t('golive.register') },
        ]}
        data-testid="activation-how"
      />
      <div className="form-grid">
        {how === 'register' && (
          <>
            <label>{t('golive.mchName')}</label>
            <Input value={form.mchName} maxLength={64} onChange={set('mchName')} data-testid="register-name" />
            <label>{t('golive.mchShortName')}</label>
            <Input value={form.mchShortName} maxLength={64} onChange={set('mchShortName')} data-testid="register-short-name" />
          </>
        )}
        {how !== 'password' && (
          <>
            <label>{t('settings.mobile')}</label>
            {how === 'sms' ? (
              <Input.Search
                value={form.mobile}
                maxLength={11}
                inputMode="numeric"
                onChange={set('mobile', true)}
                enterButton={t('settings.sendSms')}
                loading={busy}
                onSearch={() => void run(() => store.sendSms(form.mobile), (v) => t('settings.smsSent', { minutes: v.validMinutes }))}
                data-testid="activation-mobile"
              />
            ) : (
              <Input value={form.mobile} maxLength={11} inputMode="numeric" onChange={set('mobile', true)} data-testid="register-mobile" />
            )}
          </>
        )}
        {how === 'sms' && (
          <>
            <label>{t('settings.smsCode')}</label>
            <Input value={form.code} maxLength={8} inputMode="numeric" onChange={set('code', true)} data-testid="activation-code" />
          </>
        )}
        {how === 'password' && (
          <>
            <label>{t('settings.username')}</label>
            <Input value={form.username} maxLength={64} onChange={set('username')} data-testid="activation-username" />
            <label>{t('settings.password')}</label>
            <Input.Password value={form.password} maxLength={64} autoComplete="off" onChange={set('password')} data-testid="activation-password" />
          </>
        )}
      </div>
      <Button type="primary" size={compact ? 'middle' : 'large'} loading={busy} onClick={() => void submit()} data-testid="activate">
        {how === 'register' ? t('golive.registerSubmit') : t('settings.activate')}
      </Button>
      {/* In the setup a registered (pending) merchant is explained right below the card: no second green note. */}
      {note &&
        !(note.ok && compact && how === 'register') &&
        (note.ok ? (
          <Alert className="dialog-error" type="success" showIcon title={note.text} data-testid="activation-note" />
        ) : (
          <Alert
            className="dialog-error"
            type="error"
            showIcon
            title={errorText(t, note.error)}
            data-testid="activation-note"
            data-code={note.error.code}
          />
        ))}
    </Card>
  )
}
