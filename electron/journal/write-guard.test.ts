// The write guard on real SQLite files: failures are classified from what
// SQLite itself answers, kept writes are flushed in order once it takes writes.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb, type Db } from './db'
import { injectWriteFailure } from '../test-support/journal-write-faults'
import { journalFailureReason, JournalWriteError, JournalWriteGuard, type GuardState } from './write-guard'

const dirs: string[] = []
const dbs: Db[] = []
afterEach(() => {
  for (const d of dbs.splice(0)) if (d.open) d.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function fresh(): { db: Db; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'counter-guard-'))
  dirs.push(dir)
  const path = join(dir, 'journal.sqlite3')
  const db = openDb(path)
  dbs.push(db)
  return { db, path }
}

const guardFor = (db: Db, changes: GuardState[], flushed: string[]) =>
  new JournalWriteGuard(db, {
    now: Date.now,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    onChange: (s) => changes.push(s),
    onFlushed: (key) => flushed.push(key),
    backoffMs: { first: 5, max: 20 },
  })

describe('journal write guard', () => {
  it('SQLite saying the database is full (max_page_count reached) is disk-full', () => {
    const { db } = fresh()
    db.exec(`CREATE TABLE big (x BLOB)`)
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages}`)
    let err: unknown
    try {
      db.prepare(`INSERT INTO big VALUES (zeroblob(100000))`).run()
    } catch (e) {
      err = e
    }
    expect(journalFailureReason(err)).toBe('disk-full')
  })

  it('a read-only journal file is read-only; a closed connection is closed; other errors are not journal failures', () => {
    const { db, path } = fresh()
    db.close()
    chmodSync(path, 0o444)
    const ro = openReadOnly(path)
    let err: unknown
    try {
      ro.prepare(`INSERT INTO counters (name, value) VALUES ('x', 1)`).run()
    } catch (e) {
      err = e
    }
    expect(journalFailureReason(err)).toBe('read-only')
    ro.close()
    let closed: unknown
    try {
      ro.prepare('SELECT 1').get()
    } catch (e) {
      closed = e
    }
    expect(journalFailureReason(closed)).toBe('closed')
    expect(journalFailureReason(new Error('a bug'))).toBeNull()
  })

  it('durable writes throw JournalWriteError; kept writes queue in order and are flushed once SQLite takes writes', async () => {
    const { db } = fresh()
    const changes: GuardState[] = []
    const flushed: string[] = []
    const guard = guardFor(db, changes, flushed)
    const fault = injectWriteFailure(db)
    expect(() => guard.durable(() => db.prepare(`INSERT INTO counters (name, value) VALUES ('a', 1)`).run())).toThrow(JournalWriteError)
    expect(guard.failing).toBe(true)
    expect(guard.keep('k1', () => void db.prepare(`INSERT INTO counters (name, value) VALUES ('k1', 1)`).run())).toBe(false)
    expect(guard.keep('k2', () => void db.prepare(`UPDATE counters SET value = value + 1 WHERE name = 'k1'`).run())).toBe(false)
    expect(guard.state()).toMatchObject({ failing: true, pending: 2, reason: 'write-error' })
    expect(guard.probe()).toBe('write-error')
    fault.heal()
    await guard.settled()
    expect(guard.state()).toMatchObject({ failing: false, pending: 0, reason: null })
    // in order: the UPDATE ran after the INSERT it depends on
    expect(db.prepare(`SELECT value FROM counters WHERE name = 'k1'`).get()).toEqual({ value: 2 })
    expect(changes.at(0)?.failing).toBe(true)
    expect(changes.at(-1)?.failing).toBe(false)
    expect(flushed).toEqual(['k1', 'k2'])
  })
})

/** A connection that may read but not write the file (root ignores file modes, so SQLite is asked for read-only). */
function openReadOnly(path: string): Db {
  const db = new BetterSqlite(path, { readonly: true })
  dbs.push(db)
  return db
}
