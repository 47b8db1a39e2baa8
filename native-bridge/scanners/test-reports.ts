// Builds boot-keyboard report sequences the way a scanner in keyboard mode
// sends them (press, release, press, …): for tests, the fuzzer and the simulator.
const LOWER = 'abcdefghijklmnopqrstuvwxyz'
const DIGITS = '1234567890'
const SHIFTED_DIGITS = '!@#$%^&*()'
const SYMBOLS: Record<string, [number, boolean]> = {
  ' ': [0x2c, false], '-': [0x2d, false], _: [0x2d, true], '=': [0x2e, false], '+': [0x2e, true],
  '[': [0x2f, false], '{': [0x2f, true], ']': [0x30, false], '}': [0x30, true], '\\': [0x31, false],
  '|': [0x31, true], ';': [0x33, false], ':': [0x33, true], "'": [0x34, false], '"': [0x34, true],
  '`': [0x35, false], '~': [0x35, true], ',': [0x36, false], '<': [0x36, true], '.': [0x37, false],
  '>': [0x37, true], '/': [0x38, false], '?': [0x38, true], '\n': [0x28, false], '\t': [0x2b, false],
}

export function keyOf(ch: string): [keycode: number, shift: boolean] {
  const lower = LOWER.indexOf(ch.toLowerCase())
  if (lower >= 0) return [0x04 + lower, ch !== ch.toLowerCase()]
  if (DIGITS.includes(ch)) return [0x1e + DIGITS.indexOf(ch), false]
  if (SHIFTED_DIGITS.includes(ch)) return [0x1e + SHIFTED_DIGITS.indexOf(ch), true]
  const sym = SYMBOLS[ch]
  if (!sym) throw new Error(`no key for ${JSON.stringify(ch)}`)
  return sym
}

const RELEASE = [0, 0, 0, 0, 0, 0, 0, 0]

/** Press + release reports for each character; `shiftSide` picks which shift key the scanner uses. */
export function keyboardReports(text: string, shiftSide: 'left' | 'right' = 'left'): number[][] {
  const reports: number[][] = []
  for (const ch of text) {
    const [key, shift] = keyOf(ch)
    const mod = shift ? (shiftSide === 'left' ? 0x02 : 0x20) : 0
    reports.push([mod, 0, key, 0, 0, 0, 0, 0], [...RELEASE])
  }
  return reports
}
