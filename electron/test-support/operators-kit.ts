// Tests: an operator service over an in-memory journal, a movable clock, and
// one operator per role (PINs below).
import { silentLogger } from '../kernel/logger'
import { Journal } from '../journal'
import { PinGuard, type PinState } from '../settings/pin'
import type { OperatorRole } from '../shared/contract/operators'
import { OperatorAccounts } from '../operators/manage'
import { OperatorService } from '../operators/service'

export const PINS = { manager: '246813', supervisor: '135792', cashier: '975312', cashier2: '864213' } as const
export const NOS = { manager: '0001', supervisor: '0002', cashier: '0003', cashier2: '0004' } as const

export function operatorKit(opts: { supervisorPin?: string; idleMinutes?: number } = {}) {
  const journal = Journal.open(':memory:')
  let t = 1_750_000_000_000
  let mono = 0
  const now = () => t
  let hash: string | null = null
  let state: PinState | null = null
  const supervisorPin = new PinGuard({ getHash: () => hash, setHash: (h) => (hash = h), getState: () => state, setState: (s) => (state = s) }, now, () => mono)
  if (opts.supervisorPin) supervisorPin.set(opts.supervisorPin)
  let idle = opts.idleMinutes ?? 5
  const service = new OperatorService({ repo: journal.operators, supervisorPin, deviceId: () => 'POSTEST1', idleLockMinutes: () => idle, now, mono: () => mono, log: silentLogger })
  const accounts = new OperatorAccounts({ repo: journal.operators, service, supervisorPin, deviceId: () => 'POSTEST1', now, firstManagerRefused: () => false })
  return {
    journal,
    service,
    accounts,
    supervisorPin,
    advance(ms: number) {
      t += ms
      mono += ms
    },
    supervisorHash: () => hash,
    setIdle(minutes: number) {
      idle = minutes
    },
    /** Manager 0001 (signed in), then a supervisor, two cashiers; the manager stays signed in. */
    staff() {
      accounts.setupFirstManager({ operatorNo: NOS.manager, name: '店长', pin: PINS.manager, ...(opts.supervisorPin ? { supervisorPin: opts.supervisorPin } : {}) })
      const add = (no: string, name: string, role: OperatorRole, pin: string) => accounts.create({ operatorNo: no, name, role, pin })
      add(NOS.supervisor, '主管', 'supervisor', PINS.supervisor)
      add(NOS.cashier, '收银员甲', 'cashier', PINS.cashier)
      add(NOS.cashier2, '收银员乙', 'cashier', PINS.cashier2)
    },
    close: () => journal.close(),
  }
}

export function codeOf(f: () => unknown): string | null {
  try {
    f()
    return null
  } catch (e) {
    return (e as { code?: string }).code ?? String(e)
  }
}
