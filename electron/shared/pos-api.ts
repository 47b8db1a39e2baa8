// Builds `window.pos` from the contract for any transport. The preload (IPC)
// and the browser-harness client (WebSocket) both call buildPosApi, so the
// renderer cannot tell them apart and no call is ever written by hand.
import { calls, events, type CallName, type CallRequest, type CallResponse, type EventName, type EventPayload } from './contract'
import type { Result } from './result'

export interface PosTransport {
  invoke(name: CallName, payload: unknown): Promise<Result<unknown>>
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void
}

type Namespace<K extends string> = K extends `${infer NS}:${string}` ? NS : never
type MethodOf<K extends string> = K extends `${string}:${infer M}` ? M : never
type ListenerName<K extends string> = K extends `${infer NS}:${infer E}` ? `on${Capitalize<NS>}${Capitalize<E>}` : never

export type PosCalls = {
  [NS in Namespace<CallName>]: {
    [K in CallName as K extends `${NS}:${string}` ? MethodOf<K> : never]: (request: CallRequest<K>) => Promise<Result<CallResponse<K>>>
  }
}

export type PosListeners = {
  [K in EventName as ListenerName<K>]: (listener: (payload: EventPayload<K>) => void) => () => void
}

export type PosApi = PosCalls & PosListeners

export function listenerName(event: string): string {
  const [ns = '', name = ''] = event.split(':')
  return `on${ns.charAt(0).toUpperCase()}${ns.slice(1)}${name.charAt(0).toUpperCase()}${name.slice(1)}`
}

export function buildPosApi(transport: PosTransport): PosApi {
  const api: Record<string, unknown> = {}
  for (const name of Object.keys(calls) as CallName[]) {
    const [ns, method] = name.split(':') as [string, string]
    const group = (api[ns] ??= {}) as Record<string, unknown>
    group[method] = (request: unknown) => transport.invoke(name, request ?? {})
  }
  for (const name of Object.keys(events) as EventName[]) {
    api[listenerName(name)] = (listener: (payload: unknown) => void) => transport.subscribe(name, listener)
  }
  return api as PosApi
}
