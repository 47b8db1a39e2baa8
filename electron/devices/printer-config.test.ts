// The printer role's saved config: a config saved before the drawer choice
// existed reads as "drawer on the printer"; a spooler queue name never carries
// control characters, quotes or a leading dash (it becomes an lp argument).
import { describe, expect, it } from 'vitest'
import { PrinterConfig } from '../shared/contract'

describe('PrinterConfig', () => {
  it('an older saved config gets the drawer on the printer', () => {
    const old = { connection: { kind: 'tcp', host: '10.0.0.9', port: 9100 }, width: 80, drawerPulse: { m: 0, t1: 25, t2: 250 }, autoPrint: true }
    expect(PrinterConfig.parse(old).drawer).toEqual({ kind: 'printer' })
    expect(PrinterConfig.parse({ ...old, drawer: { kind: 'serial', path: '/dev/ttyS1', baudRate: 9600 } }).drawer).toEqual({ kind: 'serial', path: '/dev/ttyS1', baudRate: 9600 })
    expect(PrinterConfig.safeParse({ ...old, drawer: { kind: 'serial', path: '/dev/ttyS1', baudRate: 1200 } }).success).toBe(false)
  })

  it('spooler queue names', () => {
    const ok = (queue: string) => PrinterConfig.safeParse({ connection: { kind: 'spooler', queue } }).success
    expect(ok('counter-receipts')).toBe(true)
    expect(ok('EPSON TM-T88V Receipt')).toBe(true)
    for (const bad of ['', '-h', 'a\nb', 'a"b', "a'b", 'a`b', 'x'.repeat(129)]) expect(ok(bad)).toBe(false)
  })
})
