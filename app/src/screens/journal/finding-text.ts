// A journal finding (code + params from the core) in the cashier's language.
import type { TFunction } from 'i18next'
import type { BackupView, JournalFinding } from '../../../../electron/shared/contract'
import { dateTime } from '../../lib/format'

export function findingText(t: TFunction, f: JournalFinding): string {
  const params = { ...f.params }
  if (f.code === 'backup-failed' && typeof params['folder'] === 'string') params['folder'] = t(`journal.folders.${params['folder']}`)
  if (f.code === 'replaced' && !params['foundDevice']) params['foundDevice'] = '?'
  return t(`journal.findings.${f.code}`, params)
}

export function backupText(t: TFunction, b: BackupView): string {
  const size = b.bytes >= 1024 * 1024 ? `${(b.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(b.bytes / 1024))} KB`
  return t('journal.latestBackup', { time: dateTime(b.takenAt), seq: b.seq, size, folder: t(`journal.folders.${b.folder}`) })
}
