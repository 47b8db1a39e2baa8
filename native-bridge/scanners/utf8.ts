// Strict UTF-8: bytes that are not valid text are refused, never replaced with U+FFFD.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes)
  } catch {
    return null
  }
}
