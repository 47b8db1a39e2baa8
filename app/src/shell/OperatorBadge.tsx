// Header: who is signed in, and the lock key. Nothing before operators exist.
import { Button, Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { useOperatorsStore } from '../state/operators-store'

export function OperatorBadge() {
  const { t } = useTranslation()
  const status = useOperatorsStore((s) => s.status)
  if (!status?.enabled || !status.signedIn) return null
  const me = status.signedIn
  return (
    <span className="header-item header-operator">
      <Tooltip title={t('ops.signedInAs', { name: me.name, no: me.operatorNo, role: t(`ops.roles.${me.role}`) })}>
        <Tag color={me.role === 'cashier' ? 'blue' : 'purple'} data-testid="header-operator" data-operator={me.operatorNo} data-role={me.role}>
          {me.name} · {me.operatorNo}
        </Tag>
      </Tooltip>
      <Button size="small" onClick={() => void useOperatorsStore.getState().lock()} data-testid="header-lock">
        {t('ops.lock')} <kbd>F7</kbd>
      </Button>
    </span>
  )
}
