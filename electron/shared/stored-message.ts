// Messages as the journal and the store database keep them: JSON text in a
// TEXT column. Reading back never throws: a value that is not a message (a
// sentence written before codes, a damaged cell) comes back as LEGACY_TEXT,
// which the renderer shows verbatim.
import { Message, msg } from './contract/message'

export function encodeMessage(m: Message): string {
  return JSON.stringify(m)
}

export function encodeMaybe(m: Message | null | undefined): string | null {
  return m ? encodeMessage(m) : null
}

/** Stored text → message; anything that does not parse as one is kept as LEGACY_TEXT. */
export function decodeMessage(text: string): Message {
  if (text.startsWith('{')) {
    try {
      const parsed = Message.safeParse(JSON.parse(text))
      if (parsed.success) return parsed.data
    } catch {
      // not JSON: an old sentence that happens to start with a brace
    }
  }
  return msg('LEGACY_TEXT', { text: text.slice(0, 500) })
}

export function decodeMaybe(text: string | null | undefined): Message | null {
  return text === null || text === undefined || text === '' ? null : decodeMessage(text)
}
