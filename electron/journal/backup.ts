// Rolling backups with SQLite's online backup API (better-sqlite3 db.backup():
// a few pages per event-loop turn, so sales keep going while it copies). Each
// copy is written under a temporary name, switched to rollback-journal mode so
// it is one self-contained file, verified (opened read-only: quick_check, the
// journal's id, its sequence), and only then given its final name.
import Database from 'better-sqlite3'
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Db } from './db'
import { commitSeq, readIdentity } from './identity'
import { runSqliteJob } from './sqlite-worker'

export const BACKUP_FOLDER = 'backups'
const NAME = /^journal-(\d{13})-s(\d+)\.sqlite3$/

export interface BackupFile {
  path: string
  file: string
  takenAt: number
  seq: number
  bytes: number
}

export interface Verified {
  journalId: string | null
  seq: number
}

export const backupName = (takenAt: number, seq: number) => `journal-${String(takenAt).padStart(13, '0')}-s${seq}.sqlite3`

/** Which journal a backup is of and how far along (cheap: a few pages); throws when it is of another journal. */
function identityOf(path: string, journalId?: string | null): Verified {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const identity = readIdentity(db)
    if (journalId !== undefined && journalId !== null && identity.journalId !== journalId) throw new Error('backup is of another journal')
    return { journalId: identity.journalId, seq: commitSeq(db) }
  } finally {
    db.close()
  }
}

const sound = (rows: string[]) => {
  if (rows.length !== 1 || rows[0] !== 'ok') throw new Error(`quick_check: ${rows.slice(0, 3).join('; ')}`)
}

/** Opens a backup read-only and checks it (quick_check in a worker thread); throws with SQLite's words when it is not sound. */
export async function verifyBackup(path: string, journalId?: string | null): Promise<Verified> {
  sound(await runSqliteJob({ kind: 'check', path }))
  return identityOf(path, journalId)
}

async function fsyncPath(path: string, flags = 'r'): Promise<void> {
  if (process.platform === 'win32' && flags === 'r' && statSync(path).isDirectory()) return
  const f = await open(path, flags)
  try {
    await f.sync()
  } finally {
    await f.close()
  }
}

/**
 * Online backup of the open journal into `folder`, copied, switched out of WAL
 * mode and checked in a worker thread (sales go on meanwhile); resolves once
 * the copy is verified, fsynced and under its final name (which carries the
 * sequence it holds).
 */
export async function takeBackup(db: Db, folder: string, now: number): Promise<BackupFile> {
  await mkdir(folder, { recursive: true })
  const { journalId } = readIdentity(db)
  const part = join(folder, `journal-${now}.part`)
  await rm(part, { force: true })
  try {
    sound(await runSqliteJob({ kind: 'backup', from: db.name, to: part }))
    const { seq } = identityOf(part, journalId)
    await fsyncPath(part, 'r+')
    const file = backupName(now, seq)
    const path = join(folder, file)
    await rename(part, path)
    await fsyncPath(folder)
    return { path, file, takenAt: now, seq, bytes: (await stat(path)).size }
  } catch (e) {
    await rm(part, { force: true })
    throw e
  }
}

/** A verified backup copied to a second folder (e.g. a USB stick), verified again there. */
export async function copyBackup(from: BackupFile, folder: string, journalId: string | null): Promise<BackupFile> {
  await mkdir(folder, { recursive: true })
  const part = join(folder, `${from.file}.part`)
  try {
    await copyFile(from.path, part)
    await fsyncPath(part, 'r+')
    await verifyBackup(part, journalId)
    const path = join(folder, from.file)
    await rename(part, path)
    await fsyncPath(folder)
    return { ...from, path }
  } catch (e) {
    await rm(part, { force: true })
    throw e
  }
}

/** Backups in a folder, newest first (by sequence, then time). */
export function listBackups(folder: string): BackupFile[] {
  if (!existsSync(folder)) return []
  const out: BackupFile[] = []
  for (const file of readdirSync(folder)) {
    const m = NAME.exec(file)
    if (!m) continue
    const path = join(folder, file)
    out.push({ path, file, takenAt: Number(m[1]), seq: Number(m[2]), bytes: statSync(path).size })
  }
  return out.sort((a, b) => b.takenAt - a.takenAt || b.seq - a.seq)
}

/** Keeps the newest `keep` backups of a folder; removes the rest. */
export async function pruneBackups(folder: string, keep: number): Promise<number> {
  const extra = listBackups(folder).slice(keep)
  for (const b of extra) await rm(b.path, { force: true })
  return extra.length
}

/** Moves files aside into a new folder (never deletes them); returns the folder, or null when none existed. */
export function moveAside(files: string[], folder: string): string | null {
  const present = files.filter((f) => existsSync(f))
  if (present.length === 0) return null
  mkdirSync(folder, { recursive: true })
  for (const f of present) renameSync(f, join(folder, f.split(/[\\/]/).pop() as string))
  return folder
}

/** Puts a copy of `from` in place of `to`: copied under a temporary name, fsynced, renamed, the folder fsynced. */
export function installCopy(from: string, to: string): void {
  const tmp = `${to}.restoring`
  copyFileSync(from, tmp)
  for (const [path, flags] of [[tmp, 'r+'], ...(process.platform === 'win32' ? [] : [[dirname(to), 'r']])] as [string, string][]) {
    const fd = openSync(path, flags)
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    if (path === tmp) renameSync(tmp, to)
  }
}

/** The settings rows of a backup (for a new journal: the counter's configuration, not the books). Journal identity rows are left out. */
export function settingsOf(path: string): { key: string; value: string }[] {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(`SELECT key, value FROM settings WHERE key NOT LIKE 'journal.%'`).all() as { key: string; value: string }[]
  } finally {
    db.close()
  }
}
