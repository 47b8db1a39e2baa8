import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { OrderState } from '../../../../electron/shared/contract'

const COLOR: Record<OrderState, string> = {
  created: 'default',
  submitted: 'blue',
  paying: 'blue',
  querying: 'blue',
  cancelling: 'gold',
  paid: 'green',
  cancelled: 'default',
  closed: 'default',
  failed: 'red',
  review: 'volcano',
}

export function StateTag({ state }: { state: OrderState }) {
  const { t } = useTranslation()
  return <Tag color={COLOR[state]}>{t(`state.${state}`)}</Tag>
}
