// Test support: a fresh PostgreSQL database per test file on the loopback
// server started by scripts/start-postgres.sh (CI runs it), dropped afterwards.
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export const TEST_PG_URL = process.env.COUNTER_TEST_PG_URL ?? 'postgres://counter_test:counter_test@127.0.0.1:5432/postgres'

export interface TestDatabase {
  url: string
  name: string
  drop(): Promise<void>
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 5_000 })
  try {
    await admin.connect()
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at ${TEST_PG_URL.replace(/:[^:@/]*@/, ':***@')} (${(e as Error).message}): run scripts/start-postgres.sh`)
  }
  const name = `counter_test_${randomBytes(6).toString('hex')}`
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  return {
    url: withDatabase(TEST_PG_URL, name),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}
