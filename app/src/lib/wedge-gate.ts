// Keyboard-wedge scanners "type" a code much faster than a person, usually
// ending with Enter. The gate sits in a capture-phase keydown listener: it holds
// printable keys for a moment; a fast burst of enough keys becomes a scanned
// code (swallowed, so it never lands in a focused field), anything slower is
// replayed to where it was going. Pure and clock-free: the caller passes times.

export interface WedgeGateOptions {
  /** Longest gap between two keys of one scan (scanners: ~1–20 ms, people: 80+ ms). */
  maxGapMs: number
  /** Fewest characters that count as a scan (payment codes are 16–24). */
  minLength: number
  /** How long a held key waits for the next one before it is replayed. */
  holdMs: number
}

export const DEFAULT_WEDGE_OPTIONS: WedgeGateOptions = { maxGapMs: 40, minLength: 6, holdMs: 60 }

export interface WedgeGateSink {
  /** Keys held back that turned out to be typed by a person. */
  replay(keys: string[]): void
  /** A complete scanned code. */
  complete(code: string): void
  /** Timer (the hook uses setTimeout; tests drive it by hand). */
  schedule(ms: number, fn: () => void): () => void
}

export type GateVerdict = 'swallow' | 'pass'

function printable(key: string): boolean {
  return key.length === 1 && key >= '!' && key <= '~'
}

export class WedgeGate {
  private held: string[] = []
  private lastAt = 0
  private cancelTimer: (() => void) | null = null

  constructor(
    private readonly sink: WedgeGateSink,
    private readonly options: WedgeGateOptions = DEFAULT_WEDGE_OPTIONS,
  ) {}

  /** Feed one keydown; answers whether the caller must swallow it. */
  key(key: string, at: number): GateVerdict {
    if (printable(key)) {
      if (this.held.length > 0 && at - this.lastAt > this.options.maxGapMs) this.release()
      this.held.push(key)
      this.lastAt = at
      this.arm()
      return 'swallow'
    }
    if (key === 'Enter' && this.held.length > 0) {
      const quick = at - this.lastAt <= this.options.maxGapMs * 2
      if (quick && this.held.length >= this.options.minLength) {
        this.finish()
        return 'swallow'
      }
    }
    // Any other key (or a slow Enter) ends a held run: deliver it first, in order.
    if (this.held.length > 0) this.release()
    return 'pass'
  }

  /** Drops held keys without delivering them (e.g. the page is going away). */
  reset(): void {
    this.cancelTimer?.()
    this.cancelTimer = null
    this.held = []
  }

  private arm() {
    this.cancelTimer?.()
    this.cancelTimer = this.sink.schedule(this.options.holdMs, () => {
      this.cancelTimer = null
      // Scanners without a terminator: a long enough burst followed by silence.
      if (this.held.length >= this.options.minLength) this.finish()
      else this.release()
    })
  }

  private finish() {
    const code = this.held.join('')
    this.reset()
    this.sink.complete(code)
  }

  private release() {
    const keys = this.held
    this.reset()
    if (keys.length > 0) this.sink.replay(keys)
  }
}
