// A counter process for the store-refund crash tests: joins the store, refunds
// another counter's order through it, and SIGKILLs itself at a chosen point —
// right after the refund was written `submitted` (reserved, nothing sent yet:
// "refund:submitted") or right after the gateway answered the refund call,
// before the answer was recorded ("call:refund"). Usage (JSON in argv[2]):
//   { dir, sandboxUrl, storeUrl, outTradeNo, amountFen, crashAt, pin }
import { createCore } from '../core/create-core'
import { silentLogger } from '../kernel/logger'
import { DEMO_MERCHANT } from '../gateway/sandbox/demo'
import { scaledPolicy } from '../payments/policy'

interface Plan {
  dir: string
  sandboxUrl: string
  storeUrl: string
  outTradeNo: string
  amountFen: number
  crashAt: string
  pin: string
}

const plan = JSON.parse(process.argv[2] ?? '{}') as Plan
const die = () => process.kill(process.pid, 'SIGKILL')

const core = await createCore({
  userDataDir: plan.dir,
  transport: 'browser',
  version: 'crash-test',
  log: silentLogger,
  paymentPolicy: scaledPolicy(0.01),
  gateway: { mode: 'demo', baseUrl: plan.sandboxUrl, agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: { ...DEMO_MERCHANT.keys } },
  gatewayTimeoutMs: 2_000,
  onGatewayCall: (e) => {
    if (plan.crashAt === `call:${e.call}`) die()
  },
})
core.bus.subscribe((event, payload) => {
  if (event === 'refunds:update' && plan.crashAt === `refund:${(payload as { state?: string }).state}`) die()
})
core.services.settings.setPin(plan.pin)
const joined = await core.dispatch('store:configure', { url: plan.storeUrl, pin: plan.pin })
if (!joined.ok) throw new Error(joined.error.message)
const r = await core.dispatch('refunds:create', { outTradeNo: plan.outTradeNo, amountFen: plan.amountFen, pin: plan.pin })
process.send?.({ refund: r })
await core.close()
process.exit(0)
