// SQLite work that takes seconds on a large journal, done in a worker thread so
// a sale is never held up behind it (better-sqlite3 is synchronous; measured
// on 1,000,000 orders: quick_check 1–3 s, the backup's final fsync and the
// copy's switch out of WAL mode 0.3–0.8 s each on the main thread). The
// worker's code is a small CommonJS script given better-sqlite3's resolved
// path, so it needs no bundle entry of its own. Where a worker cannot start,
// the same steps run inline.
import { statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'

export type SqliteJob = { kind: 'check'; path: string } | { kind: 'backup'; from: string; to: string }

// Backup: the online backup API from the worker's own read-only connection, in
// big steps (a live journal written by another connection would restart a
// step-by-step copy); then the copy leaves WAL mode (one self-contained file);
// then quick_check. Answers quick_check's lines (['ok'] when sound).
const STEPS = `
function check(path) {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try { return db.pragma('quick_check').map((r) => r.quick_check) } finally { db.close() }
}
async function backup(from, to) {
  const src = new Database(from, { readonly: true, fileMustExist: true })
  try { await src.backup(to, { progress: ({ totalPages }) => Math.max(totalPages, 100) }) } finally { src.close() }
  const copy = new Database(to)
  try { copy.pragma('journal_mode = DELETE') } finally { copy.close() }
  return check(to)
}
async function run(job) { return job.kind === 'check' ? check(job.path) : backup(job.from, job.to) }
`

// On Linux a thread has its own nice value: the worker yields the CPU to the thread that sells.
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads')
if (process.platform === 'linux') { try { require('node:os').setPriority(19) } catch {} }
const Database = require(workerData.module)
${STEPS}
run(workerData.job).then((rows) => parentPort.postMessage({ rows }), (e) => parentPort.postMessage({ error: String((e && e.message) || e) }))
`

// The same steps on this thread (no worker available).
const inline = new Function('Database', `${STEPS}; return run`)(Database) as (job: SqliteJob) => Promise<string[]>

let modulePath: string | null | undefined
function betterSqlitePath(): string | null {
  if (modulePath === undefined) {
    try {
      modulePath = createRequire(import.meta.url).resolve('better-sqlite3')
    } catch {
      modulePath = null
    }
  }
  return modulePath
}

/** Below this a journal is checked or copied in a few tens of ms: not worth a thread. */
export const WORKER_FROM_BYTES = 16 * 1024 * 1024

function bytesOf(job: SqliteJob): number {
  try {
    return statSync(job.kind === 'check' ? job.path : job.from).size
  } catch {
    return 0
  }
}

export function runSqliteJob(job: SqliteJob): Promise<string[]> {
  const module = betterSqlitePath()
  if (!module || bytesOf(job) < WORKER_FROM_BYTES) return inline(job)
  return new Promise<string[]>((resolve, reject) => {
    let worker: Worker
    try {
      worker = new Worker(SCRIPT, { eval: true, workerData: { module, job } })
    } catch {
      inline(job).then(resolve, reject)
      return
    }
    let answered = false
    worker.once('message', (m: { rows?: string[]; error?: string }) => {
      answered = true
      if (m.rows) resolve(m.rows)
      else reject(new Error(m.error ?? `${job.kind} failed`))
    })
    // The worker itself could not run (e.g. the module cannot load there): do the job here instead.
    worker.once('error', () => {
      if (!answered) inline(job).then(resolve, reject)
      answered = true
    })
  })
}
