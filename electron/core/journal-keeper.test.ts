// The keeper lets a sale go first: while one is between its scan and its
// answer the marker's fsyncs wait (a few ms at a time), never longer than
// maxDeferMs — a busy counter still gets its marker.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Journal } from '../journal'
import { ensureJournalId, readMarkerFile } from '../journal/identity'
import { memoryLogger } from '../kernel/logger'
import { JournalKeeper, journalPaths } from './journal-keeper'
import { fileSecretStore } from '../kernel/secrets'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function setUp(busy: () => boolean, maxDeferMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'counter-keeper-'))
  dirs.push(dir)
  const journal = Journal.inFolder(dir)
  ensureJournalId(journal.db)
  const paths = journalPaths(dir)
  const keeper = new JournalKeeper(journal.db, paths, fileSecretStore(join(dir, 'secrets.json')), Date.now, memoryLogger(), {
    tickMs: 60_000,
    secretEveryMs: 60_000,
    backupEveryMs: 0,
    keep: () => 2,
    secondFolder: () => '',
    onFinding: () => {},
    onBackup: () => {},
    busy,
    maxDeferMs,
  })
  const openShift = (id: string) => journal.db.prepare('INSERT INTO shifts (id, cashier, float_fen, opened_at) VALUES (?, ?, 0, ?)').run(id, 'c', Date.now())
  return { journal, paths, keeper, openShift }
}

describe('journal keeper and a sale in flight', () => {
  it('waits while a sale is in flight and writes the marker as soon as it is not', async () => {
    let busy = false
    const { journal, paths, keeper, openShift } = setUp(() => busy, 10_000)
    keeper.flush()
    const before = readMarkerFile(paths.marker).marker!.seq
    busy = true
    openShift('S1')
    await keeper.tick()
    expect(readMarkerFile(paths.marker).marker!.seq).toBe(before)
    busy = false
    // The keeper looks again a few ms later by itself.
    const deadline = Date.now() + 2_000
    while (readMarkerFile(paths.marker).marker!.seq === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5))
    expect(readMarkerFile(paths.marker).marker!.seq).toBeGreaterThan(before)
    await keeper.stop()
    journal.close()
  })

  it('never waits longer than maxDeferMs: a counter that is always busy still gets its marker', async () => {
    const { journal, paths, keeper, openShift } = setUp(() => true, 50)
    keeper.flush()
    const before = readMarkerFile(paths.marker).marker!.seq
    openShift('S2')
    const deadline = Date.now() + 2_000
    while (readMarkerFile(paths.marker).marker!.seq === before && Date.now() < deadline) {
      await keeper.tick()
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(readMarkerFile(paths.marker).marker!.seq).toBeGreaterThan(before)
    await keeper.stop()
    journal.close()
  })
})
