// Keeps the journal's marker and its recent-orders log current while the core
// runs, and takes the backups. Off the sale path: a timer looks at the commit
// sequence and, when it moved, writes the marker file and the log with async
// fsyncs (libuv's thread pool), never blocking a sale on the disk. The same
// timer checkpoints the WAL between sales (journal/checkpoint.ts).
import { join } from 'node:path'
import { checkpointWhenDue, type CheckpointPolicy } from '../journal/checkpoint'
import { BACKUP_FOLDER, copyBackup, listBackups, pruneBackups, takeBackup, type BackupFile } from '../journal/backup'
import type { Db } from '../journal/db'
import { commitSeq, markerOf, MARKER_FILE, type JournalMarker } from '../journal/identity'
import { appendRecent, lastOrderRowid, ordersAfter, pruneRecent, readRecent, RECENT_FILE } from '../journal/recent-orders'
import type { JournalFinding } from '../shared/contract'
import { writeFileDurably, writeFileDurablyAsync } from '../kernel/durable-file'
import type { Logger } from '../kernel/logger'
import type { SecretStore } from '../kernel/secrets'

export interface JournalPaths {
  dir: string
  journal: string
  marker: string
  recent: string
  backups: string
  options: string
}

export const journalPaths = (dir: string): JournalPaths => ({
  dir,
  journal: join(dir, 'journal.sqlite3'),
  marker: join(dir, MARKER_FILE),
  recent: join(dir, RECENT_FILE),
  backups: join(dir, BACKUP_FOLDER),
  options: join(dir, 'journal.backup-options.json'),
})

/** The marker goes to the secret store first, then the file: a crash in between leaves the harder-to-tamper copy newer. */
export function writeMarkerNow(paths: JournalPaths, secrets: SecretStore, marker: JournalMarker): void {
  try {
    secrets.set('journalMarker', JSON.stringify(marker))
  } catch {
    // an unreadable secret store is reported by the start-up check; the file marker still works
  }
  writeFileDurably(paths.marker, JSON.stringify(marker))
}

export interface KeeperOptions {
  tickMs: number
  /** Secret-store copy at most this often (it is a synchronous write). */
  secretEveryMs: number
  backupEveryMs: number
  keep: () => number
  secondFolder: () => string
  onFinding: (f: JournalFinding) => void
  onBackup: (b: BackupFile) => void
  /**
   * True while a sale is between its scan and its answer: the keeper's fsyncs
   * then wait (a few ms at a time, at most `maxDeferMs`), so they do not queue
   * on the disk in front of the sale's own commit.
   */
  busy?: () => boolean
  maxDeferMs?: number
  /** When to checkpoint the WAL between sales (default DEFAULT_CHECKPOINT_POLICY). */
  checkpoint?: CheckpointPolicy
}

export class JournalKeeper {
  private lastSeq = -1
  private lastSecretAt = 0
  private backupSeq = -1
  private watermark: number
  private writing: Promise<void> | null = null
  private backingUp: Promise<BackupFile> | null = null
  private readonly timers: NodeJS.Timeout[] = []

  constructor(
    private readonly db: Db,
    private readonly paths: JournalPaths,
    private readonly secrets: SecretStore,
    private readonly now: () => number,
    private readonly log: Logger,
    private readonly opts: KeeperOptions,
  ) {
    const logged = readRecent(paths.recent)
    const last = lastOrderRowid(db)
    this.watermark = logged.length > 0 ? Math.min(Math.max(...logged.map((e) => e.rowid)), last) : last
    this.backupSeq = listBackups(paths.backups)[0]?.seq ?? 0 // an empty journal needs no copy
  }

  start(): void {
    this.flush()
    this.timers.push(setInterval(() => void this.tick(), this.opts.tickMs))
    if (this.opts.backupEveryMs > 0) this.timers.push(setInterval(() => void this.backupIfChanged('hourly'), this.opts.backupEveryMs))
    for (const t of this.timers) t.unref()
  }

  /** Marker and log now, synchronously (start, close, after a restore); a full disk is logged, not thrown (the next tick tries again). */
  flush(): void {
    try {
      this.flushOrThrow()
    } catch (e) {
      this.log.error('journal marker: write failed', { error: e instanceof Error ? e.message : String(e) })
    }
  }

  private flushOrThrow(): void {
    const seq = commitSeq(this.db)
    const fresh = ordersAfter(this.db, this.watermark, 100_000)
    if (fresh.length > 0) {
      const second = this.opts.secondFolder()
      for (const path of [this.paths.recent, ...(second ? [join(second, RECENT_FILE)] : [])]) {
        try {
          writeFileDurably(path, [...readRecent(path), ...fresh].map((e) => JSON.stringify(e)).join('\n') + '\n')
        } catch (e) {
          if (path === this.paths.recent) throw e // the second folder may be unplugged
        }
      }
      this.watermark = fresh[fresh.length - 1]!.rowid
    }
    writeMarkerNow(this.paths, this.secrets, markerOf(this.db, this.now()))
    this.lastSeq = seq
    this.lastSecretAt = this.now()
  }

  private deferredSince: number | null = null
  private retry: NodeJS.Timeout | null = null

  /** One look: when the sequence moved, log new orders and rewrite the marker (async fsyncs). */
  tick(): Promise<void> {
    if (this.writing || !this.db.open) return this.writing ?? Promise.resolve()
    this.checkpoint()
    const seq = commitSeq(this.db)
    if (seq === this.lastSeq) return Promise.resolve()
    if (this.opts.busy?.()) {
      this.deferredSince ??= this.now()
      if (this.now() - this.deferredSince < (this.opts.maxDeferMs ?? 1_000)) {
        if (!this.retry) {
          this.retry = setTimeout(() => {
            this.retry = null
            void this.tick()
          }, 5)
          this.retry.unref()
        }
        return Promise.resolve()
      }
    }
    this.deferredSince = null
    const fresh = ordersAfter(this.db, this.watermark)
    const marker = markerOf(this.db, this.now())
    this.writing = (async () => {
      await appendRecent(this.paths.recent, fresh)
      // Mirrored to the second backup folder: if the journal's folder is lost, the USB copy still names the orders after its backup.
      const second = this.opts.secondFolder()
      if (second && fresh.length > 0) await appendRecent(join(second, RECENT_FILE), fresh).catch(() => undefined)
      if (fresh.length > 0) this.watermark = fresh[fresh.length - 1]!.rowid
      await writeFileDurablyAsync(this.paths.marker, JSON.stringify(marker))
      this.lastSeq = seq
      if (this.now() - this.lastSecretAt >= this.opts.secretEveryMs) {
        this.lastSecretAt = this.now()
        try {
          this.secrets.set('journalMarker', JSON.stringify(marker))
        } catch {
          // reported at start-up; the file marker carries on
        }
      }
    })()
      .catch((e: unknown) => this.log.error('journal marker: write failed', { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => (this.writing = null))
    return this.writing
  }

  /** Between sales, the WAL into the database file (journal/checkpoint.ts); a failure is retried next tick. */
  private checkpoint(): void {
    try {
      checkpointWhenDue(this.db, this.opts.busy?.() ?? false, this.opts.checkpoint)
    } catch (e) {
      this.log.warn('journal checkpoint failed', { error: e instanceof Error ? e.message : String(e) })
    }
  }

  /** Resolves once the marker and the log have caught up with every commit made so far. */
  async settle(): Promise<void> {
    for (let i = 0; i < 10 && this.db.open; i++) {
      await this.tick()
      if (commitSeq(this.db) === this.lastSeq) return
    }
  }

  backupIfChanged(reason: string): Promise<BackupFile | null> {
    if (!this.db.open || commitSeq(this.db) === this.backupSeq) return Promise.resolve(null)
    return this.backup(reason).catch(() => null)
  }

  /** One backup at a time; a second request while one runs gets the running one. */
  backup(reason: string): Promise<BackupFile> {
    this.backingUp ??= this.runBackup(reason).finally(() => (this.backingUp = null))
    return this.backingUp
  }

  private async runBackup(reason: string): Promise<BackupFile> {
    const started = performance.now()
    let primary: BackupFile
    try {
      primary = await takeBackup(this.db, this.paths.backups, this.now())
    } catch (e) {
      const detail = (e instanceof Error ? e.message : String(e)).slice(0, 200)
      this.opts.onFinding({ code: 'backup-failed', params: { folder: 'primary', detail } })
      this.log.error('journal backup failed', { reason, detail })
      throw e
    }
    this.backupSeq = primary.seq
    await pruneBackups(this.paths.backups, this.opts.keep())
    const second = this.opts.secondFolder()
    if (second) {
      try {
        await copyBackup(primary, second, null)
        await pruneBackups(second, this.opts.keep())
        pruneRecent(join(second, RECENT_FILE), listBackups(second)[1]?.takenAt ?? 0)
      } catch (e) {
        this.opts.onFinding({ code: 'backup-failed', params: { folder: 'secondary', detail: (e instanceof Error ? e.message : String(e)).slice(0, 200) } })
      }
    }
    // The log has to reach back to the second-newest backup (restore falls back to it if the newest is bad).
    const kept = listBackups(this.paths.backups)
    await this.writing
    pruneRecent(this.paths.recent, kept[1]?.takenAt ?? 0)
    this.log.info('journal backup', { reason, file: primary.file, bytes: primary.bytes, ms: Math.round(performance.now() - started) })
    this.opts.onBackup(primary)
    return primary
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t)
    if (this.retry) clearTimeout(this.retry)
    await this.writing
    await this.backingUp?.catch(() => undefined)
    if (this.db.open) this.flush()
  }
}
