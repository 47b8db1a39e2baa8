// A cashier process for the crash tests: runs one sale (or refund) against an
// external sandbox and SIGKILLs itself at a chosen point — right after a
// journal transition is committed, or right after a gateway call answered but
// before the engine recorded the answer. Usage (JSON in argv[2]):
//   { dir, sandboxUrl, crashAt: "state:submitted" | "call:pay" | ..., action: "code"|"qr"|"face"|"stop"|"refund", authCode?, amountFen }
import { createCore } from '../core/create-core'
import { silentLogger } from '../kernel/logger'
import { DEMO_MERCHANT } from '../gateway/sandbox/demo'
import { scaledPolicy } from '../payments/policy'
import type { FacePort } from '../payments/ports'

interface Plan {
  dir: string
  sandboxUrl: string
  crashAt: string
  action: 'code' | 'qr' | 'face' | 'stop' | 'refund'
  authCode?: string
  amountFen: number
  timeScale: number
}

const plan = JSON.parse(process.argv[2] ?? '{}') as Plan
const die = () => process.kill(process.pid, 'SIGKILL')

// The same scripted camera the demo uses would do; a customer who looks in and is recognised at once.
const face: FacePort = {
  authenticate: async () => ({ authinfo: 'AUTHINFO', appid: 'wx2b029c08a6232582', mchId: DEMO_MERCHANT.mchId, storeId: DEMO_MERCHANT.storeId }),
  getFaceCode: async () => ({ kind: 'ok', faceCode: plan.authCode ?? '134567890123450000', openid: 'oTESTOPENID' }),
}

const core = await createCore({
  userDataDir: plan.dir,
  transport: 'browser',
  version: 'crash-test',
  log: silentLogger,
  paymentPolicy: scaledPolicy(plan.timeScale),
  gateway: { mode: 'demo', baseUrl: plan.sandboxUrl, agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: { ...DEMO_MERCHANT.keys } },
  gatewayTimeoutMs: 2_000,
  face: () => face,
  onGatewayCall: (e) => {
    if (plan.crashAt === `call:${e.call}`) die()
  },
})
core.bus.subscribe((event, payload) => {
  const state = (payload as { state?: string }).state
  if (event === 'payment:update' && plan.crashAt === `state:${state}` && plan.action !== 'refund') die()
  if (event === 'refunds:update' && plan.crashAt === `refund:${state}`) die()
})

const { engine, refunds, settings } = core.services
const report = (msg: unknown) => process.send?.(msg)

if (plan.action === 'refund') {
  settings.setPin('808182')
  const order = engine.payByCode({ amountFen: plan.amountFen, authCode: plan.authCode ?? '134567890123450000' })
  await engine.idle()
  report({ paid: order.outTradeNo })
  await refunds.create({ outTradeNo: order.outTradeNo, amountFen: plan.amountFen - 1, pin: '808182' })
  await refunds.idle()
} else {
  const order =
    plan.action === 'qr'
      ? engine.payByQr({ amountFen: plan.amountFen, paytype: 'WECHAT' })
      : plan.action === 'face'
        ? engine.payByFace({ amountFen: plan.amountFen })
        : engine.payByCode({ amountFen: plan.amountFen, authCode: plan.authCode ?? '134567890123450000' })
  report({ order: order.outTradeNo })
  if (plan.action === 'stop') setTimeout(() => engine.stop(order.outTradeNo), 20)
  await engine.idle()
}
report({ done: true })
await core.close()
process.exit(0)
