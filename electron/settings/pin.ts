// The supervisor PIN: scrypt-hashed (never stored or logged in clear), a
// limited number of attempts, then a lockout. The engine checks it for refunds
// itself, so a renderer that skips the dialog still cannot refund.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import { PosFailure } from '../shared/result'

export interface PinStorage {
  getHash(): string | null
  setHash(hash: string): void
  getState(): { failures: number; lockedUntil: number }
  setState(state: { failures: number; lockedUntil: number }): void
}

export const PIN_MAX_ATTEMPTS = 5
export const PIN_LOCKOUT_MS = 5 * 60_000
const N = 16384

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
  constructor(
    private readonly storage: PinStorage,
    private readonly now: () => number = Date.now,
  ) {}

  isSet(): boolean {
    return this.storage.getHash() !== null
  }

  /** Throws PIN_LOCKED / PIN_INVALID; resets the failure count on success. */
  verify(pin: string | undefined): void {
    const hash = this.storage.getHash()
    if (!hash) throw new PosFailure('PIN_INVALID', '尚未设置主管密码：请先在“设置”中设置主管密码')
    const state = this.storage.getState()
    const now = this.now()
    if (state.lockedUntil > now) {
      const minutes = Math.ceil((state.lockedUntil - now) / 60_000)
      throw new PosFailure('PIN_LOCKED', `主管密码错误次数过多，已锁定，请 ${minutes} 分钟后再试`)
    }
    if (pin !== undefined && pinMatches(pin, hash)) {
      if (state.failures !== 0) this.storage.setState({ failures: 0, lockedUntil: 0 })
      return
    }
    const failures = state.failures + 1
    if (failures >= PIN_MAX_ATTEMPTS) {
      this.storage.setState({ failures: 0, lockedUntil: now + PIN_LOCKOUT_MS })
      throw new PosFailure('PIN_LOCKED', `主管密码连续错误 ${PIN_MAX_ATTEMPTS} 次，已锁定 ${PIN_LOCKOUT_MS / 60_000} 分钟`)
    }
    this.storage.setState({ failures, lockedUntil: 0 })
    throw new PosFailure('PIN_INVALID', `主管密码不正确，还可尝试 ${PIN_MAX_ATTEMPTS - failures} 次`)
  }

  /** First PIN needs no current one; changing it needs the current PIN. */
  set(next: string, current?: string): void {
    if (this.isSet()) this.verify(current)
    this.storage.setHash(hashPin(next))
    this.storage.setState({ failures: 0, lockedUntil: 0 })
  }
}
