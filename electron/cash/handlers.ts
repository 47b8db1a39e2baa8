// The cash:* and printing:* calls, and the refund route for cash orders (a
// cash order is refunded from the drawer, never through the gateway).
import type { Handlers } from '../kernel/dispatch'
import type { Journal } from '../journal'
import type { RefundService } from '../payments/refunds'
import type { PrintingService } from '../printing/service'
import type { PrintTarget, Proof } from '../shared/contract'
import type { CashService } from './service'

type H<K extends keyof Handlers> = Pick<Handlers, K>

export function cashHandlers(cash: CashService): H<'cash:sale' | 'cash:move' | 'cash:noSale' | 'cash:movements' | 'cash:settings' | 'cash:setSettings'> {
  return {
    'cash:sale': (req) => cash.sale(req),
    'cash:move': (req) => cash.move(req),
    'cash:noSale': (req) => cash.noSale(req),
    'cash:movements': ({ shiftId }) => cash.movements(shiftId),
    'cash:settings': () => cash.settings(),
    'cash:setSettings': ({ settings, pin, approval }) => cash.setSettings(settings, { pin, approval }),
  }
}

export function cashRefundRoute(journal: Journal, cash: CashService, refunds: RefundService): H<'refunds:create'> {
  return {
    'refunds:create': (req) => (journal.orders.get(req.outTradeNo)?.method === 'cash' ? cash.refund(req) : refunds.create(req)),
  }
}

/** Who may print or preview `target` (the composition root: reprint, or the shift-report rule). */
export type PrintAccess = (target: PrintTarget, proof: Proof, print: boolean) => void

export function printingHandlers(printing: PrintingService, access: PrintAccess): H<'printing:print' | 'printing:printLast' | 'printing:preview' | 'printing:jobs' | 'printing:dismiss' | 'printing:retry'> {
  return {
    'printing:print': ({ target, pin, approval }) => (access(target, { pin, approval }, true), printing.print(target)),
    'printing:printLast': () => (access({ kind: 'test' }, {}, true), printing.printLast()),
    'printing:preview': ({ target, width }) => (access(target, {}, false), printing.preview(target, width)),
    'printing:jobs': () => printing.jobs(),
    'printing:dismiss': ({ id }) => printing.queue.dismiss(id),
    'printing:retry': () => {
      printing.queue.retryNow()
      return printing.jobs()
    },
  }
}
