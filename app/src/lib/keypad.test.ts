import { describe, expect, it } from 'vitest'
import { amountOf, applyKey, keyRefusal, keypadKeyOf, type KeypadKey } from './keypad'

const type = (keys: KeypadKey[], start = '') => keys.reduce(applyKey, start)

describe('keypad amount editing', () => {
  it('builds yuan text digit by digit and converts to exact fen', () => {
    expect(type(['1', '2', '.', '3'])).toBe('12.3')
    expect(amountOf('12.3')).toBe(1230)
    expect(amountOf(type(['0', '.', '1']))).toBe(10)
    // 0.1 + 0.2 style float traps never happen: text → fen by string.
    expect(amountOf('0.29')).toBe(29)
    expect(amountOf('1999.99')).toBe(199999)
  })

  it('refuses a third decimal and a second dot', () => {
    expect(type(['1', '.', '2', '3', '4'])).toBe('1.23')
    expect(type(['1', '.', '.', '5'])).toBe('1.5')
  })

  it('handles leading zeros and the 00 key', () => {
    expect(type(['0', '5'])).toBe('5')
    expect(type(['0', '0'])).toBe('0')
    expect(type(['00'])).toBe('0')
    expect(type(['1', '00'])).toBe('100')
    expect(type(['.'])).toBe('0.')
    expect(type(['1', '.', '00'])).toBe('1.00')
    expect(type(['1', '.', '5', '00'])).toBe('1.5')
  })

  it('caps the amount at the contract maximum', () => {
    const big = type(['1', '0', '0', '0', '0', '0', '0', '0'])
    expect(big).toBe('10000000')
    expect(applyKey(big, '1')).toBe(big)
    expect(applyKey('9999999', '9')).toBe('9999999')
  })

  it('backspace and clear', () => {
    expect(applyKey('12.3', 'back')).toBe('12.')
    expect(applyKey('', 'back')).toBe('')
    expect(applyKey('12.3', 'clear')).toBe('')
  })

  it('zero and empty are not chargeable', () => {
    expect(amountOf('')).toBeNull()
    expect(amountOf('0')).toBeNull()
    expect(amountOf('0.00')).toBeNull()
    expect(amountOf('0.')).toBeNull()
    expect(amountOf('3.')).toBe(300)
  })

  it('maps keyboard keys', () => {
    expect(keypadKeyOf('7')).toBe('7')
    expect(keypadKeyOf('.')).toBe('.')
    expect(keypadKeyOf('Backspace')).toBe('back')
    expect(keypadKeyOf('Delete')).toBe('clear')
    expect(keypadKeyOf('a')).toBeNull()
    expect(keypadKeyOf('F1')).toBeNull()
  })
})

describe('keys that change nothing say why', () => {
  it('a third decimal is refused as "decimals"', () => {
    expect(keyRefusal('12.34', '5')).toBe('decimals')
    expect(keyRefusal('12.34', '00')).toBe('decimals')
    expect(keyRefusal('12.3', '4')).toBeNull()
  })
  it('an amount above the per-sale maximum is refused as "max"', () => {
    expect(keyRefusal('5000', '1', 50_000_00)).toBe('max')
    expect(keyRefusal('500', '0', 50_000_00)).toBeNull()
    expect(keyRefusal('50000', '.', 50_000_00)).toBeNull()
  })
  it('editing keys are never refused', () => {
    expect(keyRefusal('12.34', 'back')).toBeNull()
    expect(keyRefusal('12.34', 'clear')).toBeNull()
    expect(keyRefusal('0', '00')).toBeNull()
  })
})
