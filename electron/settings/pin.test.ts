// The supervisor PIN rules the whole core relies on: 6+ digits for new PINs,
// escalating lockout kept across restarts and clock changes, an empty PIN is
// not an attempt, PINs from before the rule still verify (and are flagged).
import { describe, expect, it } from 'vitest'
import { PosFailure } from '../shared/result'
import { checkNewPin, hashPin, PIN_MAX_ATTEMPTS, PinGuard, type PinStorage } from './pin'

/** Storage as the journal holds it: JSON text, so a "restart" is a new guard over the same text. */
function store(hash: string | null = null) {
  const data = { hash, state: null as string | null }
  const storage: PinStorage = {
    getHash: () => data.hash,
    setHash: (h) => (data.hash = h),
    getState: () => (data.state === null ? null : (JSON.parse(data.state) as unknown)),
    setState: (s) => (data.state = JSON.stringify(s)),
  }
  return { data, storage }
}

function clocks(start = 1_000_000_000_000) {
  const c = { wall: start, mono: 0 }
  return { c, now: () => c.wall, mono: () => c.mono, pass: (ms: number) => ((c.wall += ms), (c.mono += ms)) }
}

function codeOf(f: () => void): string {
  try {
    f()
    return 'ok'
  } catch (e) {
    if (e instanceof PosFailure) return e.code
    throw e
  }
}

const MIN = 60_000
const lockOut = (g: PinGuard) => {
  for (let i = 0; i < PIN_MAX_ATTEMPTS; i++) codeOf(() => g.verify('999999'))
}

describe('new PIN rule', () => {
  it('6–12 digits, not one digit repeated, not a run', () => {
    for (const weak of ['', '12345', '1234567890123', 'abcdef', '111111', '123456', '987654', '0000000']) expect(codeOf(() => checkNewPin(weak))).toBe('PIN_WEAK')
    for (const good of ['246813', '808182', '135792468024']) expect(codeOf(() => checkNewPin(good))).toBe('ok')
  })

  it('setting a short PIN is refused and stores nothing', () => {
    const { data, storage } = store()
    const g = new PinGuard(storage)
    expect(codeOf(() => g.set('2468'))).toBe('PIN_WEAK')
    expect(data.hash).toBeNull()
  })

  it('a 4-digit PIN from before the rule still verifies, and is flagged to be changed', () => {
    const { storage } = store(hashPin('2468'))
    const g = new PinGuard(storage)
    expect(g.isWeak()).toBe(false)
    expect(codeOf(() => g.verify('2468'))).toBe('ok')
    expect(g.isWeak()).toBe(true)
    g.set('246813', '2468')
    expect(g.isWeak()).toBe(false)
    expect(codeOf(() => g.verify('2468'))).toBe('PIN_INVALID')
  })
})

describe('attempts and lockout', () => {
  it('no PIN set: PIN_NOT_SET; empty or missing PIN: PIN_REQUIRED and never counted', () => {
    expect(codeOf(() => new PinGuard(store().storage).verify('246813'))).toBe('PIN_NOT_SET')
    const { storage } = store(hashPin('246813'))
    const g = new PinGuard(storage)
    for (let i = 0; i < 20; i++) {
      expect(codeOf(() => g.verify(''))).toBe('PIN_REQUIRED')
      expect(codeOf(() => g.verify(undefined))).toBe('PIN_REQUIRED')
    }
    expect(codeOf(() => g.verify('246813'))).toBe('ok')
  })

  it('5 wrong → 5 min, then 15, then 60; a right PIN resets the level', () => {
    const { storage } = store(hashPin('246813'))
    const t = clocks()
    const g = new PinGuard(storage, t.now, t.mono)
    for (const minutes of [5, 15, 60, 240]) {
      for (let i = 1; i < PIN_MAX_ATTEMPTS; i++) expect(codeOf(() => g.verify('999999'))).toBe('PIN_INVALID')
      expect(codeOf(() => g.verify('999999'))).toBe('PIN_LOCKED')
      t.pass(minutes * MIN - 1000)
      // still locked, and the right PIN does not open it
      expect(codeOf(() => g.verify('246813'))).toBe('PIN_LOCKED')
      t.pass(1000)
    }
    expect(codeOf(() => g.verify('246813'))).toBe('ok')
    lockOut(g)
    t.pass(5 * MIN)
    expect(codeOf(() => g.verify('246813'))).toBe('ok')
  })

  it('a restart does not reset the failures or the lock', () => {
    const s = store(hashPin('246813'))
    const t = clocks()
    let g = new PinGuard(s.storage, t.now, t.mono)
    for (let i = 0; i < 3; i++) codeOf(() => g.verify('999999'))
    g = new PinGuard(s.storage, t.now, () => 0) // restart: fresh monotonic clock
    codeOf(() => g.verify('999999'))
    expect(codeOf(() => g.verify('999999'))).toBe('PIN_LOCKED')
    t.pass(2 * MIN)
    g = new PinGuard(s.storage, t.now, () => 0)
    expect(codeOf(() => g.verify('246813'))).toBe('PIN_LOCKED')
  })

  it('setting the clock back keeps it locked for the whole lock again', () => {
    const { storage } = store(hashPin('246813'))
    const t = clocks()
    const g = new PinGuard(storage, t.now, t.mono)
    lockOut(g)
    t.c.wall -= 24 * 60 * MIN // a day back
    expect(codeOf(() => g.verify('246813'))).toBe('PIN_LOCKED')
    t.pass(5 * MIN - 1000)
    expect(codeOf(() => g.verify('246813'))).toBe('PIN_LOCKED')
    t.pass(1000)
    expect(codeOf(() => g.verify('246813'))).toBe('ok')
  })

  it('setting the clock forward does not end the lock early in a running app', () => {
    const { storage } = store(hashPin('246813'))
    const t = clocks()
    const g = new PinGuard(storage, t.now, t.mono)
    lockOut(g)
    t.c.wall += 24 * 60 * MIN
    expect(codeOf(() => g.verify('246813'))).toBe('PIN_LOCKED')
    t.c.mono += 5 * MIN
    expect(codeOf(() => g.verify('246813'))).toBe('ok')
  })

  it('a damaged lock record fails closed (locked), never open', () => {
    const s = store(hashPin('246813'))
    s.data.state = JSON.stringify({ failures: 'lots' })
    const g = new PinGuard(s.storage)
    expect(codeOf(() => g.verify('246813'))).toBe('PIN_LOCKED')
  })
})
