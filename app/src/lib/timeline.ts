// The order timeline as a person reads it: a retry loop writes the same line
// many times (an order query without an answer every second); consecutive
// repeats (same code, same params) become one line with a count and a time span.
import { sameMessage, type Message, type TimelineEntry } from '../../../electron/shared/contract'

export interface TimelineLine {
  at: number
  /** Time of the last repeat (equal to `at` for a single entry). */
  lastAt: number
  kind: TimelineEntry['kind']
  text: Message
  /** Why (the engine's note, or the transport error) of the first entry. */
  detail?: Message
  count: number
}

export function collapseTimeline(entries: readonly TimelineEntry[]): TimelineLine[] {
  const lines: TimelineLine[] = []
  for (const e of entries) {
    const prev = lines[lines.length - 1]
    if (prev && prev.kind === e.kind && sameMessage(prev.text, e.text) && sameMessage(prev.detail, e.detail)) {
      prev.count += 1
      prev.lastAt = e.at
    } else {
      lines.push({ at: e.at, lastAt: e.at, kind: e.kind, text: e.text, ...(e.detail ? { detail: e.detail } : {}), count: 1 })
    }
  }
  return lines
}
