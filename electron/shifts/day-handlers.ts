// The day summary's calls (日结): the list of past days, one day's summary and
// its printed day receipt. Supervisor and above (permissions.ts `daySummary`):
// a signed-in supervisor needs no PIN; a cashier is refused unless approved.
import type { Handlers } from '../kernel/dispatch'
import type { OperatorService } from '../operators/service'
import { dayReceipt } from '../printing/receipts'
import type { PrintingService } from '../printing/service'
import type { Approval } from '../shared/contract'
import type { DaySummaries } from './day'

type H<K extends keyof Handlers> = Pick<Handlers, K>

export interface DayDeps {
  operators: OperatorService
  days: DaySummaries
  printing: Pick<PrintingService, 'printReceipt' | 'header'>
}

type Supervised = { pin?: string | undefined; approval?: Approval | undefined }
const proof = (r: Supervised) => ({ pin: r.pin, approval: r.approval })

export function dayHandlers(d: DayDeps): H<'shifts:days' | 'shifts:day' | 'shifts:printDay'> {
  return {
    'shifts:days': (req) => (d.operators.authorize('daySummary', proof(req), false), d.days.days(req.limit)),
    'shifts:day': (req) => {
      d.operators.guard('daySummary', proof(req), { ref: req.day, confirm: false })
      return d.days.summary(req.day)
    },
    'shifts:printDay': (req) => {
      const actor = d.operators.guard('daySummary', proof(req), { ref: req.day, detail: { print: true }, confirm: false })
      const name = d.operators.current()?.name ?? actor.operatorNo ?? ''
      return d.printing.printReceipt(dayReceipt(d.days.summary(req.day), d.printing.header(name), false), `D${req.day}`)
    },
  }
}
