import { describe, expect, it } from 'vitest'
import type { OrderView } from '../../../electron/shared/contract'
import { heard, shownOrder } from './customer-orders'

const order = (outTradeNo: string, state: OrderView['state'], updatedAt: number) => ({ outTradeNo, state, updatedAt, amountFen: 100 }) as unknown as OrderView

describe('the customer display follows every sale', () => {
  it('shows the second sale once it starts, not the first one paid', () => {
    let orders = heard([], order('A', 'paying', 1))
    orders = heard(orders, order('A', 'paid', 2))
    orders = heard(orders, order('B', 'paying', 3))
    expect(shownOrder(orders, null)?.outTradeNo).toBe('B')
    expect(shownOrder(orders, 'B')?.state).toBe('paying')
  })
  it('keeps an order in place, never going back to an older version', () => {
    let orders = heard([], order('A', 'paid', 5))
    orders = heard(orders, order('A', 'paying', 4))
    expect(orders).toHaveLength(1)
    expect(orders[0]?.state).toBe('paid')
  })
  it("a stop finishing in the background does not take the screen from the cashier's new sale", () => {
    let orders = heard([], order('A', 'cancelling', 1))
    orders = heard(orders, order('B', 'paying', 2))
    orders = heard(orders, order('A', 'cancelled', 3))
    expect(shownOrder(orders, 'B')?.outTradeNo).toBe('B')
    expect(shownOrder(orders, null)?.outTradeNo).toBe('B')
  })
})
