import { describe, expect, it } from 'vitest'
import { msg } from '../../../electron/shared/contract'
import { collapseTimeline } from './timeline'

const created = msg('STATE_ENTERED', { to: 'created' })
const unknown = msg('GATEWAY_CALL', { call: 'orderquery', outcome: 'unknown' })

describe('collapseTimeline', () => {
  it('folds consecutive repeats into one line with a count and a span', () => {
    const lines = collapseTimeline([
      { at: 1, kind: 'state', text: created },
      { at: 2, kind: 'gateway', text: unknown },
      { at: 3, kind: 'gateway', text: { ...unknown } },
      { at: 5, kind: 'gateway', text: msg('GATEWAY_CALL', { outcome: 'unknown', call: 'orderquery' }) },
      { at: 6, kind: 'state', text: unknown },
      { at: 7, kind: 'gateway', text: unknown, detail: msg('TECHNICAL', { text: 'timeout' }) },
      { at: 8, kind: 'gateway', text: msg('GATEWAY_CALL', { call: 'orderquery', outcome: 'paid' }) },
    ])
    expect(lines.map((l) => [l.at, l.lastAt, l.kind, l.count])).toEqual([
      [1, 1, 'state', 1],
      [2, 5, 'gateway', 3],
      [6, 6, 'state', 1],
      [7, 7, 'gateway', 1],
      [8, 8, 'gateway', 1],
    ])
  })

  it('keeps an empty timeline empty', () => {
    expect(collapseTimeline([])).toEqual([])
  })
})
