// First-run setup (also opened from Settings): stay in demo, or go live —
// supervisor PIN, gateway and agent, merchant activation, then the signed check.
import { Alert, Button, Card, Result, Steps } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProofInput } from '../../../../electron/shared/contract'
import { go } from '../../shell/route'
import { useSettingsStore } from '../../state/settings-store'
import { ActivationCard } from '../settings/ActivationCard'
import { CheckStep } from './CheckStep'
import { GatewayStep } from './GatewayStep'
import { PinStep } from './PinStep'

type Step = 'choose' | 'pin' | 'gateway' | 'merchant' | 'check' | 'done'
const STEPS: Step[] = ['pin', 'gateway', 'merchant', 'check']

export function SetupScreen() {
  const { t } = useTranslation()
  const view = useSettingsStore((s) => s.view)
  const [step, setStep] = useState<Step>('choose')
  const [pin, setPin] = useState<ProofInput>(undefined)
  useEffect(() => void useSettingsStore.getState().load(), [])
  if (!view) return <p>{t('common.loading')}</p>

  const stayInDemo = async () => {
    await useSettingsStore.getState().finishSetup()
    go('checkout')
  }
  const merchantReady = !view.liveMissing.some((f) => f === 'mchId' || f === 'merchantKey' || f === 'merchantActive')

  return (
    <div className="setup" data-testid="setup">
      <Card title={t('golive.title')} className="setup-card">
        {step === 'choose' ? (
          <div className="setup-choose">
            <p>{t('golive.intro')}</p>
            {/* A counter already live (from before PINs were required) finishes its setup; it does not "stay in demo". */}
            {view.mode === 'demo' && (
              <>
                <Button size="large" block onClick={() => void stayInDemo()} data-testid="setup-stay-demo">
                  {t('golive.stayDemo')}
                </Button>
                <p className="muted">{t('golive.stayDemoHint')}</p>
              </>
            )}
            <Button type="primary" size="large" block onClick={() => setStep('pin')} data-testid="setup-go-live-start">
              {t('golive.goLive')}
            </Button>
            <p className="muted">{t('golive.goLiveHint')}</p>
          </div>
        ) : step === 'done' ? (
          <Result
            status="success"
            title={t('golive.live')}
            subTitle={`${view.merchantName} · ${t('golive.liveHint')}`}
            extra={
              <Button type="primary" size="large" onClick={() => go('checkout')} data-testid="setup-start-selling">
                {t('golive.start')}
              </Button>
            }
            data-testid="setup-done"
          />
        ) : (
          <>
            <Steps size="small" current={STEPS.indexOf(step)} items={STEPS.map((s) => ({ title: t(`golive.steps.${s}`) }))} className="setup-steps" />
            {step === 'pin' && (
              <PinStep
                pinSet={view.pinSet}
                onDone={(p) => {
                  setPin(p)
                  setStep('gateway')
                }}
              />
            )}
            {step === 'gateway' && <GatewayStep view={view} pin={pin} onBack={() => setStep('pin')} onDone={() => setStep('merchant')} />}
            {step === 'merchant' && (
              <div className="setup-step">
                <ActivationCard view={view} pin={pin} compact />
                {view.mchId && view.merchantState !== 'active' && (
                  <Alert type="warning" showIcon title={t('golive.merchantNotActive', { state: t(`settings.merchantStates.${view.merchantState}`) })} data-testid="setup-merchant-inactive" />
                )}
                <div className="setup-buttons">
                  <Button size="large" onClick={() => setStep('gateway')}>
                    {t('golive.back')}
                  </Button>
                  <Button type="primary" size="large" disabled={!merchantReady} onClick={() => setStep('check')} data-testid="setup-merchant-next">
                    {t('golive.next')}
                  </Button>
                </div>
              </div>
            )}
            {step === 'check' && (
              <CheckStep
                view={view}
                pin={pin}
                onBack={() => setStep('merchant')}
                onLive={async () => {
                  await useSettingsStore.getState().finishSetup() // already live before: switching marked nothing
                  setStep('done')
                }}
              />
            )}
          </>
        )}
      </Card>
    </div>
  )
}
