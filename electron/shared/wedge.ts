// Tells a keyboard-wedge scanner from a person typing, by timing alone. Pure
// (numbers and strings, no DOM), so the renderer and Node tests share it.
//
// Feed every keydown as (event.key, event.timeStamp ms). Printable keys are held
// back (swallow) while they arrive at scanner speed; when a terminator
// (Enter/Tab) ends a fast, long-enough burst, it is a scan. When the burst turns
// out to be typing (a slow gap, a short burst, a non-text key), the held keys
// come back as `replay` for the caller to type into the focused field.
//
// Only the events' own timestamps decide. A timer (`flush`) may hand held keys
// back early so a person sees a lone digit appear, but if the next key's
// timestamp shows it belonged to the same fast burst (the page was busy and the
// timer ran before queued keys), the decision says `retract`: the caller undoes
// what it replayed, and the keys rejoin the burst.

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
  /** Characters replayed by the last `flush` that were part of a burst after all: undo them before anything else. */
  retract: number
}

const TERMINATORS = new Set(['Enter', 'Tab'])
// Keys a scanner may press around characters (shift for capitals) that carry no text.
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph'])

export class WedgeDetector {
  private readonly opts: WedgeOptions
  private chars: string[] = []
  private times: number[] = []
  /** What the last timer flush handed back, kept until a key's timestamp confirms it was typing. */
  private released: { chars: string[]; times: number[] } | null = null

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
    const retract = this.takeBackIfSameBurst(at)
    if (MODIFIERS.has(key)) return { swallow: this.holding(), replay: '', scan: null, retract }
    // A pause longer than any scanner makes ends what was held (typing, or a terminator-less scan).
    const prior = this.holding() ? this.decideAfterPause(at) : { replay: '', scan: null }
    const { replay, scan } = prior
    if (TERMINATORS.has(key)) {
      if (!this.holding()) return { swallow: false, replay, scan, retract }
      if (this.looksLikeScan(at)) return { swallow: true, replay, scan: this.take(), retract }
      return { swallow: false, replay: replay + this.take(), scan, retract }
    }
    if ([...key].length !== 1) {
      // Backspace, arrows, F-keys…: a person is at the keyboard.
      return { swallow: false, replay: replay + this.take(), scan, retract }
    }
    this.chars.push(key)
    this.times.push(at)
    return { swallow: true, replay, scan, retract }
  }

  /**
   * Call when no key came for `flushAfterMs` (a timer): held keys are handed back
   * as typing (or, without terminators, a scan). Provisional: a later key whose
   * timestamp continues the burst retracts them (see `feed`).
   */
  flush(now: number): WedgeDecision {
    const none = { swallow: false, replay: '', scan: null, retract: 0 }
    if (!this.holding() || now - (this.times.at(-1) ?? now) < this.opts.maxGapMs) return none
    const times = [...this.times]
    const d = this.decideAfterPause(now)
    if (d.replay) this.released = { chars: [...d.replay], times }
    return { ...none, ...d }
  }

  /** Held keys after a pause (decided by the next key's timestamp, or by `flush`). */
  private decideAfterPause(now: number): { replay: string; scan: string | null } {
    if (now - (this.times.at(-1) ?? now) < this.opts.maxGapMs) return { replay: '', scan: null }
    if (!this.opts.requireTerminator && this.looksLikeScan(this.times.at(-1) ?? now)) return { replay: '', scan: this.take() }
    return { replay: this.take(), scan: null }
  }

  /** Keys a timer handed back that this key's timestamp shows were part of a fast burst: held again. */
  private takeBackIfSameBurst(at: number): number {
    const released = this.released
    this.released = null
    if (!released || at - (released.times.at(-1) ?? at) >= this.opts.maxGapMs) return 0
    this.chars = [...released.chars, ...this.chars]
    this.times = [...released.times, ...this.times]
    return released.chars.length
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
