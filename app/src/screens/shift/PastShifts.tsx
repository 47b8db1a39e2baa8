// Past shifts: view a stored Z report again, or reprint it on the receipt printer.
// A cashier may see and print their own shifts' reports; another operator's is a
// supervisor's (the core refuses ROLE_REQUIRED): a supervisor approves here with
// their number + PIN, and the core records who approved.
import { Alert, App, Button, Card, Input, Modal, Table } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Approval, ShiftView } from '../../../../electron/shared/contract'
import type { PosError, Result } from '../../../../electron/shared/result'
import { dateTime } from '../../lib/format'
import { useCashStore } from '../../state/cash-store'
import { useShiftStore } from '../../state/shift-store'
import { errorText } from '../../lib/error-text'
import { ApproverInput, useOperatorsOn } from '../operators/ApproverInput'
import { opsErrorText } from '../operators/ops-error'

type Ask = { shiftId: string; what: 'view' | 'print' }
const needsSupervisor = (e: PosError) => e.code === 'ROLE_REQUIRED' && e.params?.['action'] === 'otherShiftReports'

export function PastShifts() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const operatorsOn = useOperatorsOn()
  const current = useShiftStore((s) => s.current)
  const [shifts, setShifts] = useState<ShiftView[]>([])
  const [ask, setAsk] = useState<Ask | null>(null)
  const [approver, setApprover] = useState('')
  const [pin, setPin] = useState('')
  const [askError, setAskError] = useState<string | null>(null)
  useEffect(() => {
    void useShiftStore.getState().closedShifts(20).then(setShifts)
  }, [current])

  const run = async ({ shiftId, what }: Ask, approval?: Approval): Promise<Result<unknown>> =>
    what === 'print' ? useCashStore.getState().print({ kind: 'report', shiftId }, approval ? { approval } : undefined) : useShiftStore.getState().show(shiftId, approval ? { approval } : undefined)

  const act = async (a: Ask) => {
    const r = await run(a)
    if (r.ok) return void (a.what === 'print' && message.success(t('cash.printed')))
    if (operatorsOn && needsSupervisor(r.error)) {
      setAsk(a)
      setAskError(null)
      return
    }
    void message.error(a.what === 'print' ? t('cash.failed', { message: errorText(t, r.error) }) : opsErrorText(t, r.error))
  }
  const approve = async () => {
    if (!ask) return
    const r = await run(ask, { operatorNo: approver, pin })
    setPin('')
    if (!r.ok) return setAskError(opsErrorText(t, r.error))
    if (ask.what === 'print') void message.success(t('cash.printed'))
    setAsk(null)
    setApprover('')
  }

  return (
    <Card title={t('cash.pastShifts')} data-testid="past-shifts">
      <Table<ShiftView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={shifts}
        columns={[
          // A name is never broken over two lines (收银\n员 at 1024 px); the times may wrap.
          { title: t('shift.cashier'), dataIndex: 'cashier', onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }), onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
          { title: t('shift.opened'), dataIndex: 'openedAt', render: (at: number) => dateTime(at) },
          { title: t('day.closedAt'), dataIndex: 'closedAt', render: (at: number | null) => (at ? dateTime(at) : '') },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, s) => (
              <span className="button-row">
                <Button size="small" onClick={() => void act({ shiftId: s.id, what: 'view' })} data-testid="past-view">
                  {t('cash.view')}
                </Button>
                <Button size="small" onClick={() => void act({ shiftId: s.id, what: 'print' })} data-testid="past-reprint">
                  {t('cash.reprint')}
                </Button>
              </span>
            ),
          },
        ]}
      />
      <Modal
        open={ask !== null}
        title={t('ops.approve.reportTitle')}
        okText={t('ops.approve.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !/^\d{4}$/.test(approver) || pin.length < 4, ...({ 'data-testid': 'past-approve-ok' } as Record<`data-${string}`, string>) }}
        onOk={() => void approve()}
        onCancel={() => setAsk(null)}
      >
        <p>{t('ops.approve.reportHint')}</p>
        <div className="form-grid">
          <ApproverInput value={approver} onChange={(v) => (setApprover(v), setAskError(null))} label={t('ops.approve.supervisorNo')} testId="past-approver" />
          <label htmlFor="past-approve-pin">{t('ops.approve.pin')}</label>
          <Input.Password id="past-approve-pin" value={pin} maxLength={12} autoComplete="off" onChange={(e) => (setPin(e.target.value.replace(/\D/g, '')), setAskError(null))} data-testid="past-approve-pin" />
        </div>
        {askError && <Alert className="dialog-error" type="error" showIcon title={askError} data-testid="past-approve-error" />}
      </Modal>
    </Card>
  )
}
