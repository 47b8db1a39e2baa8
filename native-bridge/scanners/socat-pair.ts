// A real pseudo-terminal pair through socat, for serial tests: write to `a`,
// the adapter reads `b`. stop() kills socat, which is what an unplug looks
// like to the reader; start() again with the same paths is a replug.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, openSync, closeSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export class SocatPair {
  readonly a: string
  readonly b: string
  private proc: ChildProcess | null = null
  private fd: number | null = null

  constructor(dir = mkdtempSync(join(tmpdir(), 'socat-'))) {
    this.a = join(dir, 'A')
    this.b = join(dir, 'B')
  }

  async start(): Promise<void> {
    const proc = spawn('socat', [`pty,raw,echo=0,link=${this.a}`, `pty,raw,echo=0,link=${this.b}`], { stdio: 'ignore' })
    this.proc = proc
    const deadline = Date.now() + 5_000
    while (!(existsSync(this.a) && existsSync(this.b))) {
      if (Date.now() > deadline || proc.exitCode !== null) throw new Error('socat did not create the pty pair')
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  /** Writes bytes into end A (they come out of end B). */
  write(data: string | Uint8Array): void {
    this.fd ??= openSync(this.a, 'r+')
    writeSync(this.fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
  }

  async stop(): Promise<void> {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
    const proc = this.proc
    this.proc = null
    if (!proc || proc.exitCode !== null) return
    const gone = new Promise((r) => proc.once('exit', r))
    proc.kill('SIGTERM')
    await gone
  }
}
