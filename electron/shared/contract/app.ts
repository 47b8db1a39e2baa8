import { z } from 'zod'
import { ReplicationStatus } from './store'
import { call, Empty, Text, Timestamp } from './define'
import { JournalFinding } from './journal'

export const AppMode = z.enum(['demo', 'live'])
export type AppMode = z.infer<typeof AppMode>

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: AppMode,
  transport: z.enum(['electron', 'browser']),
  platform: z.string(),
  /** The gateway base URL in use (the loopback sandbox in demo mode). */
  gatewayUrl: z.string(),
  startedAt: Timestamp,
  /** What the start-up check of the journal found (problem: no sales until restored or replaced). */
  journal: z.object({ state: z.enum(['ok', 'problem']), findings: z.array(JournalFinding) }),
})
export type AppInfo = z.infer<typeof AppInfo>

/** Why the journal does not take writes (electron/journal/write-guard.ts). */
export const JournalFailureReason = z.enum(['disk-full', 'io-error', 'read-only', 'damaged', 'busy', 'closed', 'write-error'])
export type JournalFailureReason = z.infer<typeof JournalFailureReason>

const CheckState = z.enum(['ok', 'degraded', 'failing', 'down'])
export const AppHealth = z.object({
  ok: z.boolean(),
  journal: CheckState,
  gateway: CheckState,
  /** Orders that are not final yet (in flight or being recovered). */
  openOrders: z.int().min(0),
  /** Orders that need a person (e.g. paid after the cancel window, refund stuck). */
  attentionOrders: z.int().min(0),
  /** Start-up check findings (codes + params); empty when the journal is known good. */
  journalFindings: z.array(JournalFinding).optional(),
  /** Why the journal is failing (a code the UI translates), absent when it takes writes. */
  journalReason: JournalFailureReason.optional(),
  /** Writes kept in memory waiting for the journal. */
  journalPending: z.int().min(0).optional(),
  /** Replication to the store database: backlog and lag (absent while the journal is in trouble). */
  store: ReplicationStatus.optional(),
  checkedAt: Timestamp,
})
export type AppHealth = z.infer<typeof AppHealth>

export const AppProblem = z.object({
  kind: z.enum(['crash', 'renderer-gone', 'device', 'journal', 'gateway']),
  message: Text,
  /** A code the UI translates (e.g. `journal-failing`), when there is one. */
  code: z.string().max(64).optional(),
  at: Timestamp,
})
export type AppProblem = z.infer<typeof AppProblem>

export const appCalls = {
  'app:info': call(Empty, AppInfo),
  'app:health': call(Empty, AppHealth),
  /** Echo for transport tests: proves validation and bounds (max 256 chars). */
  'app:echo': call(z.strictObject({ text: Text }), z.object({ text: z.string() })),
}

export const appEvents = {
  /** Something went wrong the cashier must know about (logged in main too). */
  'app:problem': AppProblem,
}
