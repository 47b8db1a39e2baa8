// What live mode still lacks, field by field (the core's list, in the setup's order).
import { useTranslation } from 'react-i18next'
import { LiveField, type SettingsView } from '../../../../electron/shared/contract'

export function LiveChecklist({ view }: { view: SettingsView }) {
  const { t } = useTranslation()
  // gatewayUrlHttps only shows when it is the problem (a set URL that is not https).
  const fields = LiveField.options.filter((f) => f !== 'gatewayUrlHttps' || view.liveMissing.includes(f))
  return (
    <div data-testid="live-checklist">
      <p className={view.liveMissing.length ? 'live-missing-title' : 'live-ready'}>
        {view.liveMissing.length ? t('golive.missingTitle') : t('golive.nothingMissing')}
      </p>
      <ul className="live-checklist">
        {fields.map((f) => {
          // No merchant yet: its state cannot be right either (the core lists it once a merchant exists).
          const missing = view.liveMissing.includes(f) || (f === 'merchantActive' && view.liveMissing.includes('mchId'))
          return (
            <li key={f} className={missing ? 'missing' : 'present'} data-testid={`live-field-${f}`} data-missing={missing}>
              <span aria-hidden>{missing ? '✗' : '✓'}</span> {t(`golive.missing.${f}`)}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
