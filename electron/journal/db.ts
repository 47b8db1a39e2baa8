// The journal: one SQLite file in the user data folder (WAL, synchronous=FULL,
// so a committed transition survives a power cut). Migrations are plain SQL
// strings applied in order and tracked with PRAGMA user_version (v5 calls two
// SQL functions registered here first: journal/legacy-messages.ts).
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { registerLegacyFunctions } from './legacy-messages'
import { MIGRATIONS } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  /** No automatic WAL checkpoint inside a commit: the owner checkpoints between sales (checkpoint.ts). */
  manualCheckpoints?: boolean
}

export function openDb(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  if (options.manualCheckpoints) {
    db.pragma('wal_autocheckpoint = 0')
    // A WAL that once grew large (a long burst of sales) is cut back to this when it restarts.
    db.pragma(`journal_size_limit = ${4 * 1024 * 1024}`)
  }
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // A bounded page cache (negative = KiB): the default lets RSS creep up over
  // thousands of payments; 2 MiB keeps the hot pages of the indexes the sale path uses.
  db.pragma('cache_size = -2048')
  migrate(db)
  return db
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > MIGRATIONS.length) {
    throw new Error(`journal schema v${current} is newer than this app (v${MIGRATIONS.length}): refusing to open`)
  }
  if (current === MIGRATIONS.length) return
  // v6 rewrites stored sentences as message codes with these (SQL alone cannot parse them).
  registerLegacyFunctions(db)
  // Foreign keys off while migrating (a table rebuild, v8, drops a parent table);
  // each migration's result is checked with foreign_key_check before it commits.
  const fk = db.pragma('foreign_keys', { simple: true }) as number
  db.pragma('foreign_keys = OFF')
  try {
    for (let v = current; v < MIGRATIONS.length; v++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[v] as string)
        const broken = db.pragma('foreign_key_check') as unknown[]
        if (broken.length > 0) throw new Error(`journal migration v${v + 1} leaves ${broken.length} broken references`)
        db.pragma(`user_version = ${v + 1}`)
      })()
    }
  } finally {
    db.pragma(`foreign_keys = ${fk ? 'ON' : 'OFF'}`)
  }
}
