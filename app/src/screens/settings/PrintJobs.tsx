// Print jobs not printed yet (and the last few printed): retry all, dismiss one.
import { Button, List, Tag } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { clockTime } from '../../lib/format'
import { useCashStore } from '../../state/cash-store'

const COLOR = { queued: 'blue', printing: 'blue', retrying: 'orange', printed: 'green', dismissed: 'default' } as const

export function PrintJobs() {
  const { t } = useTranslation()
  const jobs = useCashStore((c) => c.jobs)
  useEffect(() => void useCashStore.getState().loadJobs(), [])
  const waiting = jobs.filter((j) => j.state !== 'printed' && j.state !== 'dismissed')
  return (
    <div className="jobs-list" data-testid="print-jobs">
      <h4>
        {t('printing.jobs')}{' '}
        {waiting.length > 0 && (
          <Button size="small" onClick={() => void useCashStore.getState().retryJobs()} data-testid="jobs-retry">
            {t('printing.retryAll')}
          </Button>
        )}
      </h4>
      <List
        size="small"
        locale={{ emptyText: t('printing.noJobs') }}
        dataSource={[...jobs].reverse().slice(0, 12)}
        renderItem={(j) => (
          <List.Item
            data-testid="print-job"
            data-state={j.state}
            actions={j.state === 'printed' || j.state === 'dismissed' ? [] : [<Button key="d" size="small" onClick={() => void useCashStore.getState().dismissJob(j.id)}>{t('printing.dismiss')}</Button>]}
          >
            {clockTime(j.createdAt)} · {t(`printing.kindJob.${j.kind}`)} {j.ref !== 'test' && j.ref} <Tag color={COLOR[j.state]}>{t(`printing.state.${j.state}`)}</Tag>
            {j.lastError && j.state === 'retrying' && <span className="muted">{t(`printing.error.${j.lastError}`, { defaultValue: j.lastError })}</span>}
          </List.Item>
        )}
      />
    </div>
  )
}
