// The app's log: electron-log writing <userData>/logs/main.log, rotated at
// 5 MB keeping 5 old files, adapted to the core's Logger (with redaction).
// Console output only in development.
import log from 'electron-log/main'
import type { Logger } from '../kernel/logger'
import { adaptLogger, rotateLogFile } from './log-adapter'

export const LOG_MAX_BYTES = 5 * 1024 * 1024
export const LOG_FILES_KEPT = 5

export function createAppLogger(options: { isPackaged: boolean }): Logger {
  log.transports.file.level = 'info'
  log.transports.file.maxSize = LOG_MAX_BYTES
  log.transports.file.archiveLogFn = (oldLogFile) => rotateLogFile(oldLogFile.path, LOG_FILES_KEPT)
  log.transports.console.level = options.isPackaged ? false : 'info'
  return adaptLogger(log)
}
