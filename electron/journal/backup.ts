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
  orders: number
}

export const backupName = (takenAt: number, seq: number) => `journal-${String(takenAt).padStart(13, '0')}-s${seq}.sqlite3`

/** Opens a backup read-only and checks it; throws with SQLite's words when it is not sound. */
export function verifyBackup(path: string, journalId?: string | null): Verified {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const check = (db.pragma('quick_check', { simple: false }) as { quick_check: string }[]).map((r) => r.quick_check)
    if (check.length !== 1 || check[0] !== 'ok') throw new Error(`quick_check: ${check.slice(0, 3).join('; ')}`)
    const identity = readIdentity(db)
    if (journalId !== undefined && journalId !== null && identity.journalId !== journalId) throw new Error('backup is of another journal')
    return { journalId: identity.journalId, seq: commitSeq(db), orders: (db.prepare('SELECT count(*) n FROM orders').get() as { n: number }).n }
  } finally {
    db.close()
  }
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

/** Online backup of the open journal into `folder`; resolves once the copy is verified and in place. */
export async function takeBackup(db: Db, folder: string, now: number, pagesPerStep = 64): Promise<BackupFile> {
  await mkdir(folder, { recursive: true })
  const { journalId } = readIdentity(db)
  const seq = commitSeq(db)
  const file = backupName(now, seq)
  const part = join(folder, `${file}.part`)
  await rm(part, { force: true })
  try {
    // Small steps: each runs between two turns of the event loop, so a sale waits at most one step.
    await db.backup(part, { progress: () => pagesPerStep })
    const copy = new Database(part)
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    await fsyncPath(part, 'r+')
    verifyBackup(part, journalId)
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
    verifyBackup(part, journalId)
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
