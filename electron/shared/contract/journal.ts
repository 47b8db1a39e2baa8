// The journal's own state: what the start-up check found, the backups, and the
// two ways out of a journal problem (restore the latest backup, or start a new
// journal keeping the damaged one aside). Findings are codes with parameters,
// never sentences: the renderer words them in both languages.
import { z } from 'zod'
import { Approval } from './operators'
import { call, Empty, Pin, Timestamp } from './define'

export const JournalFindingCode = z.enum([
  'missing', // no journal file, but a marker says there was one
  'empty', // the journal file is 0 bytes
  'replaced', // the journal is not the one the marker names
  'rolled-back', // older than the last sequence the marker saw
  'damaged', // quick_check failed or SQLite could not read it
  'schema-newer', // written by a newer app
  'secrets-unreadable', // the secret store could not be read (fails closed)
  'backup-failed', // the last backup could not be written or verified
])
export type JournalFindingCode = z.infer<typeof JournalFindingCode>

export const JournalFinding = z.object({
  code: JournalFindingCode,
  params: z.record(z.string(), z.union([z.string().max(512), z.number()])),
})
export type JournalFinding = z.infer<typeof JournalFinding>

export const BackupView = z.object({
  file: z.string(),
  folder: z.enum(['primary', 'secondary']),
  takenAt: Timestamp,
  seq: z.int().min(0),
  bytes: z.int().min(0),
})
export type BackupView = z.infer<typeof BackupView>

export const JournalStatus = z.object({
  /** ok: sales allowed. problem: the books are unknown, sales and money calls are refused. */
  state: z.enum(['ok', 'problem']),
  findings: z.array(JournalFinding),
  /** The newest verified backup that restore would use. */
  latestBackup: BackupView.nullable(),
  backupCount: z.int().min(0),
  /** Whether the PIN-guarded actions need a PIN (one is set). */
  pinSet: z.boolean(),
  /** Where the last start-new / restore put the previous journal files. */
  asideFolder: z.string().nullable(),
  /** The last restore, if this journal came from a backup. */
  restoredFrom: z.object({ file: z.string(), takenAt: Timestamp, restoredAt: Timestamp, reinserted: z.int().min(0) }).nullable(),
})
export type JournalStatus = z.infer<typeof JournalStatus>

export const BackupOptions = z.strictObject({
  /** Backups kept in each folder (oldest removed first). */
  keep: z.int().min(2).max(1000),
  /** An optional second folder (e.g. a USB stick); '' for none. */
  secondFolder: z.string().max(512),
})
export type BackupOptions = z.infer<typeof BackupOptions>

export const journalCalls = {
  'journal:status': call(Empty, JournalStatus),
  'journal:backupNow': call(Empty, BackupView),
  /** Replace the journal with the newest verified backup (the current files are kept aside). */
  'journal:restoreLatest': call(z.strictObject({ pin: Pin.optional(), approval: Approval.optional() }), JournalStatus),
  /** Only in the problem state: an empty journal; the damaged files are kept aside, never deleted. */
  'journal:startNew': call(z.strictObject({ pin: Pin.optional(), approval: Approval.optional() }), JournalStatus),
  'journal:backupOptions': call(Empty, BackupOptions),
  'journal:setBackupOptions': call(z.strictObject({ options: BackupOptions, pin: Pin.optional(), approval: Approval.optional() }), BackupOptions),
}

export const journalEvents = {
  /** The journal's state changed (problem found, restored, new journal, backup written). */
  'journal:status': JournalStatus,
}
