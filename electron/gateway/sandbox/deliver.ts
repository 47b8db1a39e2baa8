// Writes an answer: signed JSON normally, or one of the faults a real gateway
// (or the network in front of it) produces.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { sign } from '../sign'
import type { Delivery, Fault } from './types'

export interface DeliveryHooks {
  /** Keeps a held-open response (timeout fault) so close() can end it. */
  hold(res: ServerResponse): void
  /** A cancellable timer (slow answers), cleared by close(). */
  later(ms: number, fn: () => void): void
}

const FAULT_ANSWER: Record<string, string> = { state: 'FAIL', code: '20006', msg: '系统错误' }

export function signedBody(fields: Record<string, string>, key: string | null): string {
  const withNonce = { ...fields, nonce_str: fields.nonce_str ?? randomBytes(16).toString('hex') }
  return JSON.stringify(key === null ? withNonce : { ...withNonce, sign: sign(withNonce, key) })
}

function sendJson(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  if (res.destroyed || res.writableEnded) return
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/**
 * `fields` is the answer the call produced (or a generic one when the fault hit
 * before anything was done); `key` signs it (null: nobody to sign for).
 */
export function deliver(
  req: IncomingMessage,
  res: ServerResponse,
  fields: Record<string, string> | null,
  key: string | null,
  delivery: Delivery,
  hooks: DeliveryHooks,
): void {
  const answer = fields && Object.keys(fields).length > 0 ? fields : FAULT_ANSWER
  if (delivery.kind === 'normal') return sendJson(res, 200, signedBody(answer, key))
  if (delivery.kind === 'slow') return hooks.later(delivery.ms, () => sendJson(res, 200, signedBody(answer, key)))
  deliverFault(req, res, answer, key, delivery.fault, hooks)
}

function deliverFault(
  req: IncomingMessage,
  res: ServerResponse,
  answer: Record<string, string>,
  key: string | null,
  fault: Fault,
  hooks: DeliveryHooks,
): void {
  switch (fault) {
    case 'timeout':
      return hooks.hold(res)
    case 'reset-before':
    case 'reset-after-commit':
      req.socket.destroy()
      return
    case '5xx':
      return sendJson(res, 502, '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>', 'text/html')
    case 'html':
      return sendJson(res, 200, '<!DOCTYPE html><html><body><p>系统繁忙，请稍后再试</p></body></html>', 'text/html; charset=utf-8')
    case 'truncated': {
      const body = signedBody(answer, key)
      return sendJson(res, 200, body.slice(0, Math.floor(body.length / 2)))
    }
    case 'badsign':
      return sendJson(res, 200, signedBody(answer, `${key ?? ''}-not-the-key`))
    case 'nosign':
      return sendJson(res, 200, signedBody(answer, null))
    case '30001':
      return sendJson(res, 200, signedBody({ state: 'FAIL', code: '30001', msg: '网络异常' }, key))
    case '20011':
      return sendJson(res, 200, signedBody({ state: 'FAIL', code: '20011', msg: '交易撤销错误：用户支付中，请稍后再试' }, key))
  }
}
