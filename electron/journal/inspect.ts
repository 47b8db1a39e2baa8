// The start-up check, run before the journal is opened for writing: is the
// file there, readable (PRAGMA quick_check, WAL included), of a schema this
// app knows, and the same journal the marker remembers, at least as far along?
// It opens the file read-only (quick_check in a worker thread), so a damaged journal (and its WAL) is left
// exactly as found for whoever looks at it next.
import Database from 'better-sqlite3'
import { existsSync, statSync } from 'node:fs'
import type { JournalFinding } from '../shared/contract'
import { MIGRATIONS } from './migrations'
import { commitSeq, readIdentity, type JournalMarker } from './identity'
import { runSqliteJob } from './sqlite-worker'

export interface Inspection {
  findings: JournalFinding[]
  /** No journal and no marker anywhere: a first start, nothing to complain about. */
  fresh: boolean
}

/**
 * The marker to hold the journal to: the higher sequence of the two when they
 * name the same journal; the secret store's when they disagree (a marker file
 * can be swapped along with the journal; the secret store is written first);
 * whichever exists otherwise.
 */
export function expectedMarker(file: JournalMarker | null, secret: JournalMarker | null): JournalMarker | null {
  if (file && secret) return file.journalId === secret.journalId && file.seq >= secret.seq ? file : secret
  return file ?? secret
}

const detail = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 200)

export async function inspectJournal(path: string, marker: JournalMarker | null): Promise<Inspection> {
  if (!existsSync(path)) {
    return marker ? { fresh: false, findings: [{ code: 'missing', params: { expectedSeq: marker.seq, deviceId: marker.deviceId } }] } : { fresh: true, findings: [] }
  }
  const size = statSync(path).size
  if (size === 0) {
    return marker ? { fresh: false, findings: [{ code: 'empty', params: { expectedSeq: marker.seq } }] } : { fresh: true, findings: [] }
  }
  let db: Database.Database | null = null
  try {
    // In a worker thread: seconds on a large journal, and the main process stays responsive meanwhile.
    const problems = (await runSqliteJob({ kind: 'check', path })).filter((r) => r !== 'ok')
    if (problems.length > 0) return { fresh: false, findings: [{ code: 'damaged', params: { detail: problems.slice(0, 3).join('; ').slice(0, 200), bytes: size } }] }
    db = new Database(path, { readonly: true, fileMustExist: true })
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > MIGRATIONS.length) return { fresh: false, findings: [{ code: 'schema-newer', params: { found: version, supported: MIGRATIONS.length } }] }
    if (!marker) return { fresh: false, findings: [] } // a journal from before markers: adopted as it is
    const identity = readIdentity(db)
    const seq = commitSeq(db)
    // No id at all and less than the marker saw: the same file with its later pages lost (WAL gone or cut short).
    if (identity.journalId === null && seq < marker.seq && (version === 0 || identity.deviceId === '' || identity.deviceId === marker.deviceId)) {
      return { fresh: false, findings: [{ code: 'rolled-back', params: { expectedSeq: marker.seq, foundSeq: seq, markedAt: marker.at } }] }
    }
    if (identity.journalId !== marker.journalId) {
      return { fresh: false, findings: [{ code: 'replaced', params: { expectedDevice: marker.deviceId, foundDevice: identity.deviceId, expectedSeq: marker.seq } }] }
    }
    if (seq < marker.seq) return { fresh: false, findings: [{ code: 'rolled-back', params: { expectedSeq: marker.seq, foundSeq: seq, markedAt: marker.at } }] }
    return { fresh: false, findings: [] }
  } catch (e) {
    return { fresh: false, findings: [{ code: 'damaged', params: { detail: detail(e), bytes: size } }] }
  } finally {
    db?.close()
  }
}
