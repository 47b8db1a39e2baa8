// Tells a keyboard-wedge scanner from a person typing, by timing alone. Pure
// (numbers and strings, no DOM), so the renderer and Node tests share it.
//
// Feed every keydown as (event.key, timestamp ms). Printable keys are held back
// (swallow) while they arrive at scanner speed; when a terminator (Enter/Tab)
// ends a fast, long-enough burst, it is a scan. When the burst turns out to be
// typing (a slow gap, a short burst, a non-text key), the held keys come back
// as `replay` for the caller to type into the focused field.

export interface WedgeOptions {
  /** Average gap between keys of a scan, at most (ms). */
  maxAvgGapMs: number
  /** Any single gap above this ends the burst (ms). Also how long `flush` waits. */
  maxGapMs: number
  /** Shortest scan (characters). */
  minLength: number
  /** Longer bursts are still swallowed but reported cut to this length (the device service rejects them). */
  maxLength: number
  /** Scanners set to send no terminator: a fast burst ends at the first pause. */
  requireTerminator: boolean
}

// Scanners type a key every 1–15 ms; even a fast typist averages ~100 ms between
// keys, and a 6+ key burst averaging under 50 ms ending in Enter is not a person.
export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
  maxAvgGapMs: 50,
  maxGapMs: 80,
  minLength: 6,
  maxLength: 256,
  requireTerminator: true,
}

export interface WedgeDecision {
  /** preventDefault this key: it is (possibly) part of a scan. */
  swallow: boolean
  /** Keys held back earlier that were typing after all: insert them, before this key if it is not swallowed. */
  replay: string
  /** A complete scan. */
  scan: string | null
}

const TERMINATORS = new Set(['Enter', 'Tab'])
// Keys a scanner may press around characters (shift for capitals) that carry no text.
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph'])

export class WedgeDetector {
  private readonly opts: WedgeOptions
  private chars: string[] = []
  private times: number[] = []

  constructor(options: Partial<WedgeOptions> = {}) {
    this.opts = { ...DEFAULT_WEDGE_OPTIONS, ...options }
  }

  /** True while keys are held back; call `flush` after `maxGapMs` with no key. */
  holding(): boolean {
    return this.chars.length > 0
  }

  get flushAfterMs(): number {
    return this.opts.maxGapMs
  }

  feed(key: string, at: number): WedgeDecision {
    if (MODIFIERS.has(key)) return { swallow: this.holding(), replay: '', scan: null }
    // A pause longer than any scanner makes ends what was held (typing, or a terminator-less scan).
    const prior = this.holding() ? this.flush(at) : { replay: '', scan: null }
    const { replay } = prior
    const scan = prior.scan
    if (TERMINATORS.has(key)) {
      if (!this.holding()) return { swallow: false, replay, scan }
      if (this.looksLikeScan(at)) return { swallow: true, replay, scan: this.take() }
      return { swallow: false, replay: replay + this.take(), scan }
    }
    if ([...key].length !== 1) {
      // Backspace, arrows, F-keys…: a person is at the keyboard.
      return { swallow: false, replay: replay + this.take(), scan }
    }
    this.chars.push(key)
    this.times.push(at)
    return { swallow: true, replay, scan }
  }

  /** Call when no key came for `flushAfterMs`: held keys are typing (or, without terminators, a scan). */
  flush(now: number): WedgeDecision {
    if (!this.holding() || now - (this.times.at(-1) ?? now) < this.opts.maxGapMs) return { swallow: false, replay: '', scan: null }
    if (!this.opts.requireTerminator && this.looksLikeScan(this.times.at(-1) ?? now)) return { swallow: false, replay: '', scan: this.take() }
    return { swallow: false, replay: this.take(), scan: null }
  }

  private looksLikeScan(end: number): boolean {
    if (this.chars.length < this.opts.minLength) return false
    const first = this.times[0] ?? end
    // gaps: between held keys and from the last key to the terminator
    const avg = (end - first) / this.chars.length
    return avg <= this.opts.maxAvgGapMs
  }

  private take(): string {
    const text = this.chars.join('').slice(0, this.opts.maxLength)
    this.chars = []
    this.times = []
    return text
  }
}
