// Checkpoints between sales on a real SQLite file: with manual checkpoints no
// commit copies the WAL into the database; checkpointWhenDue does, only when
// no sale is in flight (or the WAL is far too big), and the WAL then restarts
// from its beginning instead of growing.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkpointWhenDue, walBytes } from './checkpoint'
import { openDb, type Db } from './db'

const dirs: string[] = []
const dbs: Db[] = []
afterEach(() => {
  for (const d of dbs.splice(0)) if (d.open) d.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function journal(manualCheckpoints: boolean): Db {
  const dir = mkdtempSync(join(tmpdir(), 'counter-ckpt-'))
  dirs.push(dir)
  const db = openDb(join(dir, 'journal.sqlite3'), { manualCheckpoints })
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')
  db.pragma('wal_checkpoint(TRUNCATE)') // the migrations' pages out of the way: the WAL holds only what a test writes
  dbs.push(db)
  return db
}

/** n commits of one ~1 KB row each (a sale writes a few pages per commit). */
function sell(db: Db, n: number): void {
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)')
  for (let i = 0; i < n; i++) db.transaction(() => insert.run('x'.repeat(1000)))()
}

const dbFileBytes = (db: Db) => statSync(db.name).size
const policy = { fromBytes: 64 * 1024, forceBytes: 8 * 1024 * 1024 }

describe('WAL checkpoints between sales', () => {
  it('with manual checkpoints no commit copies the WAL into the database (SQLite would at 1,000 pages)', () => {
    const manual = journal(true)
    const automatic = journal(false)
    sell(manual, 1_500)
    sell(automatic, 1_500)
    expect(walBytes(manual)).toBeGreaterThan(4 * 1024 * 1024)
    expect(walBytes(automatic)).toBeLessThan(4.5 * 1024 * 1024) // restarted at ~1,000 pages
    expect(dbFileBytes(manual)).toBeLessThan(dbFileBytes(automatic))
  })

  it('checkpoints when due and no sale is in flight; the WAL then restarts instead of growing', () => {
    const db = journal(true)
    sell(db, 200)
    const before = dbFileBytes(db)
    const out = checkpointWhenDue(db, false, policy)
    expect(out.ran).toBe(true)
    expect(out.ran && out.checkpointed).toBe(out.ran && out.frames)
    expect(dbFileBytes(db)).toBeGreaterThan(before + 150 * 1000)
    const wal = walBytes(db)
    sell(db, 50) // written from the start of the WAL again
    expect(walBytes(db)).toBe(wal)
    expect((db.prepare('SELECT count(*) n FROM t').get() as { n: number }).n).toBe(250)
  })

  it('waits while a sale is in flight, and below the threshold', () => {
    const db = journal(true)
    sell(db, 3)
    expect(walBytes(db)).toBeLessThan(policy.fromBytes)
    expect(checkpointWhenDue(db, false, policy).ran).toBe(false) // a few pages: not worth the fsync
    sell(db, 200)
    expect(checkpointWhenDue(db, true, policy).ran).toBe(false)
    expect(checkpointWhenDue(db, false, policy).ran).toBe(true)
  })

  it('a WAL past forceBytes is checkpointed even during a sale (a stuck busy flag cannot grow it forever)', () => {
    const db = journal(true)
    sell(db, 300)
    expect(checkpointWhenDue(db, true, { fromBytes: 64 * 1024, forceBytes: 512 * 1024 }).ran).toBe(true)
  })

  it('a journal closed with its WAL unchecked loses nothing', () => {
    const db = journal(true)
    sell(db, 300)
    const path = db.name
    db.close()
    const again = openDb(path, { manualCheckpoints: true })
    dbs.push(again)
    expect((again.prepare('SELECT count(*) n FROM t').get() as { n: number }).n).toBe(300)
  })
})
