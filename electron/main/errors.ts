// Global error handling for the main process. Everything is logged; the
// cashier is told through the contract event `app:problem` (the UI shows it);
// a gone renderer is reloaded; an uncaught exception in main is fatal: a dialog,
// then a relaunch (payments in flight are recovered from the journal on start).
// Messages shown to the cashier never carry the error text (it could hold a key
// or a payment code); the text goes to the log, which redacts (log-adapter.ts).
import { app, dialog, type BrowserWindow, type WebContents } from 'electron'
import type { Logger } from '../kernel/logger'
import type { AppProblem } from '../shared/contract'

/** The part of `process` we listen to. */
export interface ProcessEvents {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown
}

export interface ErrorHandlerOptions {
  log: Logger
  /** Where problems go once the core exists (core.bus.emit('app:problem', …)); null before that. */
  report: () => ((problem: AppProblem) => void) | null
  /** The process to watch (tests pass an EventEmitter). */
  proc?: ProcessEvents
  now?: () => number
  /** Renderer crashes allowed per minute before we stop reloading and show a dialog. */
  maxReloadsPerMinute?: number
}

function describe(e: unknown): Record<string, unknown> {
  return e instanceof Error ? { error: e.message, stack: e.stack?.split('\n').slice(0, 6).join('\n') } : { error: String(e) }
}

export function installErrorHandlers(options: ErrorHandlerOptions): void {
  const { log } = options
  const proc: ProcessEvents = options.proc ?? process
  const now = options.now ?? Date.now
  const maxReloads = options.maxReloadsPerMinute ?? 3
  const reloads: number[] = []

  const tell = (kind: AppProblem['kind'], message: string) => {
    try {
      options.report()?.({ kind, message, at: now() })
    } catch (e) {
      log.error('errors: could not report problem', describe(e))
    }
  }

  proc.on('uncaughtException', (e: unknown) => {
    log.error('main: uncaught exception', describe(e))
    tell('crash', '程序内部错误，即将重新启动 (internal error, restarting)')
    dialog.showErrorBox('Counter 收银台', '程序遇到内部错误，将重新启动。进行中的支付会在启动后自动核对。\n(Counter hit an internal error and will restart; payments in progress are checked on start.)')
    app.relaunch()
    app.exit(1)
  })

  proc.on('unhandledRejection', (reason: unknown) => {
    log.error('main: unhandled rejection', describe(reason))
    tell('crash', '后台任务出错，已记录 (a background task failed; logged)')
  })

  app.on('render-process-gone', (_event, contents: WebContents, details) => {
    log.error('renderer gone', { reason: details.reason, exitCode: details.exitCode, url: contents.getURL().slice(0, 200) })
    tell('renderer-gone', '界面进程异常退出，正在恢复 (the screen crashed and is being reloaded)')
    if (details.reason === 'clean-exit' || contents.isDestroyed()) return
    const t = now()
    while (reloads.length > 0 && (reloads[0] ?? 0) < t - 60_000) reloads.shift()
    if (reloads.length >= maxReloads) {
      log.error('renderer keeps crashing: not reloading again')
      dialog.showErrorBox('Counter 收银台', '界面反复崩溃，请重启程序或联系技术支持。\n(The screen keeps crashing; restart Counter or call support.)')
      return
    }
    reloads.push(t)
    contents.reload()
  })

  app.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    log.error('child process gone', { type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name })
    if (details.type === 'GPU' || details.type === 'Utility') tell('crash', '后台进程异常退出，已自动重启 (a helper process crashed and was restarted)')
  })
}

/** A window that stops answering is logged and reported; its recovery is logged too. */
export function watchResponsiveness(win: Pick<BrowserWindow, 'on'>, name: string, options: Pick<ErrorHandlerOptions, 'log' | 'report' | 'now'>): void {
  const now = options.now ?? Date.now
  win.on('unresponsive', () => {
    options.log.warn('window unresponsive', { window: name })
    options.report()?.({ kind: 'renderer-gone', message: '界面无响应，请稍候 (the screen is not responding; please wait)', at: now() })
  })
  win.on('responsive', () => options.log.info('window responsive again', { window: name }))
}
