// The plain settings as read back from the journal's settings table: parsed
// field by field against the contract, so one damaged value (a hand-edited
// row, a bad restore) neither crashes the core nor silently changes the rest.
// A field that fails is left out (its default applies) and named in `damaged`,
// which the service logs and health reports.
import { z } from 'zod'
import { SettingsView } from '../shared/contract'

/** Every plain (non-secret, non-derived) setting that is stored. */
export const StoredSettings = SettingsView.omit({ agentKeySet: true, merchantKeySet: true, pinSet: true, pinNeedsChange: true, secretsEncrypted: true, liveMissing: true })
export type StoredSettings = z.infer<typeof StoredSettings>

export interface StoredRead {
  values: Partial<StoredSettings>
  /** Fields (or '(row)' for the whole row) that were unreadable. */
  damaged: string[]
}

export function readStoredSettings(raw: string | null): StoredRead {
  if (raw === null) return { values: {}, damaged: [] }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return { values: {}, damaged: ['(row)'] }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { values: {}, damaged: ['(row)'] }
  const values: Record<string, unknown> = {}
  const damaged: string[] = []
  const shape = StoredSettings.shape as Record<string, z.ZodType>
  for (const [key, value] of Object.entries(parsed)) {
    const field = shape[key]
    if (!field) continue // a setting a newer or older version kept: not ours to judge
    const ok = field.safeParse(value)
    if (ok.success) values[key] = ok.data
    else damaged.push(key)
  }
  return { values: values as Partial<StoredSettings>, damaged }
}
