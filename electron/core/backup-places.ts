// Where a counter's backups and its recent-orders log are: the `backups/`
// folder beside the journal and the optional second folder (e.g. a USB stick),
// with the options that say how many to keep and where the second one is.
// The options are kept beside the journal and in the secret store, so a lost
// journal folder does not hide the copies on the stick.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { listBackups, verifyBackup, type BackupFile } from '../journal/backup'
import { readRecent, RECENT_FILE, type RecentOrder } from '../journal/recent-orders'
import { BackupOptions } from '../shared/contract'
import { writeFileDurably } from '../kernel/durable-file'
import type { JournalPaths } from './journal-keeper'
import type { Logger } from '../kernel/logger'
import type { SecretStore } from '../kernel/secrets'

const DEFAULT_BACKUP: BackupOptions = { keep: 48, secondFolder: '' }

export interface PlacedBackup {
  b: BackupFile
  folder: 'primary' | 'secondary'
}

export class BackupPlaces {
  constructor(
    private readonly paths: JournalPaths,
    private readonly secrets: SecretStore,
    private readonly log: Logger,
  ) {}

  options(): BackupOptions {
    for (const read of [() => readFileSync(this.paths.options, 'utf8'), () => this.secrets.get('backupOptions')]) {
      try {
        const parsed = BackupOptions.safeParse(JSON.parse(read() ?? ''))
        if (parsed.success) return parsed.data
      } catch {
        // try the other copy
      }
    }
    return DEFAULT_BACKUP
  }

  /** The secret store first: it is the copy that outlives the folder (and refuses when unreadable). */
  setOptions(next: BackupOptions): BackupOptions {
    this.secrets.set('backupOptions', JSON.stringify(next))
    writeFileDurably(this.paths.options, JSON.stringify(next))
    return this.options()
  }

  /** Every backup in both folders, newest first. */
  all(): PlacedBackup[] {
    const second = this.options().secondFolder
    const primary = listBackups(this.paths.backups).map((b) => ({ b, folder: 'primary' as const }))
    const secondary = second ? listBackups(second).map((b) => ({ b, folder: 'secondary' as const })) : []
    return [...primary, ...secondary].sort((x, y) => y.b.takenAt - x.b.takenAt)
  }

  /** The newest backup that still verifies (a damaged one is skipped, not used). */
  async newestVerified(): Promise<BackupFile | null> {
    for (const { b } of this.all()) {
      try {
        await verifyBackup(b.path)
        return b
      } catch (e) {
        this.log.warn('journal: backup does not verify, trying an older one', { file: b.file, error: e instanceof Error ? e.message : String(e) })
      }
    }
    return null
  }

  /** The recent-orders log, beside the journal and its copy in the second folder. */
  loggedOrders(): RecentOrder[] {
    const second = this.options().secondFolder
    return [...readRecent(this.paths.recent), ...(second ? readRecent(join(second, RECENT_FILE)) : [])]
  }
}
