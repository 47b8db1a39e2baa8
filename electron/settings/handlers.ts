// The settings domain's contract calls: view, update, mode, activation, the
// first-run setup and the supervisor PIN.
import type { GatewayClient } from '../gateway/types'
import type { Handlers } from '../kernel/dispatch'
import type { OperatorService } from '../operators/service'
import type { PaymentEngine } from '../payments/engine'
import { PosFailure } from '../shared/result'
import { checkLiveGateway } from './live-check'
import type { SettingsService } from './service'

type H<K extends keyof Handlers> = Pick<Handlers, K>

export interface SettingsDeps {
  engine: PaymentEngine
  settings: SettingsService
  operators: OperatorService
  /** The client for agent-level (activation) calls: always the configured live gateway. */
  activationClient: () => GatewayClient
  /** The configured live gateway with the merchant's credentials (the go-live check), whatever the mode. */
  liveClient: () => GatewayClient
}

export function settingsHandlers(s: SettingsDeps): H<'settings:get' | 'settings:update' | 'settings:setMode' | 'settings:sendSms' | 'settings:activate' | 'settings:register' | 'settings:setupDone' | 'settings:setPin'> {
  return {
    'settings:get': () => s.settings.view(),
    'settings:update': ({ patch, pin, approval }) => s.settings.update(patch, { pin, approval }),
    'settings:setMode': ({ mode, pin, approval, acceptPlainSecrets }) => {
      if (s.engine.currentOrder()) throw new PosFailure('BUSY', '还有订单在处理中：请等它结束后再切换模式')
      return s.settings.setMode(mode, { pin, approval }, () => checkLiveGateway(s.liveClient()), acceptPlainSecrets === true)
    },
    'settings:sendSms': ({ mobile }) => s.settings.activation.sendSms(s.activationClient, mobile),
    'settings:activate': ({ pin, approval, ...req }) => s.settings.activation.activate(s.activationClient, req, { pin, approval }),
    'settings:register': ({ pin, approval, ...req }) => s.settings.activation.register(s.activationClient, req, { pin, approval }),
    'settings:setupDone': () => s.settings.finishSetup(),
    'settings:setPin': ({ current, next }) => {
      // With operators, the shared supervisor PIN is a manager's to set (each operator has their own).
      if (s.operators.enabled()) s.operators.guard('settings', {}, { detail: { what: 'supervisorPin' }, confirm: false })
      s.settings.setPin(next, current)
      return { pinSet: true as const }
    },
  }
}
