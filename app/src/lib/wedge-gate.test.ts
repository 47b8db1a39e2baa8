import { describe, expect, it } from 'vitest'
import { WedgeGate } from './wedge-gate'

function harness() {
  const timers: { at: number; fn: () => void; live: boolean }[] = []
  const out = { replayed: [] as string[][], codes: [] as string[] }
  let now = 0
  const gate = new WedgeGate({
    replay: (keys) => out.replayed.push(keys),
    complete: (code) => out.codes.push(code),
    schedule: (ms, fn) => {
      const t = { at: now + ms, fn, live: true }
      timers.push(t)
      return () => (t.live = false)
    },
  })
  const advance = (to: number) => {
    now = to
    for (const t of timers) {
      if (!t.live || t.at > now) continue
      t.live = false
      t.fn()
    }
  }
  const press = (key: string, at: number) => {
    advance(at)
    return gate.key(key, at)
  }
  return { gate, out, press, advance }
}

describe('WedgeGate', () => {
  it('turns a fast burst ending in Enter into one code and swallows every key', () => {
    const h = harness()
    const code = '134567890123456789'
    const verdicts = [...code].map((c, i) => h.press(c, 1000 + i * 5))
    expect(h.press('Enter', 1000 + code.length * 5)).toBe('swallow')
    expect(verdicts.every((v) => v === 'swallow')).toBe(true)
    expect(h.out.codes).toEqual([code])
    expect(h.out.replayed).toEqual([])
  })

  it('replays slow typing unchanged and in order', () => {
    const h = harness()
    h.press('1', 0)
    h.press('2', 150)
    h.press('3', 300)
    h.advance(1000)
    expect(h.out.replayed).toEqual([['1'], ['2'], ['3']])
    expect(h.out.codes).toEqual([])
  })

  it('delivers held keys before a following non-printable key', () => {
    const h = harness()
    h.press('5', 0)
    expect(h.press('Backspace', 10)).toBe('pass')
    expect(h.out.replayed).toEqual([['5']])
  })

  it('a short fast burst (too short for a code) is replayed, and its Enter passes', () => {
    const h = harness()
    h.press('1', 0)
    h.press('2', 5)
    expect(h.press('Enter', 10)).toBe('pass')
    expect(h.out.replayed).toEqual([['1', '2']])
    expect(h.out.codes).toEqual([])
  })

  it('accepts a burst without a terminator once the scanner goes quiet', () => {
    const h = harness()
    ;[...'28123456789012345'].forEach((c, i) => h.press(c, i * 3))
    h.advance(500)
    expect(h.out.codes).toEqual(['28123456789012345'])
  })

  it('a pause inside a run splits it: the person part is replayed, the burst scanned', () => {
    const h = harness()
    h.press('9', 0)
    ;[...'1345678901234567'].forEach((c, i) => h.press(c, 200 + i * 4))
    h.press('Enter', 200 + 16 * 4)
    expect(h.out.replayed).toEqual([['9']])
    expect(h.out.codes).toEqual(['1345678901234567'])
  })
})
