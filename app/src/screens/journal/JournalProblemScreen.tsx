// 账本异常: the start-up check found the journal missing, empty, replaced,
// rolled back or damaged. Sales are refused by the core; this screen says what
// was found and offers the two ways out: restore the latest backup, or (PIN)
// start a new journal with the damaged files kept aside.
import { Alert, Button, Card, Input } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { JournalStatus } from '../../../../electron/shared/contract'
import type { Result } from '../../../../electron/shared/result'
import { useJournalStore } from '../../state/journal-store'
import { backupText, findingText } from './finding-text'
import { errorText } from '../../lib/error-text'

export function JournalProblemScreen({ findings }: { findings: JournalStatus['findings'] }) {
  const { t } = useTranslation()
  const status = useJournalStore((s) => s.status)
  const [pin, setPin] = useState('')
  const [busy, setBusy] = useState<'restore' | 'new' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  useEffect(() => void useJournalStore.getState().load(), [])

  const shown = status?.findings.length ? status.findings : findings
  const pinSet = status?.pinSet ?? true
  const pinOk = !pinSet || /^\d{4,12}$/.test(pin)

  const act = async (kind: 'restore' | 'new') => {
    setBusy(kind)
    setError(null)
    const store = useJournalStore.getState()
    const r: Result<JournalStatus> = kind === 'restore' ? await store.restoreLatest(pin || undefined) : await store.startNew(pin || undefined)
    setBusy(null)
    if (!r.ok) return setError(t('journal.failed', { message: errorText(t, r.error) }))
    setDone(kind === 'restore' ? t('journal.restored', { count: r.value.restoredFrom?.reinserted ?? 0 }) : t('journal.started', { folder: r.value.asideFolder ?? '' }))
    // Every screen starts again from the books now in place.
    setTimeout(() => window.location.reload(), 1500)
  }

  return (
    <div className="journal-problem" data-testid="journal-problem">
      <Alert type="error" showIcon title={<span className="journal-problem-title">{t('journal.title')}</span>} description={t('journal.lead')} />
      <Card size="small" title={t('journal.found')} className="journal-findings">
        <ul>
          {shown.map((f) => (
            <li key={f.code} data-testid={`journal-finding-${f.code}`}>
              {findingText(t, f)} <span className="muted">（{t('journal.code')} {f.code}）</span>
            </li>
          ))}
        </ul>
        {status?.asideFolder && <p className="muted">{t('journal.aside', { folder: status.asideFolder })}</p>}
      </Card>
      {done ? (
        <Alert type="success" showIcon title={done} data-testid="journal-done" />
      ) : (
        <div className="journal-actions">
          <div className="journal-pin">
            {pinSet ? (
              <Input.Password
                value={pin}
                maxLength={12}
                inputMode="numeric"
                placeholder={t('journal.pin')}
                addonBefore={t('journal.pinNeeded')}
                onChange={(e) => {
                  setPin(e.target.value.replace(/\D/g, ''))
                  setError(null)
                }}
                data-testid="journal-pin"
              />
            ) : (
              <p className="muted">{t('journal.pinNotSet')}</p>
            )}
            {error && (
              <p className="error-text" data-testid="journal-error">
                {error}
              </p>
            )}
          </div>
          <Card size="small" title={t('journal.restore')}>
            <p className="muted">{t('journal.restoreHelp')}</p>
            <p data-testid="journal-latest-backup">{status?.latestBackup ? backupText(t, status.latestBackup) : t('journal.noBackup')}</p>
            <Button type="primary" size="large" disabled={!status?.latestBackup || !pinOk} loading={busy === 'restore'} onClick={() => void act('restore')} data-testid="journal-restore">
              {t('journal.restore')}
            </Button>
          </Card>
          <Card size="small" title={t('journal.startNew')}>
            <p className="muted">{t('journal.startNewHelp')}</p>
            <Button danger size="large" disabled={!pinOk} loading={busy === 'new'} onClick={() => void act('new')} data-testid="journal-start-new">
              {t('journal.startNew')}
            </Button>
          </Card>
        </div>
      )}
    </div>
  )
}
