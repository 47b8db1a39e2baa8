// Simulated time for the payment engine: a Clock whose sleeps resolve only
// when the driver advances time. Real work (HTTP to the sandbox, SQLite) runs
// at full speed and takes zero simulated time; waits cost nothing real. The
// driver advances only while every order runner is asleep, so no step of the
// engine is ever skipped or reordered.
import type { Clock } from '../../electron/payments/clock'

interface Timer {
  at: number
  seq: number
  sleeper: boolean
  fire: () => void
}

export class VirtualClock implements Clock {
  private t: number
  private seq = 0
  private timers: Timer[] = []
  private waiters: (() => void)[] = []
  /** Engine sleeps pending right now. */
  sleepers = 0

  constructor(startMs: number) {
    this.t = startMs
  }

  now = (): number => this.t

  sleep = (ms: number, wake?: Promise<unknown>): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer: Timer = {
        at: this.t + Math.max(0, Number.isFinite(ms) ? ms : 0),
        seq: this.seq++,
        sleeper: true,
        fire: () => {
          this.sleepers--
          resolve()
        },
      }
      this.sleepers++
      this.add(timer)
      wake?.then(() => {
        if (!this.timers.includes(timer)) return
        this.timers = this.timers.filter((x) => x !== timer)
        timer.fire()
      })
      this.notify()
    })

  /** Runs `fn` at simulated time `at` (e.g. the customer confirms on the phone). */
  at(at: number, fn: () => void): void {
    this.add({ at, seq: this.seq++, sleeper: false, fire: fn })
  }

  /** Resolves when some runner is asleep, or when poke() is called. */
  untilAsleep(): Promise<void> {
    if (this.sleepers > 0) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  /** Wake up untilAsleep() (an order reached its final state). */
  poke(): void {
    this.notify()
  }

  /** Jump to the earliest timer and fire it. False when nothing is scheduled. */
  step(): boolean {
    const next = this.timers.shift()
    if (!next) return false
    this.t = Math.max(this.t, next.at)
    next.fire()
    return true
  }

  /** Drop scheduled callbacks that no longer matter (between orders). */
  clearCallbacks(): void {
    this.timers = this.timers.filter((x) => x.sleeper)
  }

  private add(timer: Timer): void {
    const i = this.timers.findIndex((x) => x.at > timer.at || (x.at === timer.at && x.seq > timer.seq))
    if (i < 0) this.timers.push(timer)
    else this.timers.splice(i, 0, timer)
  }

  private notify(): void {
    const list = this.waiters
    this.waiters = []
    for (const w of list) w()
  }
}
