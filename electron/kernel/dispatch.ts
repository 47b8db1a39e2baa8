// The one request path shared by both transports: look the call up in the
// contract, validate the payload with zod, run the handler, validate what it
// returns, and answer with a Result. A payload that fails validation never
// reaches a service.
import { z } from 'zod'
import { calls, isCallName, type CallName, type CallParsed, type CallResponse } from '../shared/contract'
import { fail, ok, PosFailure, type Result } from '../shared/result'
import type { Logger } from './logger'

export type Handler<K extends CallName> = (request: CallParsed<K>) => Promise<CallResponse<K>> | CallResponse<K>
export type Handlers = { [K in CallName]: Handler<K> }
/** The calls the journal gate answers itself (it owns the books' way back); every other call is the running core's. */
export type GateCall = Extract<CallName, `journal:${string}`>
/** What the running core must handle: every contract call but the gate's. Total: a call without a handler does not compile. */
export type CoreHandlers = Omit<Handlers, GateCall>
/** The gate's own: its journal calls, and the app calls it answers while the books are unknown. */
export type GateHandlers = Pick<Handlers, GateCall | 'app:info' | 'app:health' | 'app:echo'>

export type Dispatch = (name: unknown, payload: unknown) => Promise<Result<unknown>>

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
    .join('; ')
}

/** `handlers` is typed by its caller (CoreHandlers, GateHandlers, or one domain's set in a test); a name missing here answers NOT_CONFIGURED. */
export function createDispatcher(handlers: Partial<Handlers>, log: Logger): Dispatch {
  return async (name, payload) => {
    if (!isCallName(name)) {
      log.warn('ipc: unknown call refused', { name: String(name).slice(0, 64) })
      return fail('UNKNOWN_CALL', `unknown call: ${String(name).slice(0, 64)}`, { call: String(name).slice(0, 64) })
    }
    const spec = calls[name]
    const parsed = spec.request.safeParse(payload)
    if (!parsed.success) {
      log.warn('ipc: invalid payload refused', { call: name, issues: describeIssues(parsed.error) })
      return fail('VALIDATION', `invalid request for ${name}: ${describeIssues(parsed.error)}`, { call: name, detail: describeIssues(parsed.error) })
    }
    const handler = handlers[name] as ((req: unknown) => Promise<unknown> | unknown) | undefined
    if (!handler) return fail('NOT_CONFIGURED', `${name} is not available in this build`, { reason: 'not-in-build', call: name })
    try {
      const value = await handler(parsed.data)
      const checked = spec.response.safeParse(value)
      if (!checked.success) {
        log.error('ipc: handler answered outside the contract', { call: name, issues: describeIssues(checked.error) })
        return fail('INTERNAL', `internal error in ${name}`, { call: name })
      }
      return ok(checked.data)
    } catch (e) {
      if (e instanceof PosFailure) return fail(e.code, e.message, e.params)
      log.error('ipc: handler failed', { call: name, error: e instanceof Error ? e.message : String(e) })
      return fail('INTERNAL', `内部错误 (${name})，请重试或联系技术支持`, { call: name })
    }
  }
}

export type { CallResponse }
