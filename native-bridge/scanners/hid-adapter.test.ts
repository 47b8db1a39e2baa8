// No HID device (and no /dev/uhid) exists on this machine, so the device object
// is injected; the decoding behind it is the real one.
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { HidScannerAdapter, type HidDeviceLike } from './hid-adapter'
import { hidPosReports } from './hid-pos-report'
import { keyboardReports } from './test-reports'
import type { ScannerRead } from './types'

class FakeHidDevice extends EventEmitter implements HidDeviceLike {
  closed = false
  async close(): Promise<void> {
    this.closed = true
  }
}

function setup(protocol: 'keyboard' | 'pos') {
  const device = new FakeHidDevice()
  const opened: [number, number][] = []
  const adapter = new HidScannerAdapter({
    vendorId: 0x0c2e,
    productId: 0x0b61,
    protocol,
    idleMs: 30,
    openDevice: async (vid, pid) => {
      opened.push([vid, pid])
      return device
    },
  })
  const reads: ScannerRead[] = []
  const lost: Error[] = []
  adapter.on('read', (r) => reads.push(r))
  adapter.on('lost', (e) => lost.push(e))
  return { device, adapter, reads, lost, opened }
}

describe('HidScannerAdapter', () => {
  it('opens by vendor/product id and decodes boot-keyboard reports', async () => {
    const { device, adapter, reads, opened } = setup('keyboard')
    expect(adapter.describe).toBe('HID 0c2e:0b61 (keyboard)')
    await adapter.open()
    expect(opened).toEqual([[0x0c2e, 0x0b61]])
    for (const r of keyboardReports('134567890123456789\n', 'right')) device.emit('data', Buffer.from(r))
    expect(reads).toEqual([{ kind: 'text', text: '134567890123456789' }])
    await adapter.close()
    expect(device.closed).toBe(true)
  })

  it('decodes HID POS reports', async () => {
    const { device, adapter, reads } = setup('pos')
    await adapter.open()
    for (const r of hidPosReports(new TextEncoder().encode('6901234567892'))) device.emit('data', Buffer.from(r))
    expect(reads).toEqual([{ kind: 'text', text: '6901234567892' }])
    await adapter.close()
  })

  it('a read error (unplug) is reported once as lost, with a half-read code rejected first', async () => {
    const { device, adapter, reads, lost } = setup('keyboard')
    await adapter.open()
    for (const r of keyboardReports('1345')) device.emit('data', Buffer.from(r))
    device.emit('error', new Error('could not read from HID device'))
    device.emit('error', new Error('again'))
    expect(reads).toEqual([expect.objectContaining({ kind: 'reject', reason: 'incomplete' })])
    expect(lost.map((e) => e.message)).toEqual(['could not read from HID device'])
    expect(device.closed).toBe(true)
  })

  it('a half-read code times out as incomplete', async () => {
    const { device, adapter, reads } = setup('keyboard')
    await adapter.open()
    for (const r of keyboardReports('1345')) device.emit('data', Buffer.from(r))
    await new Promise((r) => setTimeout(r, 60))
    expect(reads).toEqual([expect.objectContaining({ reason: 'incomplete' })])
    await adapter.close()
  })

  it('opening a device that is not there rejects (real node-hid)', async () => {
    const adapter = new HidScannerAdapter({ vendorId: 0xfffe, productId: 0xfffe, protocol: 'pos' })
    await expect(adapter.open()).rejects.toThrow()
  })
})
