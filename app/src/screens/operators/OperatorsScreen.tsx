// Operators (a manager's screen): the first manager before any exists; then
// the list (add, deactivate) and the audit with its CSV export. The core
// refuses anyone else (ROLE_REQUIRED), and the screen says so.
import { Alert, App, Button, Card, Input, Select, Table, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OperatorRole, OperatorView } from '../../../../electron/shared/contract'
import { useOperatorsStore } from '../../state/operators-store'
import { useSettingsStore } from '../../state/settings-store'
import { AuditTable } from './AuditTable'
import { IdleLockCard } from './IdleLockCard'
import { opsErrorText } from './ops-error'

function FirstManager() {
  const { t } = useTranslation()
  const pinSet = useSettingsStore((s) => s.view?.pinSet ?? false)
  const [name, setName] = useState('')
  const [pin, setPin] = useState('')
  const [supervisorPin, setSupervisorPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    const r = await useOperatorsStore.getState().setupFirstManager(name.trim(), pin, pinSet ? supervisorPin : undefined)
    setError(r.ok ? null : opsErrorText(t, r.error))
  }
  return (
    <Card title={t('ops.firstTitle')} data-testid="ops-first">
      <p className="muted">{t('ops.firstHint')}</p>
      <div className="form-grid">
        <label>{t('ops.name')}</label>
        <Input value={name} maxLength={32} onChange={(e) => setName(e.target.value)} data-testid="ops-first-name" />
        <label>{t('ops.newPin')}</label>
        <Input.Password value={pin} maxLength={12} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} data-testid="ops-first-pin" />
        {pinSet && <label>{t('ops.supervisorPin')}</label>}
        {pinSet && <Input.Password value={supervisorPin} maxLength={12} onChange={(e) => setSupervisorPin(e.target.value.replace(/\D/g, ''))} data-testid="ops-first-supervisor-pin" />}
      </div>
      {error && <Alert type="error" showIcon title={error} data-testid="ops-error" />}
      <Button type="primary" size="large" disabled={!name.trim() || pin.length < 6} onClick={() => void submit()} data-testid="ops-first-submit">
        {t('ops.setup')}
      </Button>
    </Card>
  )
}

function AddOperator() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [no, setNo] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState<OperatorRole>('cashier')
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    const r = await useOperatorsStore.getState().create({ operatorNo: no, name: name.trim(), role, pin })
    if (r.ok) {
      void message.success(t('ops.created', { no }))
      setNo('')
      setName('')
      setPin('')
    }
    setError(r.ok ? null : opsErrorText(t, r.error))
  }
  return (
    <div className="ops-add">
      <Input placeholder={t('ops.operatorNo')} value={no} maxLength={4} onChange={(e) => setNo(e.target.value.replace(/\D/g, ''))} data-testid="ops-add-no" />
      <Input placeholder={t('ops.name')} value={name} maxLength={32} onChange={(e) => setName(e.target.value)} data-testid="ops-add-name" />
      <Select value={role} onChange={setRole} options={(['cashier', 'supervisor', 'manager'] as const).map((r) => ({ value: r, label: t(`ops.roles.${r}`) }))} data-testid="ops-add-role" />
      <Input.Password placeholder={t('ops.newPin')} value={pin} maxLength={12} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} data-testid="ops-add-pin" />
      <Button type="primary" disabled={no.length !== 4 || !name.trim() || pin.length < 6} onClick={() => void submit()} data-testid="ops-add-submit">
        {t('ops.create')}
      </Button>
      {error && <Alert type="error" showIcon title={error} data-testid="ops-error" />}
    </div>
  )
}

export function OperatorsScreen() {
  const { t } = useTranslation()
  const { status, list, viewError } = useOperatorsStore()
  const signedIn = status?.signedIn?.operatorNo ?? null
  useEffect(() => {
    if (status?.enabled && signedIn) void useOperatorsStore.getState().loadManaged()
  }, [status?.enabled, signedIn])

  if (!status) return null
  if (!status.enabled) return <FirstManager />
  if (viewError) {
    const role = status.signedIn ? t(`ops.roles.${status.signedIn.role}`) : '—'
    return <Alert type="warning" showIcon title={viewError.code === 'ROLE_REQUIRED' ? t('ops.managerOnly', { role }) : opsErrorText(t, viewError)} data-testid="ops-forbidden" />
  }
  const columns = [
    { title: t('ops.operatorNo'), dataIndex: 'operatorNo', width: 90 },
    { title: t('ops.name'), dataIndex: 'name' },
    { title: t('ops.role'), dataIndex: 'role', render: (r: OperatorRole) => t(`ops.roles.${r}`) },
    {
      title: t('ops.active'),
      render: (_: unknown, o: OperatorView) => (
        <>
          <Tag color={o.active ? 'green' : 'default'}>{t(o.active ? 'ops.active' : 'ops.inactive')}</Tag>
          {o.lockedMs > 0 && <Tag color="red">{t('ops.lockedOut')}</Tag>}
        </>
      ),
    },
    {
      title: '',
      render: (_: unknown, o: OperatorView) =>
        o.operatorNo === signedIn ? null : (
          <Button size="small" onClick={() => void useOperatorsStore.getState().setActive(o.operatorNo, !o.active)} data-testid={`ops-toggle-${o.operatorNo}`}>
            {t(o.active ? 'ops.deactivate' : 'ops.activate')}
          </Button>
        ),
    },
  ]
  return (
    <div className="ops-screen">
      <Card title={t('ops.title')} size="small">
        <Table rowKey="operatorNo" size="small" pagination={false} columns={columns} dataSource={list ?? []} data-testid="ops-list" />
        <AddOperator />
        <IdleLockCard />
      </Card>
      <AuditTable />
    </div>
  )
}
