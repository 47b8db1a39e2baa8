import { describe, expect, it } from 'vitest'
import { collapseTimeline } from './timeline'

describe('collapseTimeline', () => {
  it('folds consecutive repeats into one line with a count and a span', () => {
    const lines = collapseTimeline([
      { at: 1, kind: 'state', text: '已创建' },
      { at: 2, kind: 'gateway', text: '查询订单：结果未知' },
      { at: 3, kind: 'gateway', text: '查询订单：结果未知' },
      { at: 5, kind: 'gateway', text: '查询订单：结果未知' },
      { at: 6, kind: 'state', text: '查询订单：结果未知' },
      { at: 7, kind: 'gateway', text: '查询订单：结果未知' },
    ])
    expect(lines.map((l) => [l.at, l.lastAt, l.kind, l.count])).toEqual([
      [1, 1, 'state', 1],
      [2, 5, 'gateway', 3],
      [6, 6, 'state', 1],
      [7, 7, 'gateway', 1],
    ])
  })

  it('keeps an empty timeline empty', () => {
    expect(collapseTimeline([])).toEqual([])
  })
})
