// The worker-thread path (journals above WORKER_FROM_BYTES; the other tests'
// journals are small and take the inline path): a real file of ~20 MB checked,
// backed up out of WAL mode, and a damaged copy caught.
import Database from 'better-sqlite3'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runSqliteJob, WORKER_FROM_BYTES } from './sqlite-worker'

const dir = mkdtempSync(join(tmpdir(), 'counter-worker-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('sqlite jobs in a worker thread', () => {
  it('checks, backs up (self-contained, rollback-journal mode) and catches damage', async () => {
    const path = join(dir, 'big.sqlite3')
    const db = new Database(path)
    db.pragma('journal_mode = WAL')
    db.exec('CREATE TABLE t (x TEXT)')
    const insert = db.prepare('INSERT INTO t VALUES (?)')
    db.transaction(() => {
      for (let i = 0; i < 40_000; i++) insert.run(`${i}`.padEnd(500, 'x'))
    })()
    db.pragma('wal_checkpoint(TRUNCATE)')
    expect(statSync(path).size).toBeGreaterThan(WORKER_FROM_BYTES)

    expect(await runSqliteJob({ kind: 'check', path })).toEqual(['ok'])
    const copy = join(dir, 'copy.sqlite3')
    insert.run('written while nobody copies') // the live connection stays open, as in the app
    expect(await runSqliteJob({ kind: 'backup', from: path, to: copy })).toEqual(['ok'])
    db.close()
    const bytes = readFileSync(copy)
    expect([bytes[18], bytes[19]]).toEqual([1, 1]) // not WAL: one file is the whole backup
    const check = new Database(copy, { readonly: true })
    expect((check.prepare('SELECT count(*) n FROM t').get() as { n: number }).n).toBe(40_001)
    check.close()

    bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 200)
    writeFileSync(copy, bytes)
    await expect(runSqliteJob({ kind: 'check', path: copy })).rejects.toThrow(/malformed/)
  })
})
