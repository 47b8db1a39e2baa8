// Real BroadcastChannel (Node has it): two ends in one process, as two windows would be.
import { afterEach, describe, expect, it } from 'vitest'
import { CUSTOMER_CHANNEL, listenToCashier, openCashierMirror, type CheckoutMirror } from './customer-mirror'

const closers: (() => void)[] = []
afterEach(() => closers.splice(0).forEach((c) => c()))

function nextState(seen: CheckoutMirror[], count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const tick = () => (seen.length >= count ? resolve() : Date.now() - started > 2000 ? reject(new Error('no message')) : setTimeout(tick, 5))
    tick()
  })
}

describe('customer mirror', () => {
  it('a display that opens later gets the current state, then every change', async () => {
    let state: CheckoutMirror = { amountFen: 1230, orderNo: null }
    const cashier = openCashierMirror(() => state)
    closers.push(cashier.close)
    const seen: CheckoutMirror[] = []
    closers.push(listenToCashier((s) => seen.push(s)))
    await nextState(seen, 1)
    expect(seen[0]).toEqual({ amountFen: 1230, orderNo: null })
    state = { amountFen: 1230, orderNo: 'T1' }
    cashier.publish()
    await nextState(seen, 2)
    expect(seen[1]).toEqual({ amountFen: 1230, orderNo: 'T1' })
  })

  it('ignores messages that are not the mirror shape', async () => {
    const seen: CheckoutMirror[] = []
    closers.push(listenToCashier((s) => seen.push(s)))
    const stranger = new BroadcastChannel(CUSTOMER_CHANNEL)
    closers.push(() => stranger.close())
    stranger.postMessage({ kind: 'state', state: { amountFen: 1.5, orderNo: null } })
    stranger.postMessage({ kind: 'state', state: { amountFen: -1, orderNo: null } })
    stranger.postMessage('hello')
    stranger.postMessage({ kind: 'state', state: { amountFen: 500, orderNo: null } })
    await nextState(seen, 1)
    expect(seen).toEqual([{ amountFen: 500, orderNo: null }])
  })
})
