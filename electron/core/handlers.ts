// The services the composition root builds, as the domains' handler sets
// see them (each domain's handlers.ts takes the part it uses).
import type { GatewayClient } from '../gateway/types'
import type { Journal } from '../journal'
import type { PaymentEngine } from '../payments/engine'
import type { RefundService } from '../payments/refunds'
import type { OperatorService } from '../operators/service'
import type { SettingsService } from '../settings/service'
import type { ShiftService } from '../shifts/service'

export interface DomainServices {
  journal: Journal
  engine: PaymentEngine
  refunds: RefundService
  shifts: ShiftService
  settings: SettingsService
  operators: OperatorService
  /** The client for agent-level (activation) calls: always the configured live gateway. */
  activationClient: () => GatewayClient
  /** The configured live gateway with the merchant's credentials (the go-live check), whatever the mode. */
  liveClient: () => GatewayClient
}
