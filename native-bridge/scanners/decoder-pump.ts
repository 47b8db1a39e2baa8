// Runs a pure decoder against the clock: feeds it chunks, arms the idle timer
// while a code is half-read, and on loss of the device turns whatever was
// buffered into an `incomplete` rejection (never a code, never silently lost).
import { rejectRead, type ScannerRead } from './types'

export interface StreamDecoder<Chunk> {
  push(chunk: Chunk): ScannerRead[]
  idle(): ScannerRead[]
  pending(): boolean
  reset(): void
}

export class DecoderPump<Chunk> {
  private timer: NodeJS.Timeout | null = null
  private stopped = false

  constructor(
    private readonly decoder: StreamDecoder<Chunk>,
    private readonly idleMs: number,
    private readonly emit: (read: ScannerRead) => void,
  ) {}

  feed(chunk: Chunk): void {
    if (this.stopped) return
    let reads: ScannerRead[]
    try {
      reads = this.decoder.push(chunk)
    } catch (e) {
      // Decoders are written not to throw; if one ever does, the read is refused, not the process.
      this.decoder.reset()
      reads = [rejectRead('not-text', `undecodable input (${e instanceof Error ? e.message : 'error'})`)]
    }
    for (const r of reads) this.emit(r)
    this.rearm()
  }

  /** The device went away: a half-read code becomes a rejection. */
  lost(): void {
    this.clear()
    if (!this.stopped && this.decoder.pending()) this.emit(rejectRead('incomplete', 'scanner disconnected in the middle of a scan'))
    this.decoder.reset()
  }

  stop(): void {
    this.stopped = true
    this.clear()
    this.decoder.reset()
  }

  private rearm(): void {
    this.clear()
    if (!this.decoder.pending()) return
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.stopped) return
      for (const r of this.decoder.idle()) this.emit(r)
    }, this.idleMs)
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
