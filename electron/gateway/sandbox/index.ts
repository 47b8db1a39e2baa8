// The sandbox gateway's public surface (README.md).
export { startSandboxGateway, type SandboxGateway, type SandboxOptions } from './server'
export { DEMO_MERCHANT, demoSandboxOptions } from './demo'
export { DELAYS_MS, CANCEL_WINDOW_MS, PAY_SCENARIOS, payScenarioOf, qrScenarioOf, refundScenarioOf } from './scenarios'
export type { SandboxControl } from './control'
export { FAULTS, REFUSAL_FAULTS, FAULT_COMMITS, type Fault, type SandboxMerchant, type SandboxOrder, type SandboxRefund } from './types'
export type { SandboxStore } from './store'
