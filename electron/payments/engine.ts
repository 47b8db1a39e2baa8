// The payment engine: one order at a time per counter, three ways to pay, and
// every order driven to a final state — also the ones found unfinished when
// the app starts (recovery). See electron/payments/README.md for the states.
import { GatewayValidationError } from '../gateway/validate'
import { maskCode, payTypeOfAuthCode } from '../gateway/paytype'
import type { PayOutcome } from '../gateway/types'
import type { OrderRow } from '../journal/orders'
import { JournalWriteError } from '../journal/write-guard'
import { msg, type Message, type OrderView, type PayMethod, type PayType } from '../shared/contract'
import { PosFailure } from '../shared/result'
import { EngineContext, isFinal, OrderControl, type EngineDeps } from './context'
import { newOutTradeNo } from './ids'
import { deadlineFor } from './policy'
import { formatYuan } from '../shared/money'
import { confirmNotFound, earliestCancelTime, OrderSettler } from './settle'
import { answered, orderView, refused, STEP } from './view'

/**
 * The goods description (`body`, shown as 商品 on the order and on the customer's
 * bill) when the cashier typed none: a description of goods, not the store's
 * name (the wallet shows the merchant's name on its own).
 */
export const DEFAULT_BODY = '店内消费'

export interface SaleRequest {
  amountFen: number
  body?: string
}

export class PaymentEngine {
  readonly ctx: EngineContext
  private current: { outTradeNo: string; control: OrderControl } | null = null
  private readonly running = new Map<string, Promise<void>>()
  private readonly controls = new Map<string, OrderControl>()
  private shuttingDown = false

  constructor(deps: EngineDeps) {
    this.ctx = new EngineContext(deps)
  }

  payByCode(req: SaleRequest & { authCode: string }): OrderView {
    const code = req.authCode.trim()
    const paytype = payTypeOfAuthCode(code)
    if (!paytype) throw new PosFailure('INVALID_CODE', 'not a payment code of a known wallet', { reason: 'not-payment-code' })
    const row = this.create('code', paytype, req, maskCode(code), true)
    this.start(row.out_trade_no, (control) => this.submitCode(row, code, control))
    return orderView(row)
  }

  payByFace(req: SaleRequest): OrderView {
    if (!this.ctx.deps.face()) throw new PosFailure('DEVICE', '未配置刷脸设备：请在设置中选择刷脸摄像头，或改用扫码收款', { reason: 'no-face-camera' })
    const row = this.create('face', 'WECHAT', req, null, false)
    this.start(row.out_trade_no, (control) => this.submitFace(row.out_trade_no, control))
    return orderView(row)
  }

  payByQr(req: SaleRequest & { paytype: 'WECHAT' | 'ALIPAY' }): OrderView {
    const row = this.create('qr', req.paytype, req, null, true)
    this.start(row.out_trade_no, (control) => this.submitQr(row, control))
    return orderView(row)
  }

  /**
   * Cashier pressed Stop: answered at once. The order moves to `cancelling` (one
   * state on screen, with the countdown to the earliest allowed cancel) and is
   * cancelled by the rules in the background, never just forgotten; the counter
   * is free for the next sale meanwhile.
   */
  stop(outTradeNo: string): OrderView {
    const row = this.ctx.deps.journal.orders.get(outTradeNo)
    if (!row) throw new PosFailure('NOT_FOUND', `没有这笔订单：${outTradeNo}`, { reason: 'order', outTradeNo })
    const control = this.controls.get(outTradeNo)
    if (!isFinal(row.state) && control) {
      control.requestStop()
      if (row.state !== 'cancelling' && row.state !== 'created') {
        const earliest = earliestCancelTime(this.ctx, row)
        const waiting = this.ctx.clock.now() < earliest
        this.ctx.move(outTradeNo, 'cancelling', { step: waiting ? STEP.waitingToCancel : STEP.cancelling, awaiting_customer: 0, deadline_at: waiting ? earliest : null }, msg('CASHIER_STOPPED'))
      }
    }
    return orderView(this.ctx.order(outTradeNo))
  }

  /** A sale is in flight (cheap: no journal read; the journal keeper asks it often). */
  busy(): boolean {
    return this.current !== null
  }

  currentOrder(): OrderView | null {
    if (!this.current) return null
    return orderView(this.ctx.order(this.current.outTradeNo))
  }

  /** Resume every order that is not final (after a crash or power cut). */
  recover(): number {
    const open = this.ctx.deps.journal.orders.open()
    for (const row of open) {
      if (this.running.has(row.out_trade_no)) continue
      this.start(row.out_trade_no, (control) => this.resume(row, control), false)
    }
    if (open.length > 0) this.ctx.log.info('recovery: resuming open orders', { count: open.length })
    return open.length
  }

  /** Query-and-settle again for an order a person was asked to look at. */
  recheck(outTradeNo: string): OrderView {
    const row = this.ctx.deps.journal.orders.get(outTradeNo)
    if (!row) throw new PosFailure('NOT_FOUND', `没有这笔订单：${outTradeNo}`, { reason: 'order', outTradeNo })
    if (!this.running.has(outTradeNo) && (row.state === 'review' || row.attention !== null || !isFinal(row.state))) {
      this.start(outTradeNo, (control) => new OrderSettler(this.ctx, outTradeNo, control, true).recheck(), false)
    } else {
      this.ctx.deps.bus.emit('payment:update', orderView(row)) // nothing to ask: say so at once
    }
    return orderView(this.ctx.order(outTradeNo))
  }

  /** The app is closing: runners stop at their next step; recovery resumes them on the next start. */
  shutdown(): void {
    this.shuttingDown = true
  }

  /** A person has checked a flagged order: the flag goes, the note stays in the timeline. */
  acknowledge(outTradeNo: string, note: string): OrderView {
    const row = this.ctx.deps.journal.orders.get(outTradeNo)
    if (!row) throw new PosFailure('NOT_FOUND', `没有这笔订单：${outTradeNo}`, { reason: 'order', outTradeNo })
    if (!isFinal(row.state)) throw new PosFailure('CONFLICT', '订单仍在处理中，请等待结果', { reason: 'order-in-flight' })
    return orderView(this.ctx.move(outTradeNo, row.state, { attention: null }, msg('ACKNOWLEDGED', { note: note.slice(0, 256) })))
  }

  /** Resolves when every running order has settled (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()])
  }

  /**
   * The order row — and, for code and QR, its `submitted` mark — in one fsynced
   * transaction before any gateway call (one commit on the scan path, not two).
   */
  private create(method: PayMethod, paytype: PayType, req: SaleRequest, authCodeMasked: string | null, submit: boolean): OrderRow {
    // An order being cancelled (Stop, or its deadline) finishes in the background: it does not hold the counter.
    if (this.current && this.ctx.order(this.current.outTradeNo).state !== 'cancelling') {
      throw new PosFailure('BUSY', `上一笔订单 ${this.current.outTradeNo} 仍在处理中：请等待结果或先按“停止”`, { outTradeNo: this.current.outTradeNo })
    }
    // Refuse before creating an order we could never send: building the client fails on an incomplete configuration.
    try {
      this.ctx.deps.gateway()
    } catch (e) {
      this.ctx.log.warn('gateway not configured', { error: e instanceof Error ? e.message : String(e) })
      throw new PosFailure('NOT_CONFIGURED', '支付网关未配置完整：请在“设置”中完成商户激活，或切换到演示模式', { reason: 'gateway' })
    }
    this.ctx.deps.canSell?.()
    const { journal, shifts, clock, writes } = this.ctx.deps
    if (writes.failing) throw journalRefusal()
    const terminal = this.ctx.deps.terminal()
    const max = terminal.maxSaleFen
    if (max !== undefined && req.amountFen > max) {
      throw new PosFailure('AMOUNT_LIMIT', `金额 ${formatYuan(req.amountFen)} 超过单笔收款上限 ${formatYuan(max)}：请分笔收款，或由主管在“设置”中调整上限`, { amountFen: String(req.amountFen), maxFen: String(max) })
    }
    const now = clock.now()
    try {
      return writes.durable(() =>
        journal.transaction(() => {
          const outTradeNo = newOutTradeNo(terminal.deviceId, now, journal.next('order'))
          const row = journal.orders.insert({
            out_trade_no: outTradeNo,
            method,
            paytype,
            amount_fen: req.amountFen,
            body: fitBody(req.body?.trim() || DEFAULT_BODY),
            step: method === 'face' ? STEP.lookAtCamera : STEP.created,
            auth_code_masked: authCodeMasked,
            // The shift's cashier (who is at the counter), not the default name in Settings.
            ...cashierOf(shifts.ensureOpen(terminal.cashier, terminal.operatorNo ?? null)),
            // Who took it (the signed-in operator's number); the name stays the shift's cashier.
            ...(terminal.operatorNo ? { operator_no: terminal.operatorNo } : {}),
            created_at: now,
          })
          return submit ? journal.orders.transition(outTradeNo, 'submitted', this.submittedFields(row, now), STEP.submitted, now) : row
        }),
      )
    } catch (e) {
      if (e instanceof JournalWriteError) throw journalRefusal()
      throw e
    }
  }

  private submittedFields(row: OrderRow, now: number) {
    return { step: STEP.submitted, submitted_at: now, deadline_at: now + deadlineFor(this.ctx.policy, row.method, row.paytype) }
  }

  private start(outTradeNo: string, body: (control: OrderControl) => Promise<unknown>, interactive = true): void {
    const control = new OrderControl()
    this.controls.set(outTradeNo, control)
    if (interactive) this.current = { outTradeNo, control }
    this.ctx.deps.bus.emit('payment:update', orderView(this.ctx.order(outTradeNo)))
    const task = (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          await body(control)
          return
        } catch (e) {
          // A bug or a journal error mid-flight: the order stays non-final in the
          // journal; try to settle it again, and recovery will on next start.
          if (this.shuttingDown) return
          this.ctx.log.error('order runner failed', { outTradeNo, attempt, error: e instanceof Error ? e.message : String(e) })
          if (attempt >= 2) return
          await this.ctx.clock.sleep(1_000)
          body = (c) => new OrderSettler(this.ctx, outTradeNo, c, true).run()
        }
      }
    })().finally(() => {
      this.running.delete(outTradeNo)
      this.controls.delete(outTradeNo)
      if (this.current?.outTradeNo === outTradeNo) this.current = null
    })
    this.running.set(outTradeNo, task)
  }

  /** Face orders: `submitted` written (and fsynced) before facepay, or nothing is sent. */
  private markSubmitted(outTradeNo: string): OrderRow | null {
    const row = this.ctx.order(outTradeNo)
    const now = this.ctx.clock.now()
    try {
      const marked = this.ctx.deps.writes.durable(() => this.ctx.deps.journal.orders.transition(outTradeNo, 'submitted', this.submittedFields(row, now), STEP.submitted, now))
      this.ctx.deps.bus.emit('payment:update', orderView(marked))
      return marked
    } catch (e) {
      if (!(e instanceof JournalWriteError)) throw e
      const why = msg('NOT_SUBMITTED_JOURNAL', { reason: e.reason })
      this.endLocally(outTradeNo, 'failed', why, why, 'JOURNAL_WRITE')
      return null
    }
  }

  private async submitCode(row: OrderRow, authCode: string, control: OrderControl): Promise<void> {
    const outTradeNo = row.out_trade_no
    const out = await this.unlessInvalid(outTradeNo, () => this.ctx.gateway.pay({ outTradeNo, totalFee: row.amount_fen, body: row.body, authCode, ...this.opFields(row) }))
    if (out) await this.afterPay(outTradeNo, out, control)
  }

  private async submitFace(outTradeNo: string, control: OrderControl): Promise<void> {
    const face = this.ctx.deps.face()
    const row = this.ctx.order(outTradeNo)
    let result
    try {
      if (!face) throw new Error('no face camera configured')
      const auth = await face.authenticate()
      if (control.stopRequested) return void this.endLocally(outTradeNo, 'cancelled', STEP.cancelledByCashier, msg('CASHIER_STOPPED'))
      result = await face.getFaceCode({ ...auth, outTradeNo, totalFee: row.amount_fen })
    } catch (e) {
      // Nothing was sent to the gateway yet: the order ends here, no money moved.
      const message = e instanceof Error ? e.message : String(e)
      const why = msg('FACE_DEVICE_FAILED', { text: message.slice(0, 500) })
      return void this.endLocally(outTradeNo, 'failed', why, why, 'FACE_DEVICE')
    }
    if (control.stopRequested) return void this.endLocally(outTradeNo, 'cancelled', STEP.cancelledByCashier, msg('CASHIER_STOPPED'))
    switch (result.kind) {
      case 'user-cancel':
        return void this.endLocally(outTradeNo, 'cancelled', STEP.faceCancelled, STEP.faceCancelled)
      case 'scan-payment':
        return void this.endLocally(outTradeNo, 'cancelled', STEP.faceSwitchToCode, STEP.faceSwitchToCode)
      case 'error': {
        const why = msg('FACE_FAILED', { text: result.message.slice(0, 500) })
        return void this.endLocally(outTradeNo, 'failed', why, why, 'FACE_ERROR')
      }
      case 'ok': {
        const submitted = this.markSubmitted(outTradeNo)
        if (!submitted) return
        const out = await this.unlessInvalid(outTradeNo, () =>
          this.ctx.gateway.facepay({ outTradeNo, totalFee: submitted.amount_fen, body: submitted.body, faceCode: result.faceCode, openid: result.openid, ...this.opFields(submitted) }),
        )
        if (out) await this.afterPay(outTradeNo, out, control)
        const final = this.ctx.order(outTradeNo)
        await face.reportResult?.(outTradeNo, final.state === 'paid').catch(() => undefined)
      }
    }
  }

  private async submitQr(row: OrderRow, control: OrderControl): Promise<void> {
    const outTradeNo = row.out_trade_no
    const req = { outTradeNo, totalFee: row.amount_fen, body: row.body, productId: outTradeNo, opUserId: row.operator_no ?? this.ctx.deps.terminal().opUserId }
    const out = await this.unlessInvalid(outTradeNo, () => (row.paytype === 'ALIPAY' ? this.ctx.gateway.alipayPreOrder(req) : this.ctx.gateway.wechatPreOrder(req)))
    if (!out) return
    switch (out.kind) {
      case 'created':
        this.ctx.move(outTradeNo, 'paying', { step: STEP.awaitingQr, code_url: out.codeUrl, awaiting_customer: 1 }, answered('preorder', 'created'))
        await new OrderSettler(this.ctx, outTradeNo, control, false).run()
        return
      case 'failed':
        this.ctx.move(outTradeNo, 'failed', { step: msg('PREORDER_FAILED', { code: out.code, text: out.message }), failure_code: out.code, failure_message: refused(out.code, out.message), deadline_at: null }, answered('preorder', 'failed', { code: out.code, text: out.message }))
        return
      case 'unknown':
        this.ctx.move(outTradeNo, 'querying', { step: STEP.querying }, answered('preorder', 'unknown', { text: out.reason }))
        await new OrderSettler(this.ctx, outTradeNo, control, true).run()
    }
  }

  private async afterPay(outTradeNo: string, out: PayOutcome, control: OrderControl): Promise<void> {
    const row = this.ctx.order(outTradeNo)
    switch (out.kind) {
      case 'paid':
        if (out.totalFee !== row.amount_fen) break // let the settler flag the mismatch after a query
        this.ctx.move(outTradeNo, 'paid', { step: STEP.paid, transaction_id: out.transactionId, coupon_fen: out.couponFee ?? null, deadline_at: null, paid_at: this.ctx.clock.now() }, answered('pay', 'paid'))
        return
      case 'failed':
        this.ctx.move(outTradeNo, 'failed', { step: msg('PAY_FAILED', { code: out.code, text: out.message }), failure_code: out.code, failure_message: refused(out.code, out.message), deadline_at: null }, answered('pay', 'failed', { code: out.code, text: out.message }))
        return
      // Stopped while the pay call was out: the order stays `cancelling` (the settler goes straight to the cancel rules).
      case 'paying':
        if (control.stopRequested) this.ctx.move(outTradeNo, 'cancelling', {}, msg('ANSWER_AFTER_STOP', { call: 'pay', state: 'paying' }))
        else this.ctx.move(outTradeNo, 'paying', { step: STEP.awaitingPassword, awaiting_customer: 1 }, answered('pay', 'paying', { code: out.code }))
        break
      case 'unknown':
        if (control.stopRequested) this.ctx.move(outTradeNo, 'cancelling', {}, msg('ANSWER_AFTER_STOP', { call: 'pay', state: 'unknown' }))
        else this.ctx.move(outTradeNo, 'querying', { step: STEP.querying }, answered('pay', 'unknown', { text: out.reason }))
        break
    }
    await new OrderSettler(this.ctx, outTradeNo, control, out.kind === 'unknown').run()
  }

  /** Recovery: an order found non-final at start. */
  private async resume(row: OrderRow, control: OrderControl): Promise<void> {
    if (row.state === 'created') {
      // "submitted" is written before every gateway call, so the gateway should
      // not have it — but a journal rolled back (damaged WAL, restored copy) can
      // hide one it has. Ask first; void only on a confirmed "does not exist".
      const answer = await confirmNotFound(this.ctx, row)
      if (answer === 'notFound') return void this.endLocally(row.out_trade_no, 'failed', STEP.notSubmitted, msg('RECOVERY_NOT_FOUND'), 'NOT_SUBMITTED')
      this.ctx.move(row.out_trade_no, 'querying', { step: STEP.querying, submitted_at: row.created_at }, msg('RECOVERY_FOUND', { state: answer }))
    }
    await new OrderSettler(this.ctx, row.out_trade_no, control, true).run()
  }

  private endLocally(outTradeNo: string, state: 'cancelled' | 'failed', step: Message, note: Message, failureCode?: string): OrderRow {
    return this.ctx.move(outTradeNo, state, { step, awaiting_customer: 0, deadline_at: null, ...(failureCode ? { failure_code: failureCode, failure_message: step } : {}) }, note)
  }

  /** The client refuses bad fields before sending anything: such an order ends here, no money moved. */
  private async unlessInvalid<T>(outTradeNo: string, send: () => Promise<T>): Promise<T | null> {
    try {
      return await send()
    } catch (e) {
      if (!(e instanceof GatewayValidationError)) throw e
      const why = msg('INVALID_REQUEST', { text: e.message.slice(0, 500) })
      this.endLocally(outTradeNo, 'failed', why, why, 'INVALID_REQUEST')
      return null
    }
  }

  /** op_user_id: the operator who took the order (so a call made after a lock or handover still names them). */
  private opFields(row: OrderRow) {
    const t = this.ctx.deps.terminal()
    return { opUserId: row.operator_no ?? t.opUserId, opShopId: t.storeId, opDeviceId: t.deviceId, deviceInfo: t.deviceId }
  }
}

function cashierOf(shift: { id: string; cashier: string }): { cashier: string; shift_id: string } {
  return { cashier: shift.cashier, shift_id: shift.id }
}

function journalRefusal(): PosFailure {
  return new PosFailure('JOURNAL', '账本无法写入（磁盘已满或出错）：暂停收款，请联系管理员处理 (journal not writable: no sales until it is)')
}

/** The gateway takes at most 128 bytes of body: cut on a character boundary. */
export function fitBody(text: string, maxBytes = 128): string {
  let out = ''
  let bytes = 0
  for (const ch of text) {
    const size = Buffer.byteLength(ch)
    if (bytes + size > maxBytes) break
    out += ch
    bytes += size
  }
  return out
}
