// Paid-in (零钱存入), paid-out (支出) and no-sale drawer openings, each with a
// reason and the supervisor PIN (with operators: a supervisor's number + PIN, or a
// signed-in supervisor's own PIN); the drawer's log for this shift below.
import { Alert, App, Button, Card, Input, Segmented, Table } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CashMovementView } from '../../../../electron/shared/contract'
import { formatYuan, parseYuan } from '../../../../electron/shared/money'
import { clockTime } from '../../lib/format'
import { useCashStore } from '../../state/cash-store'
import { proofOf } from '../../state/operators-store'
import { ApproverInput } from '../operators/ApproverInput'
import { errorText } from '../../lib/error-text'

type Kind = 'paid_in' | 'paid_out' | 'no_sale'

export function CashCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const movements = useCashStore((c) => c.movements)
  const [kind, setKind] = useState<Kind>('paid_in')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [pin, setPin] = useState('')
  const [approver, setApprover] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => void useCashStore.getState().loadMovements(), [])

  const submit = async () => {
    const cash = useCashStore.getState()
    let r
    if (kind === 'no_sale') r = await cash.noSale(reason.trim(), proofOf(approver, pin))
    else {
      const fen = parseYuan(amount)
      if (fen === null || fen <= 0) return setProblem(t('shift.invalidFloat'))
      if (!reason.trim()) return setProblem(t('cash.reason'))
      r = await cash.move(kind, fen, reason.trim(), proofOf(approver, pin))
    }
    setPin('')
    setApprover('')
    if (!r.ok) {
      const drawer = r.error.params?.drawerFen
      return setProblem(drawer ? t('cash.aboveDrawer', { drawer: formatYuan(Number(drawer)) }) : t('cash.failed', { message: errorText(t, r.error) }))
    }
    setProblem(null)
    setAmount('')
    setReason('')
    void message.success(t('cash.recorded'))
  }

  return (
    <Card title={t('cash.movements')} data-testid="cash-card">
      <Segmented<Kind>
        value={kind}
        onChange={setKind}
        options={[
          { value: 'paid_in', label: t('cash.paidIn') },
          { value: 'paid_out', label: t('cash.paidOut') },
          { value: 'no_sale', label: t('cash.noSale') },
        ]}
        data-testid="cash-kind"
      />
      <div className="form-grid">
        {kind !== 'no_sale' && (
          <>
            <label>{t('cash.amount')}</label>
            <Input value={amount} inputMode="decimal" maxLength={12} onChange={(e) => setAmount(e.target.value)} data-testid="cash-amount" />
          </>
        )}
        <label>{t('cash.reason')}</label>
        <Input value={reason} maxLength={64} onChange={(e) => setReason(e.target.value)} data-testid="cash-reason" />
        <ApproverInput value={approver} onChange={setApprover} label={t('ops.approve.supervisorNo')} testId="cash-approver" />
        <label>{t('cash.pin')}</label>
        <Input.Password value={pin} maxLength={12} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} data-testid="cash-pin" />
      </div>
      <Button size="large" type="primary" onClick={() => void submit()} data-testid="cash-record">
        {t('cash.record')}
      </Button>
      {problem && <Alert type="error" showIcon title={problem} data-testid="cash-problem" />}
      <Table<CashMovementView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={movements.slice(0, 20)}
        locale={{ emptyText: t('cash.noMovements') }}
        data-testid="cash-movements"
        columns={[
          { title: '', dataIndex: 'at', render: (at: number) => clockTime(at), width: 80 },
          { title: '', dataIndex: 'kind', render: (k: CashMovementView['kind']) => t(`cash.kind.${k}`) },
          { title: '', dataIndex: 'amountFen', align: 'right', render: (fen: number, m) => (m.kind === 'no_sale' ? '—' : formatYuan(m.kind === 'refund' || m.kind === 'paid_out' ? -fen : fen)) },
          { title: '', dataIndex: 'reason', ellipsis: true },
          {
            title: '',
            key: 'print',
            width: 70,
            render: (_: unknown, m) =>
              m.kind === 'sale' || m.kind === 'refund' ? null : (
                <Button size="small" onClick={() => void useCashStore.getState().print({ kind: 'movement', id: m.id })}>
                  {t('cash.reprint')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  )
}
