// Proof that the journal opened today is the one written yesterday. The marker
// holds the journal's id, the counter's device id and the last committed
// sequence number; it is kept beside the journal (a small fsynced file) and in
// the secret store (which survives the journal's folder being deleted).
// The sequence only grows: every AUTOINCREMENT row ever inserted (order
// transitions, gateway calls) plus every shift opened and closed. A journal
// whose sequence is below the marker's has lost committed work.
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Db } from './db'

export const MARKER_FILE = 'journal.marker.json'

const Marker = z.object({ v: z.literal(1), journalId: z.string().min(1).max(64), deviceId: z.string().max(64), seq: z.int().min(0), at: z.int().min(0) })
export type JournalMarker = z.infer<typeof Marker>

export function parseMarker(text: string | null): JournalMarker | null {
  if (!text) return null
  try {
    const parsed = Marker.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The marker file, or null when there is none or it cannot be parsed. */
export function readMarkerFile(path: string): { marker: JournalMarker | null; present: boolean } {
  if (!existsSync(path)) return { marker: null, present: false }
  try {
    return { marker: parseMarker(readFileSync(path, 'utf8')), present: true }
  } catch {
    return { marker: null, present: true }
  }
}

function tableExists(db: Db, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined
}

/** The journal's committed sequence (works on a read-only connection). */
export function commitSeq(db: Db): number {
  const auto = tableExists(db, 'sqlite_sequence') ? ((db.prepare(`SELECT coalesce(sum(seq), 0) n FROM sqlite_sequence`).get() as { n: number }).n) : 0
  const shifts = tableExists(db, 'shifts') ? ((db.prepare(`SELECT count(*) + count(closed_at) n FROM shifts`).get() as { n: number }).n) : 0
  return auto + shifts
}

function setting(db: Db, key: string): string | null {
  if (!tableExists(db, 'settings')) return null
  const row = db.prepare(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined
  return row?.value ?? null
}

/** Which journal this is: its own id (null on a journal from before markers) and the counter's device id. */
export function readIdentity(db: Db): { journalId: string | null; deviceId: string } {
  return { journalId: setting(db, 'journal.id'), deviceId: setting(db, 'install.deviceId') ?? '' }
}

/** Gives a journal its id the first time (a new journal, or one from before markers). */
export function ensureJournalId(db: Db): string {
  const existing = setting(db, 'journal.id')
  if (existing) return existing
  const id = randomUUID()
  db.prepare(`INSERT INTO settings (key, value) VALUES ('journal.id', ?)`).run(id)
  return id
}

export function markerOf(db: Db, now: number): JournalMarker {
  const { journalId, deviceId } = readIdentity(db)
  return { v: 1, journalId: journalId ?? '', deviceId, seq: commitSeq(db), at: now }
}
