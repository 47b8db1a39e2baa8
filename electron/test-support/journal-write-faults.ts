// Journal write faults for tests and the reliability report, on the real SQLite
// connection and the real file system (nothing in the app is stubbed):
// - injectWriteFailure: TEMP triggers (this connection only, nothing written to
//   the file) make SQLite itself refuse every INSERT/UPDATE/DELETE, like a disk
//   that stopped taking writes; heal() drops them.
// - smallDisk: a real 4 MiB tmpfs (needs root / CAP_SYS_ADMIN, else null) that
//   fill() fills to ENOSPC, so SQLite answers SQLITE_FULL; free() makes room.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, openSync, rmSync, unlinkSync, writeSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../journal/db'

export function injectWriteFailure(db: Db): { heal(): void } {
  const tables = (db.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((t) => t.name)
  const names: string[] = []
  for (const t of tables) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const name = `fault_${t}_${op.toLowerCase()}`
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${name} BEFORE ${op} ON main.${t} BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END`)
      names.push(name)
    }
  }
  return {
    heal() {
      for (const n of names) db.exec(`DROP TRIGGER IF EXISTS temp.${n}`)
    },
  }
}

export interface SmallDisk {
  dir: string
  /** Fills the disk to ENOSPC (after emptying the journal's WAL so its next commit needs new space). */
  fill(db?: Db): void
  /** Removes the filler: the journal can write again. */
  free(): void
  unmount(): void
}

/** A real 4 MiB tmpfs, or null where mounting is not allowed (not root, no CAP_SYS_ADMIN). */
export function smallDisk(sizeKiB = 4096): SmallDisk | null {
  if (process.platform !== 'linux') return null
  const dir = mkdtempSync(join(tmpdir(), 'counter-smalldisk-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    rmSync(dir, { recursive: true, force: true })
    return null
  }
  const filler = join(dir, 'filler.bin')
  return {
    dir,
    fill(db) {
      db?.pragma('wal_checkpoint(TRUNCATE)')
      const fd = openSync(filler, 'a')
      const chunk = Buffer.alloc(64 * 1024, 0xff)
      try {
        for (;;) writeSync(fd, chunk)
      } catch {
        // ENOSPC: full; fill the last few bytes too
        const small = Buffer.alloc(512, 0xff)
        try {
          for (;;) writeSync(fd, small)
        } catch {
          /* full */
        }
      } finally {
        closeSync(fd)
      }
    },
    free() {
      try {
        unlinkSync(filler)
      } catch {
        /* not there */
      }
    },
    unmount() {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'ignore' })
      } catch {
        /* already gone */
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
