// A cash drawer on a port of its own (serial-trigger drawers): the same
// ESC p m t1 t2 kick, all five bytes, written to the drawer's connection. A
// drawer kicked through the printer uses Printer.openDrawer() instead.
import { drawerKick } from './escpos'
import type { DrawerPulse, PrinterConnection } from './types'

export class CashDrawer {
  constructor(
    readonly connection: PrinterConnection,
    private readonly pulse: DrawerPulse,
    private readonly timeoutMs = 5_000,
  ) {}

  open(): Promise<void> {
    return this.connection.write(drawerKick(this.pulse), this.timeoutMs)
  }

  close(): Promise<void> {
    return this.connection.close().catch(() => {})
  }
}
