// Settings and activation. Keys are write-only: the view only says set / not set.
import { Alert, App, Button, Card, Input, Radio, Switch, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SettingsPatch } from '../../../../electron/shared/contract'
import type { PosError } from '../../../../electron/shared/result'
import { errorText } from '../../lib/error-text'
import { go } from '../../shell/route'
import { proofOf } from '../../state/operators-store'
import { setDefaultLanguage, useSettingsStore } from '../../state/settings-store'
import { ApproverInput, useOperatorsOn } from '../operators/ApproverInput'
import { LiveChecklist } from '../setup/LiveChecklist'
import { ActivationCard } from './ActivationCard'
import { BackupCard } from './BackupCard'
import { DevicesCard } from './DevicesCard'
import { LimitsCard } from './LimitsCard'
import { PinCard } from './PinCard'
import { PrinterCard } from './PrinterCard'
import { StoreDbCard } from './StoreDbCard'
import { StoreSettingsCard } from './StoreSettingsCard'

export function SettingsScreen() {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const view = useSettingsStore((s) => s.view)
  const error = useSettingsStore((s) => s.error)
  const [pin, setPin] = useState('')
  // With operators: a manager's number beside the PIN makes it their approval (recorded in the audit).
  const [approver, setApprover] = useState('')
  const operatorsOn = useOperatorsOn()
  const [form, setForm] = useState<Record<string, string>>({})
  const [modeNote, setModeNote] = useState<PosError | null>(null)

  useEffect(() => void useSettingsStore.getState().load(), [])

  if (!view) return error ? <Alert type="error" showIcon title={t('settings.unavailable', { message: errorText(t, error) })} /> : <p>{t('common.loading')}</p>

  const field = (name: keyof SettingsPatch) => ({
    value: form[name] ?? (typeof view[name as keyof typeof view] === 'string' ? (view[name as keyof typeof view] as string) : ''),
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
    'data-testid': `settings-${name}`,
  })
  const secret = (name: 'agentKey' | 'merchantKey') => ({
    value: form[name] ?? '',
    type: 'password',
    autoComplete: 'new-password',
    placeholder: t('settings.keyPlaceholder'),
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
    'data-testid': `settings-${name}`,
  })
  const pinArg = pin ? proofOf(approver, pin) : undefined
  const report = (r: { ok: true } | { ok: false; error: PosError }, okText = t('settings.saved')) =>
    r.ok ? void message.success(okText) : void message.error(t('settings.failed', { message: errorText(t, r.error) }))

  const save = async (names: (keyof SettingsPatch)[]) => {
    const patch: Record<string, string> = {}
    for (const n of names) {
      const v = form[n]
      if (v !== undefined && v !== '') patch[n] = v.trim()
    }
    if (Object.keys(patch).length === 0) return
    const r = await useSettingsStore.getState().update(patch as SettingsPatch, pinArg)
    report(r)
    // Secrets leave the form as soon as they are sent, whatever the answer.
    if (r.ok) setForm({})
    else setForm((f) => ({ ...f, agentKey: '', merchantKey: '' }))
  }

  const keyTag = (set: boolean, testId: string) => (
    <Tag color={set ? 'green' : 'default'} data-testid={testId}>
      {set ? t('settings.keySet') : t('settings.keyNotSet')}
    </Tag>
  )

  return (
    <div className="settings">
      {!view.secretsEncrypted && <Alert type="warning" showIcon title={t('settings.secretsPlain')} data-testid="secrets-plain" />}
      <Card size="small" className="settings-pin-bar" data-testid="settings-pin-bar">
        <ApproverInput value={approver} onChange={setApprover} label={t('ops.approve.managerNo')} testId="settings-approver" style={{ width: 90 }} />
        <label htmlFor="settings-pin">{operatorsOn ? t('ops.approve.pin') : t('settings.pinForChange')}</label>
        <Input.Password
          id="settings-pin"
          value={pin}
          maxLength={12}
          autoComplete="off"
          style={{ width: 200 }}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          data-testid="settings-pin"
        />
        {operatorsOn && <p className="settings-hint settings-pin-hint">{t('ops.approve.managerHint')}</p>}
      </Card>
      <div className="settings-grid">
        <Card title={t('golive.goLive')} data-testid="live-card">
          <LiveChecklist view={view} />
          <Button type="primary" onClick={() => go('setup')} data-testid="open-setup">
            {t('golive.openWizard')}
          </Button>
        </Card>
        <ActivationCard view={view} pin={pinArg} />
        <Card title={t('settings.gateway')}>
          <div className="form-grid">
            <label>{t('settings.gatewayUrl')}</label>
            <Input {...field('gatewayUrl')} maxLength={256} placeholder={view.mode === 'demo' ? t('settings.gatewayDemo') : 'https://'} />
            <label>{t('settings.agentId')}</label>
            <Input {...field('agentId')} maxLength={32} />
            <label>
              {t('settings.agentKey')} {keyTag(view.agentKeySet, 'agentKey-state')}
            </label>
            <Input {...secret('agentKey')} maxLength={128} />
            <label>
              {t('settings.merchantKey')} {keyTag(view.merchantKeySet, 'merchantKey-state')}
            </label>
            <Input {...secret('merchantKey')} maxLength={128} />
          </div>
          <Button type="primary" onClick={() => void save(['gatewayUrl', 'agentId', 'agentKey', 'merchantKey'])} data-testid="save-gateway">
            {t('settings.save')}
          </Button>
        </Card>
        <Card title={t('settings.store')}>
          <div className="form-grid">
            <label>{t('settings.storeName')}</label>
            <Input {...field('storeName')} maxLength={64} />
            <label>{t('settings.storeId')}</label>
            <Input {...field('storeId')} maxLength={32} />
            <label>{t('settings.deviceId')}</label>
            <Input {...field('deviceId')} maxLength={32} />
            <label>{t('settings.cashier')}</label>
            <Input {...field('cashier')} maxLength={64} />
          </div>
          <Button type="primary" onClick={() => void save(['storeName', 'storeId', 'deviceId', 'cashier'])} data-testid="save-store">
            {t('settings.save')}
          </Button>
        </Card>
        <Card title={t('settings.modeTitle')}>
          <Radio.Group
            value={view.mode}
            optionType="button"
            buttonStyle="solid"
            size="large"
            onChange={async (e) => {
              const mode = e.target.value as 'demo' | 'live'
              let r = await useSettingsStore.getState().setMode(mode, pinArg)
              // No encryption at rest on this machine: live mode only after the supervisor says yes, knowingly.
              if (!r.ok && r.error.code === 'CONFIRM_REQUIRED') {
                const yes = await modal.confirm({ title: t('settings.plainConfirmTitle'), content: t('settings.plainConfirm'), okText: t('settings.plainConfirmOk'), cancelText: t('common.cancel') })
                if (yes) r = await useSettingsStore.getState().setMode(mode, pinArg, true)
              }
              // A refusal stays on the card (why, and what to do), not only in a toast that fades.
              setModeNote(r.ok ? null : r.error)
              if (r.ok) void message.success(t('settings.modeChanged', { mode: t(`mode.${mode}`) }))
            }}
            options={[
              { value: 'demo', label: t('settings.modeDemo') },
              { value: 'live', label: t('settings.modeLive') },
            ]}
            data-testid="mode-switch"
          />
          {modeNote && (
            <Alert
              className="dialog-error"
              type="error"
              showIcon
              title={t(modeNote.code === 'NOT_CONFIGURED' || modeNote.code === 'LIVE_CHECK_FAILED' ? 'settings.liveRefused' : 'settings.modeRefused')}
              description={errorText(t, modeNote)}
              data-testid="mode-note"
              data-code={modeNote.code}
            />
          )}
          <p className="settings-row">
            <Switch
              checked={view.speakOnSuccess}
              onChange={async (speakOnSuccess) => report(await useSettingsStore.getState().update({ speakOnSuccess }, pinArg))}
            />{' '}
            {t('settings.speak')}
          </p>
          <p className="settings-row">
            {t('settings.defaultLanguage')}:{' '}
            <Radio.Group
              value={view.language}
              onChange={async (e) => report(await setDefaultLanguage(e.target.value as 'zh-CN' | 'en', pinArg))}
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </p>
          <p className="muted settings-hint">{t('settings.languageHint')}</p>
        </Card>
        <LimitsCard view={view} pin={pinArg} />
        <DevicesCard pin={pinArg} />
        <PrinterCard pin={pinArg} />
        <PinCard pinSet={view.pinSet} needsChange={view.pinNeedsChange} />
        <BackupCard pin={pinArg} />
        <StoreDbCard pin={pinArg} />
        <StoreSettingsCard pin={pinArg} />
      </div>
    </div>
  )
}
