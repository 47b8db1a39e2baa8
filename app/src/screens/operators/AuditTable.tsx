// The operator audit (newest first) and its CSV export. What the core keeps is
// already free of PINs and keys; the detail column shows it as it is.
import { App, Button, Card, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { OperatorAuditEntry } from '../../../../electron/shared/contract'
import { dateTime } from '../../lib/format'
import { useOperatorsStore } from '../../state/operators-store'
import { opsErrorText } from './ops-error'

function download(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function AuditTable() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const audit = useOperatorsStore((s) => s.audit)
  const exportCsv = async () => {
    const r = await useOperatorsStore.getState().auditCsv()
    if (!r.ok) return void message.error(opsErrorText(t, r.error))
    download(r.value.filename, r.value.csv)
    void message.success(t('ops.exported', { rows: r.value.rows }))
  }
  const columns = [
    { title: t('ops.col.time'), dataIndex: 'at', width: 170, render: (at: number) => dateTime(at) },
    { title: t('ops.col.operator'), dataIndex: 'operatorNo', width: 90, render: (v: string | null) => v ?? '—' },
    { title: t('ops.col.action'), dataIndex: 'action', render: (a: string) => t(`ops.actions.${a}`, { defaultValue: a }) },
    {
      title: t('ops.col.outcome'),
      dataIndex: 'outcome',
      width: 90,
      render: (o: OperatorAuditEntry['outcome']) => <Tag color={o === 'ok' ? 'green' : 'red'}>{t(`ops.outcome.${o}`)}</Tag>,
    },
    { title: t('ops.col.approver'), dataIndex: 'approverNo', width: 90, render: (v: string | null) => v ?? '' },
    { title: t('ops.col.ref'), dataIndex: 'ref', render: (v: string | null) => v ?? '' },
    {
      title: t('ops.col.detail'),
      dataIndex: 'detail',
      render: (d: OperatorAuditEntry['detail']) => (d ? Object.entries(d).map(([k, v]) => `${k}=${String(v)}`).join(' ') : ''),
    },
  ]
  return (
    <Card
      title={t('ops.auditTitle')}
      size="small"
      extra={
        <Button onClick={() => void exportCsv()} data-testid="ops-audit-csv">
          {t('ops.exportCsv')}
        </Button>
      }
    >
      <Table rowKey="id" size="small" columns={columns} dataSource={audit ?? []} pagination={{ pageSize: 8 }} data-testid="ops-audit" />
    </Card>
  )
}
