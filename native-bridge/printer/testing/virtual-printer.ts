// Test support: a virtual ESC/POS network printer on loopback (port chosen by
// the OS). It records the bytes of every connection, answers DLE EOT status
// requests like a real printer, and plays the faults a counter meets: the
// connection refused, a printer that stops reading, one that drops the job
// half-way, silence to status requests, paper out, cover open.
import { createServer, type Server, type Socket } from 'node:net'

export type VirtualPrinterFault = 'none' | 'stall' | 'drop-mid-job' | 'silent' | 'paper-out' | 'cover-open'

export class VirtualPrinter {
  /** One entry per connection, in order: the bytes it received. */
  readonly jobs: Uint8Array[] = []
  fault: VirtualPrinterFault = 'none'
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()
  port = 0

  async start(port = 0): Promise<void> {
    const server = createServer((socket) => this.serve(socket))
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
    this.server = server
    this.port = (server.address() as { port: number }).port
  }

  /** Stops listening (a new connection is refused) and drops open connections. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    const server = this.server
    this.server = null
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  /** Every byte received so far, all connections joined. */
  allBytes(): Uint8Array {
    return Uint8Array.from(this.jobs.flatMap((j) => [...j]))
  }

  /** Resolves once `n` jobs have been fully received (the client closed its side). */
  async waitForJobs(n: number, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (this.completed < n) {
      if (Date.now() > deadline) throw new Error(`virtual printer: ${this.completed} of ${n} jobs received`)
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  private completed = 0

  private serve(socket: Socket): void {
    this.sockets.add(socket)
    const index = this.jobs.push(new Uint8Array(0)) - 1
    socket.on('close', () => this.sockets.delete(socket))
    socket.on('error', () => {})
    if (this.fault === 'stall') {
      socket.pause()
      return
    }
    socket.on('data', (chunk: Buffer) => {
      const prev = this.jobs[index]!
      const next = new Uint8Array(prev.length + chunk.length)
      next.set(prev)
      next.set(chunk, prev.length)
      this.jobs[index] = next
      if (this.fault === 'drop-mid-job') {
        socket.resetAndDestroy()
        return
      }
      this.answerStatus(socket, chunk)
    })
    socket.on('end', () => {
      this.completed += 1
      socket.end()
    })
  }

  /** DLE EOT n gets one status byte back, unless the fault is silence. */
  private answerStatus(socket: Socket, chunk: Buffer): void {
    if (this.fault === 'silent') return
    for (let i = 0; i + 2 < chunk.length; i++) {
      if (chunk[i] !== 0x10 || chunk[i + 1] !== 0x04) continue
      const n = chunk[i + 2]
      let byte = 0x12
      if (n === 1 && (this.fault === 'paper-out' || this.fault === 'cover-open')) byte |= 0x08
      if (n === 2 && this.fault === 'cover-open') byte |= 0x04
      if (n === 2 && this.fault === 'paper-out') byte |= 0x20
      if (n === 4 && this.fault === 'paper-out') byte |= 0x6c
      socket.write(Uint8Array.of(byte))
    }
  }
}
