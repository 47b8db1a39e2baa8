// Step 1: the supervisor PIN comes first — set it (typed twice) or prove it. With
// operators, proving is the manager's: a signed-in manager types their own PIN (or
// the supervisor PIN), anyone else has a manager approve with their number + PIN
// (recorded in the audit).
import { Alert, Button, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProofInput } from '../../../../electron/shared/contract'
import type { PosError } from '../../../../electron/shared/result'
import { errorText } from '../../lib/error-text'
import { proofOf } from '../../state/operators-store'
import { useSettingsStore } from '../../state/settings-store'
import { ApproverInput, useOperatorsOn } from '../operators/ApproverInput'

// The core's rule (electron/settings/pin.ts): a new PIN has 6–12 digits (PIN_WEAK
// otherwise); a PIN set before that rule may be shorter and still proves who you are.
const NEW_PIN_MIN = 6
const OLD_PIN_MIN = 4
const PIN_MAX = 12
const digits = (v: string) => v.replace(/\D/g, '').slice(0, PIN_MAX)

export function PinStep({ pinSet, onDone }: { pinSet: boolean; onDone: (proof: ProofInput) => void }) {
  const { t } = useTranslation()
  // Proving a PIN with operators: a manager's number beside it makes it their approval.
  const approving = useOperatorsOn() && pinSet
  const [pin, setPin] = useState('')
  const [approver, setApprover] = useState('')
  const [repeat, setRepeat] = useState('')
  const [error, setError] = useState<PosError | null>(null)
  const [busy, setBusy] = useState(false)
  const short = pin.length < (pinSet ? OLD_PIN_MIN : NEW_PIN_MIN)
  const mismatch = !pinSet && repeat.length >= pin.length && repeat !== pin

  const submit = async () => {
    setBusy(true)
    const store = useSettingsStore.getState()
    // An existing PIN is proved with an empty settings change (the core checks it).
    const proof = proofOf(approver, pin)
    const r = pinSet ? await store.update({}, proof) : await store.setPin(pin)
    setBusy(false)
    if (r.ok) onDone(pinSet ? proof : pin)
    else setError(r.error)
  }

  return (
    <div className="setup-step" data-testid="setup-pin">
      <p className="muted">{t('golive.pinWhy')}</p>
      {approving && <p className="muted">{t('ops.approve.managerHint')}</p>}
      <div className="form-grid">
        {approving && <ApproverInput value={approver} onChange={setApprover} label={t('ops.approve.managerNo')} testId="setup-approver" />}
        <label>{approving ? t('ops.approve.pin') : pinSet ? t('golive.pinCurrent') : t('golive.pinNew')}</label>
        <Input.Password value={pin} autoComplete="off" inputMode="numeric" onChange={(e) => setPin(digits(e.target.value))} data-testid="setup-pin-1" />
        {!pinSet && (
          <>
            <label>{t('golive.pinRepeat')}</label>
            <Input.Password value={repeat} autoComplete="off" inputMode="numeric" onChange={(e) => setRepeat(digits(e.target.value))} data-testid="setup-pin-2" />
          </>
        )}
      </div>
      {pin.length > 0 && short && !pinSet && <p className="field-error">{t('golive.pinShort')}</p>}
      {mismatch && <p className="field-error" data-testid="setup-pin-mismatch">{t('golive.pinMismatch')}</p>}
      {error && <Alert className="dialog-error" type="error" showIcon title={errorText(t, error)} data-testid="setup-pin-error" />}
      <Button type="primary" size="large" loading={busy} disabled={short || (!pinSet && repeat !== pin)} onClick={() => void submit()} data-testid="setup-pin-next">
        {t('golive.next')}
      </Button>
    </div>
  )
}
