// Past shifts: view a stored Z report again, or reprint it on the receipt printer.
import { App, Button, Card, Table } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShiftView } from '../../../../electron/shared/contract'
import { dateTime } from '../../lib/format'
import { useCashStore } from '../../state/cash-store'
import { useShiftStore } from '../../state/shift-store'
import { errorText } from '../../lib/error-text'
import { opsErrorText } from '../operators/ops-error'

export function PastShifts() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const current = useShiftStore((s) => s.current)
  const [shifts, setShifts] = useState<ShiftView[]>([])
  useEffect(() => {
    void useShiftStore.getState().closedShifts(20).then(setShifts)
  }, [current])
  const reprint = async (shiftId: string) => {
    const r = await useCashStore.getState().print({ kind: 'report', shiftId })
    if (r.ok) void message.success(t('cash.printed'))
    else void message.error(t('cash.failed', { message: errorText(t, r.error) }))
  }
  // A cashier sees their own shifts' reports; another's is refused by the core (supervisor+): say so.
  const view = async (shiftId: string) => {
    const r = await useShiftStore.getState().show(shiftId)
    if (!r.ok) void message.error(opsErrorText(t, r.error))
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
                <Button size="small" onClick={() => void view(s.id)} data-testid="past-view">
                  {t('cash.view')}
                </Button>
                <Button size="small" onClick={() => void reprint(s.id)} data-testid="past-reprint">
                  {t('cash.reprint')}
                </Button>
              </span>
            ),
          },
        ]}
      />
    </Card>
  )
}
