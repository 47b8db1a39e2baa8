// The app could not start (the journal folder cannot be opened, the core threw…):
// a cashier must see it, not find a log line later. A dialog in both languages
// says so and where the log is; then the app ends (exit code 1). The error's
// code (EACCES, SQLITE_CANTOPEN…) is shown, its text only in the log: it may
// carry a path with a user name or a key-like value.
import { app, dialog } from 'electron'
import type { Logger } from '../kernel/logger'

export function startFailureText(e: unknown, logFile: string): { title: string; content: string } {
  const code = typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code.slice(0, 40) : 'UNKNOWN'
  return {
    title: 'Counter 收银台 — 无法启动 (cannot start)',
    content:
      `收银台无法启动，不能收款。请重启电脑后再试；仍不行请联系技术支持，并提供日志文件。\n错误代码：${code}\n日志：${logFile}\n\n` +
      `Counter could not start and cannot take payments. Restart the computer and try again; if it still fails, call support with the log file.\nError code: ${code}\nLog: ${logFile}`,
  }
}

export function failStart(log: Logger, e: unknown, logFile: string): void {
  log.error('app: start failed', { error: e instanceof Error ? e.message : String(e) })
  const { title, content } = startFailureText(e, logFile)
  dialog.showErrorBox(title, content)
  app.exit(1)
}
