// The approver's operator number, next to a PIN field: shown only when the
// counter has operators. With a number, the PIN beside it is that operator's
// (an approval, recorded with both numbers); without, it is a bare PIN (the
// signed-in operator's own, or the shared supervisor PIN). proofOf builds the proof.
import { Input } from 'antd'
import { useOperatorsStore } from '../../state/operators-store'

export function useOperatorsOn(): boolean {
  return useOperatorsStore((s) => s.status?.enabled === true)
}

export function ApproverInput({ value, onChange, label, testId, style }: { value: string; onChange: (v: string) => void; label: string; testId: string; style?: React.CSSProperties }) {
  if (!useOperatorsOn()) return null
  return (
    <>
      <label htmlFor={testId}>{label}</label>
      <Input id={testId} value={value} maxLength={4} inputMode="numeric" autoComplete="off" style={style} onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))} data-testid={testId} />
    </>
  )
}
