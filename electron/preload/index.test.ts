import { beforeAll, describe, expect, it, vi } from 'vitest'
import { calls, events } from '../shared/contract'
import { listenerName } from '../shared/pos-api'
import { contextBridge, ipcRenderer } from '../main/test-support/fake-electron'

vi.mock('electron', () => import('../main/test-support/fake-electron'))

type AnyApi = Record<string, unknown> & Record<string, Record<string, (req?: unknown) => Promise<unknown>>>
let pos: AnyApi

beforeAll(async () => {
  await import('./index')
  pos = contextBridge.exposed.get('pos') as AnyApi
})

describe('preload window.pos', () => {
  it('exposes exactly one thing to the page: pos (never ipcRenderer)', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['pos'])
    expect(JSON.stringify(Object.keys(pos))).not.toContain('ipc')
  })

  it('has a named method for every contract call, which invokes that channel', async () => {
    for (const name of Object.keys(calls)) {
      const [ns = '', method = ''] = name.split(':')
      const fn = pos[ns]?.[method]
      expect(typeof fn, name).toBe('function')
    }
    ipcRenderer.answer = (channel, payload) => Promise.resolve({ ok: true, value: { channel, payload } })
    expect(await pos['app']?.['echo']?.({ text: 'hi' })).toEqual({ ok: true, value: { channel: 'app:echo', payload: { text: 'hi' } } })
    // No argument → an empty request object, as the contract expects.
    await pos['app']?.['info']?.()
    expect(ipcRenderer.invoked.at(-1)).toEqual(['app:info', {}])
  })

  it('turns a failed invoke (no handler, uncloneable payload) into a Result, not a throw', async () => {
    ipcRenderer.answer = () => Promise.reject(new Error("No handler registered for 'app:echo'"))
    expect(await pos['app']?.['echo']?.({ text: 'hi' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('has an on* listener per contract event that gets only the payload and unsubscribes', () => {
    for (const name of Object.keys(events)) expect(typeof pos[listenerName(name)], name).toBe('function')
    const seen: unknown[][] = []
    const onProblem = pos['onAppProblem'] as unknown as (l: (...args: unknown[]) => void) => () => void
    const unsubscribe = onProblem((...args) => seen.push(args))
    expect(ipcRenderer.listenerCount('app:problem')).toBe(1)
    const problem = { kind: 'device', message: 'x', at: 1 }
    ipcRenderer.emit('app:problem', { sender: ipcRenderer }, problem)
    expect(seen).toEqual([[problem]])
    unsubscribe()
    expect(ipcRenderer.listenerCount('app:problem')).toBe(0)
    ipcRenderer.emit('app:problem', { sender: ipcRenderer }, problem)
    expect(seen).toHaveLength(1)
  })
})
