// The big-button amount keypad (the keyboard does the same through CheckoutScreen).
import { useTranslation } from 'react-i18next'
import type { KeypadKey } from '../../lib/keypad'

const ROWS: KeypadKey[][] = [
  ['7', '8', '9'],
  ['4', '5', '6'],
  ['1', '2', '3'],
  ['0', '00', '.'],
]

export function Keypad({ onKey, disabled }: { onKey: (key: KeypadKey) => void; disabled: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="keypad" role="group" aria-label="keypad">
      {ROWS.flat().map((k) => (
        <button key={k} className="key" disabled={disabled} onClick={() => onKey(k)} tabIndex={-1}>
          {k}
        </button>
      ))}
      <button className="key key-wide" disabled={disabled} onClick={() => onKey('back')} tabIndex={-1} aria-label="backspace">
        ⌫
      </button>
      <button className="key key-wide" disabled={disabled} onClick={() => onKey('clear')} tabIndex={-1}>
        {t('checkout.clear')}
      </button>
    </div>
  )
}
