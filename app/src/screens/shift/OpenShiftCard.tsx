// Opening a shift at handover (交接班): the core proposes the float carried
// from the last counted close (counted − taken to the safe) and says where it
// came from; a different float needs a reason, which the core records and audits.
import { Alert, Button, Card, Input } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HandoverProposal } from '../../../../electron/shared/contract'
import { formatYuan, parseYuan } from '../../../../electron/shared/money'
import { dateTime } from '../../lib/format'
import { useShiftStore } from '../../state/shift-store'
import { errorText } from '../../lib/error-text'

const yuanText = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

export function OpenShiftCard({ defaultCashier }: { defaultCashier: string }) {
  const { t } = useTranslation()
  const [cashier, setCashier] = useState('')
  const [float, setFloat] = useState('0')
  const [reason, setReason] = useState('')
  const [carried, setCarried] = useState<HandoverProposal | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    void useShiftStore
      .getState()
      .handover()
      .then((r) => {
        if (!r.ok) return
        setCarried(r.value)
        if (r.value) setFloat(yuanText(r.value.floatFen))
      })
  }, [])

  const floatFen = parseYuan(float)
  const differs = carried !== null && floatFen !== null && floatFen !== carried.floatFen

  const open = async () => {
    const name = (cashier || defaultCashier).trim()
    if (!name) return setProblem(t('shift.needCashier'))
    if (floatFen === null) return setProblem(t('shift.invalidFloat'))
    if (differs && !reason.trim()) return setProblem(t('handover.needReason'))
    const r = await useShiftStore.getState().open(name, floatFen, differs ? reason.trim() : undefined)
    if (r.ok) return setProblem(null)
    setProblem(r.error.code === 'CONFIRM_REQUIRED' && r.error.params?.reason === 'float-differs' ? t('handover.needReason') : t('shift.failedCall', { message: errorText(t, r.error) }))
  }

  return (
    <Card title={t('shift.none')} data-testid="shift-open-card">
      {carried ? (
        <Alert
          type="info"
          showIcon
          className="shift-open-alert"
          data-testid="shift-carried"
          title={t('handover.carried', { amount: formatYuan(carried.floatFen) })}
          description={
            <>
              <div data-testid="shift-carried-from">
                {t('handover.carriedFrom', { shift: carried.fromShiftId, cashier: carried.cashier, at: dateTime(carried.closedAt), countedBy: carried.countedByName ?? carried.countedBy ?? carried.cashier })}
              </div>
              <div>{t('handover.carriedDetail', { counted: formatYuan(carried.countedFen), takenOut: formatYuan(carried.takenOutFen) })}</div>
            </>
          }
        />
      ) : (
        <Alert className="shift-open-alert" type="warning" showIcon title={t('handover.nothingCarried')} data-testid="shift-nothing-carried" />
      )}
      <div className="form-grid">
        <label>{t('shift.cashier')}</label>
        <Input value={cashier} placeholder={defaultCashier} maxLength={64} onChange={(e) => setCashier(e.target.value)} data-testid="shift-cashier" />
        <label>{t('shift.float')}</label>
        <Input value={float} inputMode="decimal" maxLength={12} onChange={(e) => setFloat(e.target.value)} data-testid="shift-float" />
        {differs && <label>{t('handover.reason')}</label>}
        {differs && <Input value={reason} maxLength={64} onChange={(e) => setReason(e.target.value)} data-testid="shift-float-reason" />}
      </div>
      {differs && <Alert type="warning" showIcon title={t('handover.differs')} data-testid="shift-float-differs" />}
      <div className="button-row">
        <Button size="large" type="primary" onClick={() => void open()} data-testid="shift-open">
          {t('shift.open')}
        </Button>
        {differs && carried && (
          <Button size="large" onClick={() => setFloat(yuanText(carried.floatFen))} data-testid="shift-use-carried">
            {t('handover.useCarried')}
          </Button>
        )}
      </div>
      {problem && <Alert type="error" showIcon title={problem} data-testid="shift-problem" />}
    </Card>
  )
}
