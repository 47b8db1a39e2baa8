// The order timeline as a person reads it: a retry loop writes the same line
// many times ("查询订单：结果未知" every second); consecutive repeats become one
// line with a count and a time span.
import type { TimelineEntry } from '../../../electron/shared/contract'

export interface TimelineLine {
  at: number
  /** Time of the last repeat (equal to `at` for a single entry). */
  lastAt: number
  kind: TimelineEntry['kind']
  text: string
  /** Technical detail of the first entry (for support). */
  detail?: string
  count: number
}

export function collapseTimeline(entries: readonly TimelineEntry[]): TimelineLine[] {
  const lines: TimelineLine[] = []
  for (const e of entries) {
    const prev = lines[lines.length - 1]
    if (prev && prev.kind === e.kind && prev.text === e.text && prev.detail === e.detail) {
      prev.count += 1
      prev.lastAt = e.at
    } else {
      lines.push({ at: e.at, lastAt: e.at, kind: e.kind, text: e.text, ...(e.detail ? { detail: e.detail } : {}), count: 1 })
    }
  }
  return lines
}
