// Parent side of the face worker: spawns it, matches replies to requests, and
// when the worker dies or stops answering, fails the calls in flight with a
// typed FaceBridgeError, reports it, and starts a new worker with backoff.
import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FaceBridgeError } from './types'
import type { WorkerReply, WorkerRequest } from './worker-protocol'

/** The process handle we need: ChildProcess fits, and so does an adapter over Electron's UtilityProcess. */
export interface WorkerProcess {
  send(msg: WorkerRequest): void
  on(event: 'message', listener: (msg: unknown) => void): unknown
  on(event: 'exit', listener: (code: number | null, signal: string | null) => void): unknown
  kill(): void
}

/** `sha256`: the worker hashes the file right before loading it and refuses a different one. */
export type SpawnWorker = (libraryPath: string, sha256?: string) => WorkerProcess

/** Node's way: fork face-worker (.ts under vitest/tsx via `--import tsx`, .js once built). The app swaps in utilityProcess. */
export const forkFaceWorker: SpawnWorker = (libraryPath, sha256) => {
  const here = fileURLToPath(import.meta.url)
  const ext = extname(here)
  const script = join(dirname(here), `face-worker${ext}`)
  if (!existsSync(script)) throw new FaceBridgeError('unavailable', 'face worker script not found')
  const child = fork(script, [libraryPath, sha256 ?? ''], {
    execArgv: ext === '.ts' ? ['--import', 'tsx'] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'json',
  })
  return {
    send: (msg) => void child.send(msg),
    on: (event: 'message' | 'exit', listener: (...args: never[]) => void) => child.on(event, listener as (...args: unknown[]) => void),
    kill: () => void child.kill('SIGKILL'),
  }
}

/** `error` and `retryS` (failed): what went wrong and when the next start is, for the status line. */
export type HostState = { state: 'connecting' | 'ready' | 'failed'; detail: string; error?: string; retryS?: number }

export interface WorkerHostOptions {
  libraryPath: string
  /**
   * Run before every worker start: checks the library (allow-list, pinned hash)
   * and says which file to load and its hash; throwing keeps the worker from starting.
   */
  preflight?: () => { path: string; sha256: string }
  spawn?: SpawnWorker
  /** How long the worker may take to load the library. */
  startTimeoutMs?: number
  restart?: { initialMs: number; maxMs: number }
  onState: (s: HostState) => void
  /** Called each time a fresh worker is ready (the camera re-initialises the SDK). */
  onReady: () => void
}

interface Pending {
  resolve: (r: { rc: number; response: string | null }) => void
  reject: (e: FaceBridgeError) => void
  timer: NodeJS.Timeout
}

export class WorkerHost {
  private worker: WorkerProcess | null = null
  private ready = false
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private failures = 0
  private restartTimer: NodeJS.Timeout | null = null
  private startTimer: NodeJS.Timeout | null = null
  private closed = false

  constructor(private readonly opts: WorkerHostOptions) {}

  isReady(): boolean {
    return this.ready
  }

  start(): void {
    if (this.closed || this.worker) return
    this.opts.onState({ state: 'connecting', detail: 'starting face SDK process' })
    let worker: WorkerProcess
    try {
      const checked = this.opts.preflight?.()
      worker = (this.opts.spawn ?? forkFaceWorker)(checked?.path ?? this.opts.libraryPath, checked?.sha256)
    } catch (e) {
      this.fail(`cannot start face SDK process: ${e instanceof Error ? e.message : String(e)}`)
      return
    }
    this.worker = worker
    this.startTimer = setTimeout(() => this.lose(worker, 'timeout', 'face SDK process did not start in time'), this.opts.startTimeoutMs ?? 15_000)
    worker.on('message', (raw) => this.onMessage(worker, raw as WorkerReply))
    worker.on('exit', (code, signal) => this.lose(worker, 'crashed', `face SDK process exited (${signal ?? `code ${code}`})`))
  }

  /** Sends one request. Rejects with FaceBridgeError if the worker is not ready, dies, or exceeds timeoutMs. */
  call(request: object, timeoutMs: number): Promise<{ rc: number; response: string | null }> {
    const worker = this.worker
    if (!worker || !this.ready) return Promise.reject(new FaceBridgeError('unavailable', 'face SDK process is not ready'))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.lose(worker, 'timeout', `face SDK did not answer within ${timeoutMs} ms`), timeoutMs)
      this.pending.set(id, { resolve, reject, timer })
      worker.send({ id, request: JSON.stringify(request) })
    })
  }

  close(): void {
    this.closed = true
    if (this.restartTimer) clearTimeout(this.restartTimer)
    const worker = this.worker
    if (worker) this.lose(worker, 'unavailable', 'face camera closed')
  }

  private onMessage(worker: WorkerProcess, msg: WorkerReply): void {
    if (worker !== this.worker || !msg || typeof msg !== 'object') return
    switch (msg.type) {
      case 'ready':
        if (this.startTimer) clearTimeout(this.startTimer)
        this.ready = true
        this.failures = 0
        this.opts.onReady()
        return
      case 'load-failed':
        // The exit that follows does the restart; this just gives the better reason.
        this.lose(worker, 'unavailable', `face SDK library could not be loaded: ${msg.message}`.slice(0, 300))
        return
      case 'reply':
      case 'error': {
        const p = this.pending.get(msg.id)
        if (!p) return
        this.pending.delete(msg.id)
        clearTimeout(p.timer)
        if (msg.type === 'reply') p.resolve({ rc: msg.rc, response: msg.response })
        else p.reject(new FaceBridgeError('bad-response', msg.message.slice(0, 200)))
      }
    }
  }

  /** The worker is gone or unusable: fail what is in flight, kill it, restart later. */
  private lose(worker: WorkerProcess, code: FaceBridgeError['code'], detail: string): void {
    if (worker !== this.worker) return
    this.worker = null
    this.ready = false
    if (this.startTimer) clearTimeout(this.startTimer)
    worker.kill()
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer)
      p.reject(new FaceBridgeError(code, detail))
      this.pending.delete(id)
    }
    if (this.closed) return
    this.fail(detail)
  }

  private fail(detail: string): void {
    const { initialMs, maxMs } = this.opts.restart ?? { initialMs: 500, maxMs: 30_000 }
    const delay = Math.min(maxMs, initialMs * 2 ** Math.min(this.failures, 20))
    this.failures++
    const retryS = Math.round(delay / 100) / 10
    this.opts.onState({ state: 'failed', detail: `${detail}; restarting in ${retryS} s`, error: detail, retryS })
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null
      this.start()
    }, delay)
  }
}
