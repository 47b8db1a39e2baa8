// The customer display's own preload: the page gets the read-only slice; every
// other call answers FORBIDDEN without even reaching IPC, and listeners for
// other events are never attached.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { calls } from '../shared/contract'
import { CUSTOMER_CALLS } from '../shared/customer-slice'
import { contextBridge, ipcRenderer } from '../main/test-support/fake-electron'

vi.mock('electron', () => import('../main/test-support/fake-electron'))

type AnyApi = Record<string, unknown> & Record<string, Record<string, (req?: unknown) => Promise<unknown>>>
let pos: AnyApi

beforeAll(async () => {
  await import('./customer')
  pos = contextBridge.exposed.get('pos') as AnyApi
})

describe('customer preload window.pos', () => {
  it('refunds, settings changes, shifts, payments and devices never leave the page', async () => {
    ipcRenderer.invoked = []
    for (const name of Object.keys(calls).filter((n) => !CUSTOMER_CALLS.has(n as never))) {
      const [ns = '', method = ''] = name.split(':')
      expect(await pos[ns]?.[method]?.({ pin: '246813' }), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(ipcRenderer.invoked).toEqual([])
  })

  it('its slice goes through', async () => {
    ipcRenderer.answer = (channel) => Promise.resolve({ ok: true, value: channel })
    expect(await pos['app']?.['info']?.()).toEqual({ ok: true, value: 'app:info' })
    expect(await pos['payment']?.['current']?.()).toEqual({ ok: true, value: 'payment:current' })
    expect(ipcRenderer.invoked.map(([c]) => c)).toEqual(['app:info', 'payment:current'])
  })

  it('listens to mirror events only (raw scans are never subscribed)', () => {
    const onScan = pos['onDevicesScan'] as unknown as (l: () => void) => () => void
    const onUpdate = pos['onPaymentUpdate'] as unknown as (l: () => void) => () => void
    onScan(() => {})
    onUpdate(() => {})
    expect(ipcRenderer.listenerCount('devices:scan')).toBe(0)
    expect(ipcRenderer.listenerCount('payment:update')).toBe(1)
  })
})
