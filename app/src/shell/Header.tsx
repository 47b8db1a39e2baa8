// Top bar: store, cashier, mode, health, devices, version, language.
import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { DeviceStatus } from '../../../electron/shared/contract'
import { messageText } from '../lib/message-text'
import { useAppStore } from '../state/app-store'
import { useCashStore } from '../state/cash-store'
import { useDevicesStore } from '../state/devices-store'
import { switchLanguage, useSettingsStore } from '../state/settings-store'
import { useShiftStore } from '../state/shift-store'
import { OperatorBadge } from './OperatorBadge'
import { StoreDbBadge } from './StoreDbBadge'

const STATE_COLOR: Record<DeviceStatus['state'], string> = {
  connected: 'green',
  connecting: 'gold',
  disconnected: 'default',
  failed: 'red',
  disabled: 'default',
}

export function Header() {
  const { t } = useTranslation()
  const { info, health, language } = useAppStore(useShallow((s) => ({ info: s.info, health: s.health, language: s.language })))
  const settings = useSettingsStore(useShallow((s) => ({ storeName: s.view?.storeName, mode: s.view?.mode, merchant: s.view?.merchantName, merchantState: s.view?.merchantState })))
  const shift = useShiftStore((s) => s.current)
  const devices = useDevicesStore((s) => s.status)
  const waitingJobs = useCashStore((c) => c.jobs.filter((j) => j.state !== 'printed' && j.state !== 'dismissed').length)
  // While the books are unknown the mode is too (it is a setting in the journal): no tag.
  const mode = info?.journal.state === 'problem' ? undefined : (settings.mode ?? info?.mode)
  const healthState = !health ? null : health.ok ? 'Ok' : health.gateway === 'down' || health.journal === 'down' || health.journal === 'failing' ? 'Down' : 'Degraded'

  return (
    <header className="header">
      {/* The version is in the brand's tooltip too: under 1280 px the header has no room for it. */}
      <Tooltip title={info ? `v${info.version} · ${info.transport}` : undefined}>
        <strong className="brand">{t('app.name')}</strong>
      </Tooltip>
      <span className="header-item" data-testid="header-store">
        {t('header.store')}: {settings.storeName || '—'}
      </span>
      {/* Whose shift it is (本班: 王店长); who is signed in is the badge next to it — they can differ. */}
      <span className="header-item" data-testid="header-cashier">
        {t('header.cashier')}: {shift?.cashier ?? t('header.noShift')}
      </span>
      <OperatorBadge />
      {mode && (
        <Tag color={mode === 'demo' ? 'orange' : 'green'} data-testid="header-mode">
          {t(`mode.${mode}`)}
        </Tag>
      )}
      {/* Which merchant the money goes to (demo: the sandbox's demo merchant). */}
      <Tooltip title={t('settings.merchant')}>
        <span className="header-item header-merchant" data-testid="header-merchant">
          {mode === 'live' ? settings.merchant || '—' : t('golive.demoMerchant')}
          {mode === 'live' && settings.merchantState && settings.merchantState !== 'active' && (
            <Tag color="red" className="header-merchant-state" data-testid="header-merchant-state">
              {t(`settings.merchantStates.${settings.merchantState}`)}
            </Tag>
          )}
        </span>
      </Tooltip>
      {(['scanner', 'face'] as const).map((d) => {
        const s = devices[d]
        if (!s || s.state === 'disabled') return null
        return (
          <Tooltip key={d} title={`${t(`settings.deviceStates.${s.state}`)} · ${messageText(t, s.detail)}`}>
            <Tag color={STATE_COLOR[s.state]} data-testid={`header-device-${d}`}>
              {t(`header.${d}`)}
              <span className={`header-state-words ${s.state === 'connected' ? 'is-connected' : ''}`}>: {t(`settings.deviceStates.${s.state}`)}</span>
              {s.state === 'connected' && <span className="header-state-mark" aria-label={t(`settings.deviceStates.${s.state}`)}> ✓</span>}
            </Tag>
          </Tooltip>
        )
      })}
      {/* The printer shows when it has something to say (a fault, jobs waiting): the header stays one row at 1024 px. */}
      {devices.printer && devices.printer.state !== 'disabled' && (waitingJobs > 0 || !['ok', 'unknown'].includes(String(devices.printer.detail.params?.['printerStatus']))) && (
        <Tooltip title={waitingJobs > 0 ? t('printing.pending', { count: waitingJobs }) : devices.printer.kind}>
          <Tag color={STATE_COLOR[devices.printer.state]} data-testid="header-device-printer">
            {t('printing.header')}: {t(`printing.status.${String(devices.printer.detail.params?.['printerStatus'])}`, { defaultValue: '' })}
            {waitingJobs > 0 && ` · ${t('printing.pending', { count: waitingJobs })}`}
          </Tag>
        </Tooltip>
      )}
      <StoreDbBadge />
      <span className="spacer" />
      {healthState && (
        <Tag color={healthState === 'Ok' ? 'green' : healthState === 'Down' ? 'red' : 'gold'} data-testid="header-health">
          {t('header.health')}: {t(`header.health${healthState}`)}
        </Tag>
      )}
      {health && health.attentionOrders > 0 && (
        <a href="#/orders" className="attention-link" data-testid="header-attention">
          {t('header.attention', { count: health.attentionOrders })}
        </a>
      )}
      <span className="header-item header-version muted" data-testid="header-version">
        {info ? `v${info.version} · ${info.transport}` : t('app.loading')}
      </span>
      <Tooltip title={t('header.languageTip')} placement="bottomRight">
        <button className="link-button" onClick={() => switchLanguage(language === 'en' ? 'zh-CN' : 'en')} data-testid="header-language">
          {t('header.language')}
        </button>
      </Tooltip>
    </header>
  )
}
