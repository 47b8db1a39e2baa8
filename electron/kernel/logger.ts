// The core's logging interface: plain, so services stay Electron-free. The app
// plugs electron-log in; tests and the harness use the console or a memory log.
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export const consoleLogger: Logger = {
  info: (m, f) => console.log(`[info] ${m}`, f ?? ''),
  warn: (m, f) => console.warn(`[warn] ${m}`, f ?? ''),
  error: (m, f) => console.error(`[error] ${m}`, f ?? ''),
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }

export interface MemoryLogger extends Logger {
  lines: { level: 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> }[]
  text(): string
}

export function memoryLogger(): MemoryLogger {
  const lines: MemoryLogger['lines'] = []
  const push = (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, ...(fields ? { fields } : {}) })
  }
  return {
    lines,
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
    text: () => lines.map((l) => `${l.level} ${l.message} ${l.fields ? JSON.stringify(l.fields) : ''}`).join('\n'),
  }
}
