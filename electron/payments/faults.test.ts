// Fault at every gateway call a payment makes: whatever goes wrong on the wire,
// the order ends final and the journal agrees with the money at the gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULTS, type Fault } from '../gateway/sandbox/types'
import type { OrderView } from '../shared/contract'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'

let core: TestCore
beforeAll(async () => {
  core = await startTestCore({ gatewayTimeoutMs: 300 })
})
afterAll(async () => {
  await core.services.engine.idle()
  await core.dispose()
})

// Which scenario makes the engine reach the faulted call.
const CALLS = {
  pay: CODES.instant,
  orderquery: CODES.password,
  cancel: CODES.neverPays,
} as const

const cases = (Object.keys(CALLS) as (keyof typeof CALLS)[]).flatMap((call) => FAULTS.map((fault) => [call, fault] as const))

describe('fault matrix: every payment call × every fault', () => {
  it.each(cases)('%s × %s', async (call, fault: Fault) => {
    core.services.sandbox!.control.clearFaults()
    core.services.sandbox!.control.failNext(call, fault)
    const r = await core.dispatch('payment:payByCode', { amountFen: 1000, authCode: CALLS[call] })
    expect(r.ok).toBe(true)
    const o = await core.settle((r as { value: OrderView }).value.outTradeNo, 20_000)
    const truth = core.services.sandbox!.state.findOrder(o.outTradeNo)?.status ?? 'absent'
    expect(['paid', 'cancelled', 'closed', 'failed']).toContain(o.state)
    expect(o.state === 'paid', `journal ${o.state}, gateway ${truth}`).toBe(truth === 'paid')
    expect(['paying', 'unpaid']).not.toContain(truth)
  })
})
