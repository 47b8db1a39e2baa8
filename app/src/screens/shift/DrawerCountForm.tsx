// Closing the shift: the cashier counts the drawer by denomination; counted,
// expected and over/short (长短款) show as they type. Within the limit (or even)
// the cashier closes alone; a difference above it is refused by the core
// (CONFIRM_REQUIRED) and the confirmation asks for a supervisor's number + PIN
// (recorded as the close's approver). Closing without a count is the supervisor's too.
import { Alert, App, Button, Card, Input, InputNumber, Modal, Popconfirm } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DENOMINATIONS_FEN, type DrawerCount } from '../../../../electron/shared/contract'
import { formatYuan, parseYuan } from '../../../../electron/shared/money'
import { useCashStore } from '../../state/cash-store'
import { proofOf, useOperatorsStore } from '../../state/operators-store'
import { useShiftStore } from '../../state/shift-store'
import { ApproverInput } from '../operators/ApproverInput'
import { opsErrorText } from '../operators/ops-error'
import { errorText } from '../../lib/error-text'

export function overShortClass(fen: number): string {
  return fen > 0 ? 'over' : fen < 0 ? 'short' : ''
}

export function DrawerCountForm() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [pieces, setPieces] = useState<Record<string, number>>({})
  const [pin, setPin] = useState('')
  // Handover: cash taken out of the counted drawer (to the safe); the rest is the next shift's float.
  const [takenOut, setTakenOut] = useState('')
  const [approver, setApprover] = useState('')
  const operatorsOn = useOperatorsStore((x) => x.status?.enabled === true)
  const [expected, setExpected] = useState<number | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<{ diff: number; limit: number } | null>(null)
  const [confirmError, setConfirmError] = useState<string | null>(null)

  // The expected cash moves with every drawer movement (sales, refunds, paid-in/out): asked again each time.
  const moved = useCashStore((c) => c.movements[0]?.id ?? 0)
  useEffect(() => {
    void useShiftStore.getState().expectedDrawer().then(setExpected)
  }, [moved])
  const counted = DENOMINATIONS_FEN.reduce((sum, d) => sum + d * (pieces[String(d)] ?? 0), 0)
  const diff = expected === null ? null : counted - expected
  const label = diff === null ? '' : diff > 0 ? t('cash.count.over') : diff < 0 ? t('cash.count.short') : t('cash.count.even')

  const takenOutFen = takenOut.trim() === '' ? 0 : parseYuan(takenOut)
  const takenOutBad = takenOutFen === null || takenOutFen > counted

  const close = async (withCount: boolean, accept = false) => {
    if (withCount && takenOutBad) return setProblem(t('handover.invalidTakenOut'))
    const count: DrawerCount | undefined = withCount ? { pieces: Object.fromEntries(Object.entries(pieces).filter(([, n]) => n > 0)) } : undefined
    const r = await useShiftStore.getState().close(pin ? proofOf(approver, pin) : undefined, count, accept, withCount ? (takenOutFen ?? 0) : undefined)
    if (!r.ok && r.error.code === 'CONFIRM_REQUIRED' && r.error.params?.reason === 'over-short') {
      setConfirm({ diff: Number(r.error.params.overShortFen), limit: Number(r.error.params.limitFen) })
      setConfirmError(null)
      return
    }
    // A refused approval keeps the confirmation open: the supervisor types again.
    if (!r.ok && accept && ['ROLE_REQUIRED', 'PIN_INVALID', 'PIN_REQUIRED', 'PIN_LOCKED'].includes(r.error.code)) {
      setPin('')
      setConfirmError(opsErrorText(t, r.error))
      return
    }
    setConfirmError(null)
    setPin('')
    setApprover('')
    setConfirm(null)
    if (r.ok) setTakenOut('')
    if (r.ok) void message.success(t('handover.closedZ'))
    setProblem(r.ok ? null : ['ROLE_REQUIRED', 'COUNTER_LOCKED'].includes(r.error.code) ? `${opsErrorText(t, r.error)} — ${t('ops.approverHint')}` : t('shift.failedCall', { message: errorText(t, r.error) }))
  }

  return (
    <Card title={t('cash.count.title')} data-testid="drawer-count">
      <div className="count-grid">
        {DENOMINATIONS_FEN.map((d) => (
          <div key={d} style={{ display: 'contents' }}>
            <label>{t(`cash.count.denomination.${d}`)}</label>
            <InputNumber
              min={0}
              max={100000}
              precision={0}
              value={pieces[String(d)] ?? null}
              placeholder="0"
              addonAfter={t('cash.count.pieces')}
              onChange={(v) => setPieces((p) => ({ ...p, [String(d)]: typeof v === 'number' ? v : 0 }))}
              data-testid={`count-${d}`}
            />
            <span className="sub">{formatYuan(d * (pieces[String(d)] ?? 0))}</span>
          </div>
        ))}
      </div>
      <div className="count-sum">
        <span>{t('cash.count.counted')}</span>
        <strong data-testid="count-counted">{formatYuan(counted)}</strong>
        <span>{t('cash.count.expected')}</span>
        <strong data-testid="count-expected">{expected === null ? '—' : formatYuan(expected)}</strong>
        <span>
          {t('cash.count.overShort')} {label && `(${label})`}
        </span>
        <strong className={diff === null ? '' : overShortClass(diff)} data-testid="count-diff">
          {diff === null ? '—' : formatYuan(diff)}
        </strong>
      </div>
      <div className="form-grid">
        <label title={t('handover.takenOutHint')}>{t('handover.takenOut')}</label>
        <Input value={takenOut} inputMode="decimal" maxLength={12} placeholder="0.00" status={takenOutBad ? 'error' : ''} onChange={(e) => setTakenOut(e.target.value)} data-testid="count-taken-out" />
        <label>{t('handover.left')}</label>
        <strong data-testid="count-left">{takenOutBad ? '—' : formatYuan(counted - (takenOutFen ?? 0))}</strong>
        {operatorsOn && <label>{t('ops.approverNo')}</label>}
        {operatorsOn && <Input value={approver} maxLength={4} inputMode="numeric" onChange={(e) => setApprover(e.target.value.replace(/\D/g, ''))} data-testid="shift-approver" />}
        <label>{t('shift.pin')}</label>
        <Input.Password value={pin} maxLength={12} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} data-testid="shift-pin" />
      </div>
      <div className="button-row">
        <Button size="large" danger type="primary" onClick={() => void close(true)} data-testid="count-close">
          {t('cash.count.close')}
        </Button>
        <Popconfirm title={t('shift.closeConfirm')} onConfirm={() => void close(false)} okText={t('common.yes')} cancelText={t('common.no')}>
          <Button size="large" data-testid="shift-close">
            {t('cash.count.skip')}
          </Button>
        </Popconfirm>
      </div>
      {problem && <Alert type="error" showIcon title={problem} data-testid="count-problem" />}
      <Modal
        open={confirm !== null}
        title={t('cash.count.confirmTitle')}
        footer={[
          <Button key="cancel" onClick={() => setConfirm(null)}>
            {t('common.cancel')}
          </Button>,
          <Button key="ok" danger type="primary" onClick={() => void close(true, true)} data-testid="count-confirm">
            {t('cash.count.confirmOk')}
          </Button>,
        ]}
        onCancel={() => setConfirm(null)}
        width={520}
      >
        {confirm && <p data-testid="count-confirm-text">{t('cash.count.confirmText', { diff: formatYuan(confirm.diff), limit: formatYuan(confirm.limit) })}</p>}
        {operatorsOn && <p className="muted">{t('ops.approve.closeHint')}</p>}
        {operatorsOn && (
          <div className="form-grid">
            <ApproverInput value={approver} onChange={(v) => (setApprover(v), setConfirmError(null))} label={t('ops.approve.supervisorNo')} testId="count-confirm-approver" />
            <label htmlFor="count-confirm-pin">{t('ops.approve.pin')}</label>
            <Input.Password id="count-confirm-pin" value={pin} maxLength={12} autoComplete="off" onChange={(e) => (setPin(e.target.value.replace(/\D/g, '')), setConfirmError(null))} data-testid="count-confirm-pin" />
          </div>
        )}
        {confirmError && <Alert className="dialog-error" type="error" showIcon title={confirmError} data-testid="count-confirm-error" />}
      </Modal>
    </Card>
  )
}
