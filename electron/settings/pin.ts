// The supervisor PIN: scrypt-hashed (never stored or logged in clear), a
// limited number of attempts, then an escalating lockout kept in the journal.
// The core checks it for refunds, shift close and settings itself, so a
// renderer that skips the dialog still cannot do any of them.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { PosFailure } from '../shared/result'

/** What survives a restart: failures since the last lock, and the lock itself (when it began and how long). */
export const PinState = z.object({
  failures: z.int().min(0).max(100),
  /** How many locks so far (picks the next lock's length); back to 0 after a right PIN. */
  lockouts: z.int().min(0).max(1000),
  lockStartedAt: z.number().min(0),
  lockMs: z.int().min(0),
  /** The last right PIN was shorter than PIN_MIN_LENGTH (set before the rule): ask to change it. */
  weak: z.boolean().default(false),
})
export type PinState = z.infer<typeof PinState>

export interface PinStorage {
  getHash(): string | null
  setHash(hash: string): void
  /** The raw stored state (null when none yet); validated here, so a damaged row fails closed. */
  getState(): unknown
  setState(state: PinState): void
}

export const PIN_MIN_LENGTH = 6
export const PIN_MAX_LENGTH = 12
export const PIN_MAX_ATTEMPTS = 5
/** 1st lock 5 min, then 15, 60, 4 h, then 24 h for every further lock. */
export const PIN_LOCKOUT_STEPS_MS = [5, 15, 60, 240, 1440].map((m) => m * 60_000)
const N = 16384
const FRESH: PinState = { failures: 0, lockouts: 0, lockStartedAt: 0, lockMs: 0, weak: false }

export function lockoutMs(lockouts: number): number {
  return PIN_LOCKOUT_STEPS_MS[Math.min(lockouts, PIN_LOCKOUT_STEPS_MS.length - 1)] ?? 0
}

/** The rule for every new PIN (settings, setup wizard, tests): 6–12 digits, not all one digit, not a run. */
export function checkNewPin(pin: string): void {
  if (!new RegExp(`^\\d{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`).test(pin)) {
    throw new PosFailure('PIN_WEAK', `主管密码须为 ${PIN_MIN_LENGTH}–${PIN_MAX_LENGTH} 位数字 (PIN: ${PIN_MIN_LENGTH}–${PIN_MAX_LENGTH} digits)`, { reason: 'length', min: String(PIN_MIN_LENGTH), max: String(PIN_MAX_LENGTH) })
  }
  const ds = [...pin].map(Number)
  const step = (ds[1] ?? 0) - (ds[0] ?? 0)
  if (Math.abs(step) <= 1 && ds.every((d, i) => i === 0 || d - (ds[i - 1] ?? 0) === step)) {
    throw new PosFailure('PIN_WEAK', '主管密码太容易猜到（如 111111、123456），请换一个 (PIN too easy to guess)', { reason: 'trivial' })
  }
}

export function hashPin(pin: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(pin, salt, 32, { N, r: 8, p: 1 })
  return `scrypt$${N}$${salt.toString('base64')}$${hash.toString('base64')}`
}

export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, n, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: 8, p: 1 })
  return timingSafeEqual(actual, expected)
}

export class PinGuard {
  /** A lock first seen by this process: the monotonic time then and what was left (so moving the clock forward does not end it early). */
  private seen: { lockStartedAt: number; atMono: number; leftMs: number } | null = null

  constructor(
    private readonly storage: PinStorage,
    private readonly now: () => number = Date.now,
    private readonly mono: () => number = () => performance.now(),
  ) {}

  isSet(): boolean {
    return this.storage.getHash() !== null
  }

  /** The stored state; a damaged or missing-but-hash-present row is treated as a fresh lock (fails closed). */
  /** The lockout state as stored (failures, locks): handed on when this PIN becomes an operator's (the lock goes with it). */
  lockState(): PinState {
    return this.state()
  }

  private state(): PinState {
    const raw = this.storage.getState()
    if (raw === null || raw === undefined) return FRESH
    const parsed = PinState.safeParse(raw)
    if (parsed.success) return parsed.data
    const locked: PinState = { ...FRESH, lockouts: 1, lockStartedAt: this.now(), lockMs: lockoutMs(0) }
    this.storage.setState(locked)
    return locked
  }

  /** Milliseconds the lock still holds (0 = not locked). A clock set back before the lock began restarts it. */
  remainingMs(): number {
    let s = this.state()
    if (s.lockMs === 0) return 0
    const now = this.now()
    if (now < s.lockStartedAt) {
      s = { ...s, lockStartedAt: now }
      this.storage.setState(s)
    }
    const byClock = s.lockStartedAt + s.lockMs - now
    if (!this.seen || this.seen.lockStartedAt !== s.lockStartedAt) this.seen = { lockStartedAt: s.lockStartedAt, atMono: this.mono(), leftMs: Math.max(0, byClock) }
    const byMono = this.seen.leftMs - (this.mono() - this.seen.atMono)
    return Math.max(0, Math.ceil(Math.max(byClock, byMono)))
  }

  /** Whether the last right PIN was shorter than today's rule (the settings view asks to change it). */
  isWeak(): boolean {
    return this.state().weak
  }

  /**
   * Throws PIN_NOT_SET / PIN_REQUIRED (neither counts as an attempt) / PIN_LOCKED /
   * PIN_INVALID; a right PIN clears the failures and the lock level.
   */
  verify(pin: string | undefined): void {
    const hash = this.storage.getHash()
    if (!hash) throw new PosFailure('PIN_NOT_SET', '尚未设置主管密码：请先设置主管密码 (no supervisor PIN yet)')
    const left = this.remainingMs()
    if (left > 0) throw new PosFailure('PIN_LOCKED', `主管密码错误次数过多，已锁定，请 ${Math.ceil(left / 60_000)} 分钟后再试`, { minutes: String(Math.ceil(left / 60_000)) })
    if (pin === undefined || pin === '') throw new PosFailure('PIN_REQUIRED', '请输入主管密码 (supervisor PIN required)', { reason: 'supervisor' })
    const state = this.state()
    if (pinMatches(pin, hash)) {
      const weak = pin.length < PIN_MIN_LENGTH
      if (state.failures !== 0 || state.lockouts !== 0 || state.lockMs !== 0 || state.weak !== weak) this.storage.setState({ ...FRESH, weak })
      return
    }
    const failures = state.failures + 1
    if (failures >= PIN_MAX_ATTEMPTS) {
      const lockMs = lockoutMs(state.lockouts)
      const lockStartedAt = this.now()
      this.storage.setState({ ...state, failures: 0, lockouts: state.lockouts + 1, lockStartedAt, lockMs })
      this.seen = { lockStartedAt, atMono: this.mono(), leftMs: lockMs }
      throw new PosFailure('PIN_LOCKED', `主管密码连续错误 ${PIN_MAX_ATTEMPTS} 次，已锁定 ${lockMs / 60_000} 分钟`, { minutes: String(lockMs / 60_000) })
    }
    // An ended lock is cleared here, but its level stays: the next lock is longer.
    this.storage.setState({ ...state, failures, lockStartedAt: 0, lockMs: 0 })
    throw new PosFailure('PIN_INVALID', `主管密码不正确，还可尝试 ${PIN_MAX_ATTEMPTS - failures} 次`, { reason: 'supervisor', attemptsLeft: String(PIN_MAX_ATTEMPTS - failures) })
  }

  /** First PIN needs no current one; changing it needs the current PIN. The new one must pass checkNewPin. */
  set(next: string, current?: string): void {
    if (this.isSet()) this.verify(current)
    checkNewPin(next)
    this.storage.setHash(hashPin(next))
    this.storage.setState(FRESH)
  }
}
