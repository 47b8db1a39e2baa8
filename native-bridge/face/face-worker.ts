// Runs in its own process (child_process.fork here, utilityProcess in the
// app): loads the vendor face SDK with koffi and answers JSON requests over
// the IPC channel. Calls run on koffi's worker thread, one at a time (the SDK
// is not documented as re-entrant). If vendor code crashes or hangs, only this
// process goes; the parent notices and starts a new one.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import koffi, { type LibraryHandle } from 'koffi'
import { decodeUtf8Strict } from '../scanners/utf8'
import type { WorkerReply, WorkerRequest } from './worker-protocol'

const libraryPath = process.argv[2] ?? ''
/** The hash the parent checked: the file is hashed again here, right before loading, so a swapped file is never loaded. */
const expectedSha256 = process.argv[3] ?? ''

// The channel to the parent: Electron's utilityProcess gives process.parentPort,
// Node's fork gives process.send / process.on('message').
interface ParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (e: { data: unknown }) => void): void
}
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
const send = (msg: WorkerReply) => (parentPort ? parentPort.postMessage(msg) : process.send?.(msg))
const onParentMessage = (listener: (raw: unknown) => void) => (parentPort ? parentPort.on('message', (e) => listener(e.data)) : process.on('message', listener))

type CallFn = ReturnType<LibraryHandle['func']>
let callService: CallFn
let releaseResponse: CallFn
try {
  if (expectedSha256 && createHash('sha256').update(readFileSync(libraryPath)).digest('hex') !== expectedSha256) {
    throw new Error('library file changed since it was checked (SHA-256 differs)')
  }
  const lib = koffi.load(libraryPath)
  callService = lib.func('int wxpayCallFaceService(const uint8_t *req, unsigned int reqSize, _Out_ void **resp, _Out_ unsigned int *respSize)')
  releaseResponse = lib.func('void wxpayReleaseResponse(_Inout_ void **resp)')
} catch (e) {
  send({ type: 'load-failed', message: e instanceof Error ? e.message : String(e) })
  process.exit(3)
}

let queue: Promise<void> = Promise.resolve()

function runOne(msg: WorkerRequest): Promise<void> {
  return new Promise((resolve) => {
    const req = Buffer.from(msg.request, 'utf8')
    const out: unknown[] = [null]
    const size: number[] = [0]
    callService.async(req, req.length, out, size, (err: unknown, rc: number) => {
      if (err) {
        send({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) })
        return resolve()
      }
      const ptr = out[0]
      let response: string | null = null
      let unreadable = false
      if (ptr !== null && ptr !== undefined) {
        const length = size[0] ?? 0
        const bytes = length > 0 ? Uint8Array.from(koffi.decode(ptr, 'uint8_t', length) as number[]) : new Uint8Array()
        response = decodeUtf8Strict(bytes)
        unreadable = response === null
        // Every response the SDK allocated goes back to it, whatever we make of it.
        releaseResponse([ptr])
      }
      if (unreadable) send({ type: 'error', id: msg.id, message: 'SDK response is not valid UTF-8' })
      else send({ type: 'reply', id: msg.id, rc, response })
      resolve()
    })
  })
}

onParentMessage((raw: unknown) => {
  const msg = raw as WorkerRequest
  if (!msg || typeof msg.id !== 'number' || typeof msg.request !== 'string') return
  queue = queue.then(() => runOne(msg))
})
// The parent is gone: nothing left to answer to.
process.on('disconnect', () => process.exit(0))

send({ type: 'ready', pid: process.pid })
