// Money is integer fen (分) everywhere. These helpers are the only place that
// converts between fen and the yuan text a person reads or types.

export type Fen = number

export const MAX_AMOUNT_FEN = 10_000_000_00 // ¥10,000,000.00, far above any counter sale

/** 12345 → "123.45" (no float arithmetic). */
export function formatFen(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = abs % 100
  return `${sign}${yuan}.${cents.toString().padStart(2, '0')}`
}

/** "¥1,234.50": how money is shown everywhere (thousands separators, two decimals). */
export function formatYuan(fen: Fen): string {
  return fen < 0 ? `-¥${groupThousands(formatFen(-fen))}` : `¥${groupThousands(formatFen(fen))}`
}

/** "1234567.5" → "1,234,567.5": separators in the yuan part of a typed or formatted amount. */
export function groupThousands(text: string): string {
  const [whole = '', ...rest] = text.split('.')
  const sign = whole.startsWith('-') ? '-' : ''
  const digits = sign ? whole.slice(1) : whole
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return [sign + grouped, ...rest].join('.')
}

/** Parses "12", "12.3", "12.34" into fen by string manipulation; null when not a valid amount. */
export function parseYuan(text: string): Fen | null {
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text.trim())
  if (!m) return null
  const yuan = Number(m[1])
  const cents = Number((m[2] ?? '').padEnd(2, '0'))
  return yuan * 100 + cents
}
