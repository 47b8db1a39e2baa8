// What can happen to a journal's files, done on purpose (tests and
// `npm run reliability`): truncated, WAL deleted, header / a page / a WAL frame
// garbled, the folder gone, an older copy put back. `snapshot` copies the
// journal's files while the core runs, as a power cut would leave them.
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const FILE_FAULTS = ['truncate', 'delete-wal', 'garble-header', 'garble-page', 'garble-wal-frame', 'delete-folder', 'older-copy'] as const
export type FileFault = (typeof FILE_FAULTS)[number]

const JOURNAL = 'journal.sqlite3'
const BESIDE = [JOURNAL, `${JOURNAL}-wal`, `${JOURNAL}-shm`, 'journal.marker.json', 'journal.recent.jsonl']

/** Copies the journal's files (not the backups) into `to`. */
export function snapshot(dir: string, to: string): void {
  mkdirSync(to, { recursive: true })
  for (const f of BESIDE) if (existsSync(join(dir, f))) copyFileSync(join(dir, f), join(to, f))
}

/** Puts snapshot files back in place of the current ones (files the snapshot lacks are removed). */
export function putBack(from: string, dir: string, only: string[] = BESIDE): void {
  for (const f of only) {
    rmSync(join(dir, f), { force: true })
    if (existsSync(join(from, f))) copyFileSync(join(from, f), join(dir, f))
  }
}

function flip(path: string, at: number, length: number): void {
  const b = readFileSync(path)
  for (let i = at; i < Math.min(at + length, b.length); i++) b[i] = (b[i] ?? 0) ^ 0x5a
  writeFileSync(path, b)
}

/** The page number of the orders table's root (a page every read of an order goes through). */
function ordersRootPage(path: string): number {
  const db = new Database(path, { readonly: true })
  try {
    return (db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'orders'`).get() as { rootpage: number }).rootpage
  } finally {
    db.close()
  }
}

/**
 * Applies a fault to the journal in `dir` (the core must be closed). `older` is a
 * snapshot taken earlier, for 'older-copy'. The WAL faults need a WAL: apply
 * them to a `snapshot` taken while the core ran.
 */
export function applyFileFault(fault: FileFault, dir: string, older?: string): void {
  const path = join(dir, JOURNAL)
  switch (fault) {
    case 'truncate':
      truncateSync(path, 0)
      rmSync(`${path}-wal`, { force: true })
      rmSync(`${path}-shm`, { force: true })
      return
    case 'delete-wal':
      if (!existsSync(`${path}-wal`)) throw new Error('no WAL to delete')
      rmSync(`${path}-wal`)
      rmSync(`${path}-shm`, { force: true })
      return
    case 'garble-header':
      flip(path, 0, 100)
      return
    case 'garble-page': {
      const page = 4096
      flip(path, (ordersRootPage(path) - 1) * page + 8, 64)
      return
    }
    case 'garble-wal-frame': {
      const wal = `${path}-wal`
      if (!existsSync(wal)) throw new Error('no WAL to garble')
      // WAL header 32 bytes, each frame a 24-byte header and a page. Damage a frame near the end
      // (the last commits: a paid order), so SQLite's checksum stops recovery there.
      const frames = Math.floor((readFileSync(wal).length - 32) / (24 + 4096))
      if (frames < 4) throw new Error('WAL too short to garble a late frame')
      flip(wal, 32 + (frames - 3) * (24 + 4096) + 24 + 100, 32)
      rmSync(`${path}-shm`, { force: true })
      return
    }
    case 'delete-folder':
      for (const f of readdirSync(dir)) if (f !== 'secrets.json') rmSync(join(dir, f), { recursive: true, force: true })
      return
    case 'older-copy':
      if (!older) throw new Error('older-copy needs an earlier snapshot')
      putBack(older, dir, [JOURNAL, `${JOURNAL}-wal`, `${JOURNAL}-shm`])
      return
  }
}
