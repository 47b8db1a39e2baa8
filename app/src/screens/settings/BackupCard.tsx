// Journal backups: how many to keep, an optional second folder (e.g. a USB
// stick), the latest one, and "back up now". Changing the options needs the
// supervisor PIN once one is set (the bar at the top of Settings).
import { App, Button, Card, Input, InputNumber } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProofInput } from '../../../../electron/shared/contract'
import { dateTime } from '../../lib/format'
import { useJournalStore } from '../../state/journal-store'
import { backupText } from '../journal/finding-text'
import { errorText } from '../../lib/error-text'

export function BackupCard({ pin }: { pin: ProofInput }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { status, options } = useJournalStore()
  const [keep, setKeep] = useState<number | null>(null)
  const [folder, setFolder] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => void useJournalStore.getState().load(), [])

  const save = async () => {
    if (!options) return
    const r = await useJournalStore.getState().setOptions({ keep: keep ?? options.keep, secondFolder: (folder ?? options.secondFolder).trim() }, pin)
    if (r.ok) void message.success(t('journal.optionsSaved'))
    else void message.error(t('journal.failed', { message: errorText(t, r.error) }))
  }
  const backup = async () => {
    setBusy(true)
    const r = await useJournalStore.getState().backupNow()
    setBusy(false)
    if (r.ok) void message.success(t('journal.backupDone', { time: dateTime(r.value.takenAt) }))
    else void message.error(t('journal.failed', { message: errorText(t, r.error) }))
  }

  return (
    <Card title={t('journal.backupTitle')} data-testid="backup-card">
      <p data-testid="backup-latest">{status?.latestBackup ? backupText(t, status.latestBackup) : t('journal.noBackup')}</p>
      {status && <p className="muted">{t('journal.backupCount', { count: status.backupCount })}</p>}
      <div className="form-grid">
        <label>{t('journal.keep')}</label>
        <InputNumber min={2} max={1000} value={keep ?? options?.keep ?? 48} onChange={(v) => setKeep(v)} data-testid="backup-keep" />
        <label>{t('journal.secondFolder')}</label>
        <Input value={folder ?? options?.secondFolder ?? ''} maxLength={512} onChange={(e) => setFolder(e.target.value)} data-testid="backup-folder" />
      </div>
      <div className="backup-actions">
        <Button onClick={() => void save()} disabled={!options} data-testid="backup-save">
          {t('journal.saveOptions')}
        </Button>
        <Button type="primary" loading={busy} onClick={() => void backup()} data-testid="backup-now">
          {t('journal.backupNow')}
        </Button>
      </div>
    </Card>
  )
}
