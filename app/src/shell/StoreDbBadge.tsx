// Header badge for a counter linked to a store database: in sync, how much is
// waiting, or that the store cannot be reached (the counter sells on regardless).
import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { useStoreDbStore } from '../state/store-db-store'

export function StoreDbBadge() {
  const { t } = useTranslation()
  const status = useStoreDbStore((s) => s.status)
  if (!status?.configured) return null
  const color = status.state === 'failing' ? 'red' : status.backlog > 0 ? 'gold' : 'green'
  const text = status.state === 'failing' ? t('storeDb.badgeFailing', { count: status.backlog }) : status.backlog > 0 ? t('storeDb.badgeBacklog', { count: status.backlog }) : t('storeDb.badgeSynced')
  return (
    <Tooltip title={t('storeDb.badgeTip', { address: status.storeAddress ?? '—', seconds: Math.round(status.lagMs / 1000) })}>
      <Tag color={color} data-testid="header-store-db">
        {text}
      </Tag>
    </Tooltip>
  )
}
