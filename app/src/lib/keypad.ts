// Amount entry on the keypad, done on the text the cashier sees (never on a
// float): the text is always a valid prefix of a yuan amount like "12.30".
import { MAX_AMOUNT_FEN, parseYuan, type Fen } from '../../../electron/shared/money'

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '00' | '.' | 'back' | 'clear'

/** Applies one key; a key that would make the text invalid (3rd decimal, too large) is ignored. */
export function applyKey(text: string, key: KeypadKey): string {
  if (key === 'clear') return ''
  if (key === 'back') return text.slice(0, -1)
  let next: string
  if (key === '.') {
    if (text.includes('.')) return text
    next = text === '' ? '0.' : `${text}.`
  } else if (text === '0') {
    // "0" followed by a digit replaces the zero ("05" is not an amount); "00" on "0" keeps "0".
    next = key === '00' ? '0' : key
  } else if (text === '' && key === '00') {
    next = '0'
  } else {
    next = text + key
  }
  const [, decimals = ''] = next.split('.')
  if (next.includes('.') && decimals.length > 2) return text
  const fen = parseYuan(next.endsWith('.') ? next.slice(0, -1) : next)
  if (fen === null || fen > MAX_AMOUNT_FEN) return text
  return next
}

export type KeyRefusal = 'decimals' | 'max'

/**
 * Why a key changes nothing, so the screen can say so (never a silent drop):
 * a third decimal, or an amount above `maxFen` (the per-sale maximum).
 */
export function keyRefusal(text: string, key: KeypadKey, maxFen: Fen = MAX_AMOUNT_FEN): KeyRefusal | null {
  if (key === 'clear' || key === 'back' || key === '.') return null
  const [, decimals] = text.split('.')
  if (decimals !== undefined && decimals.length >= 2) return 'decimals'
  const next = applyKey(text, key)
  if (next === text) return text === '0' || text === '' ? null : 'max'
  const fen = amountOf(next)
  return fen !== null && fen > maxFen ? 'max' : null
}

/** Fen for the text, or null when empty / zero (nothing to charge). */
export function amountOf(text: string): Fen | null {
  if (text === '') return null
  const fen = parseYuan(text.endsWith('.') ? text.slice(0, -1) : text)
  return fen === null || fen <= 0 ? null : fen
}

/** Maps a keyboard key to a keypad key (digits, '.', Backspace, Delete). */
export function keypadKeyOf(eventKey: string): KeypadKey | null {
  if (/^\d$/.test(eventKey)) return eventKey as KeypadKey
  if (eventKey === '.' || eventKey === 'Decimal') return '.'
  if (eventKey === 'Backspace') return 'back'
  if (eventKey === 'Delete') return 'clear'
  return null
}
