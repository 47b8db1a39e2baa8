// Wire format of the harness WebSocket. Shared by server and browser client;
// no Node imports here.
import type { Result } from './result'

export const HARNESS_PATH = '/pos'
/** The per-launch token: the server writes it into the page it serves (this meta tag), the page presents it as `?token=` on the WebSocket. */
export const HARNESS_TOKEN_META = 'counter-harness-token'
/** Biggest message either side sends; a bigger frame closes that socket (1009), the server stays up. */
export const HARNESS_MAX_MESSAGE_BYTES = 1024 * 1024

export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown }

export function parseClientMessage(text: string): { ok: true; id: number; name: string; payload: unknown } | { ok: false; id: number; reason: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, id: -1, reason: 'message is not JSON' }
  }
  if (typeof value !== 'object' || value === null) return { ok: false, id: -1, reason: 'message is not an object' }
  const m = value as Record<string, unknown>
  const id = typeof m.id === 'number' && Number.isSafeInteger(m.id) ? m.id : -1
  if (m.type !== 'call' || id < 0 || typeof m.name !== 'string') return { ok: false, id, reason: 'expected {type:"call", id, name, payload}' }
  return { ok: true, id, name: m.name, payload: m.payload }
}
