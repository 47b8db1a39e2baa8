// The operators:* calls, and the start-up migration of the supervisor PIN.
import type { Handlers } from '../kernel/dispatch'
import type { OperatorAccounts } from './manage'
import type { OperatorService } from './service'

type H<K extends keyof Handlers> = Pick<Handlers, K>

export function createOperatorHandlers(
  service: OperatorService,
  accounts: OperatorAccounts,
  deviceId: () => string,
): H<'operators:status' | 'operators:signIn' | 'operators:lock' | 'operators:setupFirstManager' | 'operators:list' | 'operators:create' | 'operators:update' | 'operators:changePin' | 'operators:audit' | 'operators:auditCsv'> {
  return {
    'operators:status': ({ activity }) => service.status(activity === true),
    'operators:signIn': ({ operatorNo, pin }) => service.signIn(operatorNo, pin),
    'operators:lock': () => service.lock('key'),
    'operators:setupFirstManager': (req) => accounts.setupFirstManager(req),
    'operators:list': ({ approval }) => accounts.list(approval),
    'operators:create': (req) => accounts.create(req),
    'operators:update': (req) => accounts.update(req),
    'operators:changePin': (req) => accounts.changePin(req),
    'operators:audit': ({ limit, beforeId, approval }) => {
      service.authorize('operators', { approval }, false)
      return service.audit.list({ limit, ...(beforeId !== undefined ? { beforeId } : {}) })
    },
    'operators:auditCsv': ({ fromAt, toAt, approval }) => {
      service.guard('operators', { approval }, { detail: { what: 'auditCsv' }, confirm: false })
      const { csv, rows } = service.audit.csv(fromAt, toAt)
      const day = new Date().toISOString().slice(0, 10)
      return { filename: `operator-audit-${deviceId()}-${day}.csv`, csv, rows }
    },
  }
}
