import { describe, expect, it } from 'vitest'
import { WedgeDetector, type WedgeDecision } from './wedge'

/** Types `text` with `gap` ms between keys, starting at `t0`; returns every decision and the end time. */
function type(d: WedgeDetector, keys: string[], gap: number, t0 = 1000) {
  const out: WedgeDecision[] = []
  let t = t0
  for (const k of keys) {
    out.push(d.feed(k, t))
    t += gap
  }
  return { out, t: t - gap }
}
const keys = (s: string) => [...s]
const scans = (ds: WedgeDecision[]) => ds.map((d) => d.scan).filter((s) => s !== null)
const replayed = (ds: WedgeDecision[]) => ds.map((d) => d.replay).join('')

describe('WedgeDetector', () => {
  it('a scanner burst (8 ms per key) + Enter is a scan, and every key is swallowed', () => {
    const d = new WedgeDetector()
    const { out } = type(d, [...keys('134567890123456789'), 'Enter'], 8)
    expect(scans(out)).toEqual(['134567890123456789'])
    expect(out.every((x) => x.swallow)).toBe(true)
    expect(replayed(out)).toBe('')
    expect(d.holding()).toBe(false)
  })

  it('Tab terminates too, and Shift for capitals does not break a scan', () => {
    const d = new WedgeDetector()
    const { out } = type(d, ['Shift', 'A', 'B', 'Shift', 'C', '1', '2', '3', 'Tab'], 5)
    expect(scans(out)).toEqual(['ABC123'])
  })

  it('a person typing (150 ms per key) gets every key back in order and Enter passes through', () => {
    const d = new WedgeDetector()
    const { out, t } = type(d, [...keys('12.50'), 'Enter'], 150)
    expect(scans(out)).toEqual([])
    expect(replayed(out) + d.flush(t + 1000).replay).toBe('12.50')
    expect(out.at(-1)).toMatchObject({ swallow: false })
  })

  it('a fast but short burst (a person rolling 3 keys) is typing, not a scan', () => {
    const d = new WedgeDetector()
    const { out } = type(d, ['1', '2', '3', 'Enter'], 10)
    expect(scans(out)).toEqual([])
    expect(out.at(-1)).toEqual({ swallow: false, replay: '123', scan: null, retract: 0 })
  })

  it('average gap decides: 45 ms is a scan, 65 ms is not', () => {
    expect(scans(type(new WedgeDetector(), [...keys('6901234567892'), 'Enter'], 45).out)).toEqual(['6901234567892'])
    const slow = type(new WedgeDetector({ maxGapMs: 100 }), [...keys('6901234567892'), 'Enter'], 65).out
    expect(scans(slow)).toEqual([])
    expect(replayed(slow)).toBe('6901234567892')
  })

  it('flush hands held keys back after a pause, and only after maxGapMs', () => {
    const d = new WedgeDetector()
    d.feed('7', 1000)
    expect(d.flush(1050)).toEqual({ swallow: false, replay: '', scan: null, retract: 0 })
    expect(d.flush(1081)).toEqual({ swallow: false, replay: '7', scan: null, retract: 0 })
    expect(d.holding()).toBe(false)
  })

  it('a scan right after typing: the typed key is replayed, then the scan is found', () => {
    const d = new WedgeDetector()
    expect(d.feed('5', 0)).toMatchObject({ swallow: true })
    const { out } = type(d, [...keys('281234567890123456'), 'Enter'], 6, 500)
    expect(out[0]).toMatchObject({ replay: '5', swallow: true })
    expect(scans(out)).toEqual(['281234567890123456'])
  })

  it('a non-text key (Backspace) releases held keys and passes', () => {
    const d = new WedgeDetector()
    d.feed('1', 0)
    d.feed('2', 10)
    expect(d.feed('Backspace', 20)).toEqual({ swallow: false, replay: '12', scan: null, retract: 0 })
  })

  it('without required terminators a fast burst ends at the pause', () => {
    const d = new WedgeDetector({ requireTerminator: false })
    const { t } = type(d, keys('134567890123456789'), 8)
    expect(d.flush(t + 100)).toEqual({ swallow: false, replay: '', scan: '134567890123456789', retract: 0 })
  })

  it('an overlong burst is reported cut to maxLength (the service then rejects it as too long)', () => {
    const d = new WedgeDetector()
    const { out } = type(d, [...keys('9'.repeat(400)), 'Enter'], 3)
    expect(scans(out)[0]).toHaveLength(256)
  })

  it('a busy page: the timer hands keys back early, the next key (same burst by its timestamp) retracts them, and the scan is whole', () => {
    const d = new WedgeDetector()
    const code = '134567890123459999'
    // 6 keys arrive at 8 ms, then the page is blocked; its flush timer runs late, before the queued keys.
    const first = type(d, keys(code.slice(0, 6)), 8, 1000)
    const early = d.flush(1000 + 5 * 8 + 300) // performance.now() after a 300 ms block
    expect(early.replay).toBe(code.slice(0, 6))
    // the queued keys carry their own (earlier) timestamps
    const rest = type(d, [...keys(code.slice(6)), 'Enter'], 8, first.t + 8)
    expect(rest.out[0]).toMatchObject({ retract: 6, swallow: true })
    expect(rest.out.slice(1).every((x) => x.retract === 0)).toBe(true)
    expect(scans(rest.out)).toEqual([code])
    expect(replayed(rest.out)).toBe('')
  })

  it('a key after a real pause does not retract what the timer handed back', () => {
    const d = new WedgeDetector()
    d.feed('7', 1000)
    expect(d.flush(1100).replay).toBe('7')
    expect(d.feed('8', 1300)).toMatchObject({ retract: 0, swallow: true })
  })

  it('typing resumed right after a premature flush is retracted, then replayed whole once its pause is seen', () => {
    const d = new WedgeDetector()
    d.feed('1', 1000)
    expect(d.flush(1200).replay).toBe('1') // timer ran late
    expect(d.feed('2', 1040)).toMatchObject({ retract: 1, swallow: true })
    expect(d.feed('Backspace', 1300)).toMatchObject({ replay: '12', swallow: false })
  })
})
