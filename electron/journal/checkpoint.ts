// WAL checkpoints between sales, not inside one. SQLite's automatic checkpoint
// runs in the commit that takes the WAL past 1,000 pages: about one sale in
// two hundred would also copy ~4 MB into the database file and fsync it before
// its pay request leaves. A journal opened with `manualCheckpoints` (the core's,
// journal-gate.ts) has that turned off, and the keeper (core/journal-keeper.ts)
// calls `checkpointWhenDue` on its timer: a PASSIVE checkpoint (never waits for
// a lock, never blocks a writer) while no sale is in flight, a little at a time;
// a WAL past `forceBytes` is checkpointed even while a sale waits on the gateway.
import { statSync } from 'node:fs'
import type { Db } from './db'

export interface CheckpointPolicy {
  /** Below this the WAL is left to grow (a checkpoint has a fixed cost: the database file's fsync). */
  fromBytes: number
  /** At or above this the WAL is checkpointed even while a sale is in flight (a stuck "busy" must not grow it forever). */
  forceBytes: number
}

// forceBytes: about SQLite's own 1,000 pages, so a counter selling back to back (always "busy")
// keeps a WAL no bigger than before (a big WAL slows every commit); the checkpoint then runs from
// the keeper's timer, while a sale waits on the gateway, never inside its commit.
export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { fromBytes: 256 * 1024, forceBytes: 4 * 1024 * 1024 }

export type CheckpointOutcome = { ran: false; walBytes: number } | { ran: true; walBytes: number; frames: number; checkpointed: number }

/** Bytes in the journal's WAL file (0 when there is none or it cannot be read). */
export function walBytes(db: Db): number {
  try {
    return statSync(`${db.name}-wal`).size
  } catch {
    return 0
  }
}

/** One PASSIVE checkpoint when the WAL is big enough and no sale waits on the disk (or when it is far too big). */
export function checkpointWhenDue(db: Db, saleInFlight: boolean, policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY): CheckpointOutcome {
  const size = walBytes(db)
  if (!db.open || size < policy.fromBytes || (saleInFlight && size < policy.forceBytes)) return { ran: false, walBytes: size }
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>
  return { ran: true, walBytes: size, frames: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 }
}
