// The store database connection: one pg Pool per counter with bounded size,
// connection and statement timeouts (a slow store must never hold a counter),
// optional TLS, and the schema migrated on first use.
import pg from 'pg'
import { STORE_MIGRATIONS } from './schema'

export interface StoreDbOptions {
  /** postgres://user:password@host:port/database (kept in the secret store). */
  url: string
  /** TLS to the store server; `rejectUnauthorized` stays true unless a CA is given. */
  tls?: { ca?: string } | false
  /** Upper bound for any one statement (default 5 s). */
  statementTimeoutMs?: number
  connectTimeoutMs?: number
  maxConnections?: number
}

export type StorePool = pg.Pool

export function createStorePool(opts: StoreDbOptions): StorePool {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.maxConnections ?? 4,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 3_000,
    statement_timeout: opts.statementTimeoutMs ?? 5_000,
    query_timeout: (opts.statementTimeoutMs ?? 5_000) + 1_000,
    idleTimeoutMillis: 30_000,
    ssl: opts.tls ? { rejectUnauthorized: true, ...(opts.tls.ca ? { ca: opts.tls.ca } : {}) } : undefined,
  })
  // An idle client that loses its server must not crash the counter: the next query reconnects.
  pool.on('error', () => {})
  return pool
}

/**
 * A client checked out for one piece of work. pg emits 'error' on a checked-out
 * client whose connection dies between queries, and an unheard 'error' would
 * bring the whole counter down: it is heard here, and the client is thrown away
 * instead of going back to the pool.
 */
export async function withClient<T>(pool: StorePool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let broken: Error | undefined
  const onError = (e: Error) => (broken = e)
  client.on('error', onError)
  try {
    return await work(client)
  } catch (e) {
    broken ??= e instanceof Error ? e : new Error(String(e))
    throw e
  } finally {
    client.removeListener('error', onError)
    client.release(broken)
  }
}

/** Brings the schema up to date in one transaction per migration; safe to run from several counters at once. */
export async function migrateStore(pool: StorePool): Promise<number> {
  return withClient(pool, async (client) => {
    // One migrator at a time across every counter of the store.
    await client.query('SELECT pg_advisory_lock(727274)')
    try {
      await client.query('CREATE TABLE IF NOT EXISTS store_schema (version INTEGER NOT NULL)')
      const row = await client.query<{ version: number }>('SELECT version FROM store_schema')
      let version = row.rows[0]?.version ?? 0
      if (row.rowCount === 0) await client.query('INSERT INTO store_schema (version) VALUES (0)')
      if (version > STORE_MIGRATIONS.length) throw new Error(`store database is at schema v${version}, newer than this app (v${STORE_MIGRATIONS.length})`)
      while (version < STORE_MIGRATIONS.length) {
        await client.query('BEGIN')
        try {
          await client.query(STORE_MIGRATIONS[version]!)
          await client.query('UPDATE store_schema SET version = $1', [version + 1])
          await client.query('COMMIT')
        } catch (e) {
          await client.query('ROLLBACK')
          throw e
        }
        version += 1
      }
      return version
    } finally {
      await client.query('SELECT pg_advisory_unlock(727274)').catch(() => {})
    }
  })
}
