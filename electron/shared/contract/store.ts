import { z } from 'zod'
import { call, Empty, Pin, Timestamp } from './define'

/** How this counter's outbox reaches the store database (PostgreSQL). */
export const ReplicationStatus = z.object({
  /** A store database is set up for this counter. */
  configured: z.boolean(),
  state: z.enum(['off', 'idle', 'shipping', 'failing']),
  /** Changes written here and not yet acknowledged by the store. */
  backlog: z.int().min(0),
  /** Age of the oldest change still waiting (0 when nothing waits). */
  lagMs: z.int().min(0),
  lastError: z.enum(['STORE_UNREACHABLE', 'STORE_GAP', 'STORE_REJECTED']).nullable(),
  lastShippedAt: Timestamp.nullable(),
  /** host:port/database of the store, never the credentials. */
  storeAddress: z.string().nullable(),
})
export type ReplicationStatus = z.infer<typeof ReplicationStatus>

const StoreUrl = z
  .string()
  .max(512)
  .regex(/^postgres(ql)?:\/\/[^\s]+$/, 'a postgres:// URL')

export const storeCalls = {
  'store:status': call(Empty, ReplicationStatus),
  /** Connects (PIN), migrates the store schema, keeps the URL in the secret store and starts shipping (the counter's past rows first). */
  'store:configure': call(z.strictObject({ url: StoreUrl, tls: z.boolean().optional(), pin: Pin.optional() }), ReplicationStatus),
  /** Stops shipping and forgets the URL (PIN); the counter sells on, alone. */
  'store:disconnect': call(z.strictObject({ pin: Pin.optional() }), ReplicationStatus),
}

export const storeEvents = {
  'store:status': ReplicationStatus,
}
