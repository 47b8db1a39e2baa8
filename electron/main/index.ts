// Electron main: lifecycle only. Everything that matters lives in the core
// (electron/core, plain Node); this file wires it to Electron:
// single instance → error handlers → ready → log, security, app://, core,
// IPC → windows. Quitting closes the core (journal) before the process ends.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, Menu } from 'electron'
import { createCore, type Core } from '../core/create-core'
import { defaultAdapterFactories } from '../devices/adapters'
import { VendorFaceCamera } from '../../native-bridge/face/vendor-camera'
import { utilityFaceWorker } from './face-worker-spawn'
import { consoleLogger, type Logger } from '../kernel/logger'
import type { AppProblem } from '../shared/contract'
import { resolveAppOrigin } from './app-origin'
import { handleAppScheme, registerAppScheme } from './app-protocol'
import { installErrorHandlers, watchResponsiveness } from './errors'
import { failStart } from './start-failure'
import { registerIpc } from './ipc'
import { createAppLogger } from './logging'
import { createSafeSecretStore } from './secret-store'
import { applySecurityBaseline } from './security'
import { chromiumLocale, readUiLanguage, rememberUiLanguage } from './ui-locale'
import { AppWindows } from './windows'

const here = dirname(fileURLToPath(import.meta.url))
const preloadPath = join(here, '../preload/index.cjs')
const rendererDir = join(here, '../renderer')

// The console until electron-log is set up at 'ready'; everything logs through `log`.
let sink: Logger = consoleLogger
const log: Logger = { info: (m, f) => sink.info(m, f), warn: (m, f) => sink.warn(m, f), error: (m, f) => sink.error(m, f) }
let core: Core | null = null
const report = () => (core ? (problem: AppProblem) => core?.bus.emit('app:problem', problem) : null)

if (!app.requestSingleInstanceLock()) {
  // One Counter per machine: a second start just focuses the first one.
  app.quit()
} else {
  start()
}

function start(): void {
  installErrorHandlers({ log, report })
  registerAppScheme()
  app.enableSandbox()
  // Chromium's own controls (a date input's format) follow the counter's language, not the OS's:
  // only settable before 'ready', so from main's copy of the setting (ui-locale.ts).
  app.commandLine.appendSwitch('lang', chromiumLocale(readUiLanguage(app.getPath('userData'))))
  const origin = resolveAppOrigin({ isPackaged: app.isPackaged, devServerUrl: process.env['ELECTRON_RENDERER_URL'] })
  const windows = new AppWindows({ origin, preloadPath, devTools: !app.isPackaged, log, onCreated: (win, name) => watchResponsiveness(win, name, { log, report }) })

  app.on('second-instance', () => {
    const win = windows.cashier
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })

  app
    .whenReady()
    .then(async () => {
      sink = createAppLogger({ isPackaged: app.isPackaged })
      log.info('app: starting', { version: app.getVersion(), origin: origin.kind })
      applySecurityBaseline(origin, log)
      if (origin.kind === 'bundle') handleAppScheme(rendererDir, origin.csp, log)
      if (app.isPackaged) Menu.setApplicationMenu(null)
      const userDataDir = app.getPath('userData')
      const secrets = createSafeSecretStore(userDataDir)
      if (!secrets.encrypted) log.warn('secrets: the OS offers no encryption here; keys are stored in a 0600 file')
      const spawn = utilityFaceWorker(here)
      const started = await createCore({
        userDataDir,
        secrets,
        transport: 'electron',
        version: app.getVersion(),
        log,
        // The vendor face SDK runs in a utilityProcess so a crash in vendor code cannot take the cashier down.
        deviceAdapters: {
          face: (config, preflight) =>
            config.kind === 'vendor' ? new VendorFaceCamera({ libraryPath: config.libraryPath, preflight, spawn }) : defaultAdapterFactories.face(config, preflight),
        },
      })
      core = started
      const keepLanguage = (language: 'zh-CN' | 'en') => {
        try {
          rememberUiLanguage(userDataDir, language)
        } catch (e) {
          log.warn('ui-language: could not keep a copy for the next start', { error: String(e) })
        }
      }
      keepLanguage(started.services.settings.view().language)
      started.bus.on('settings:changed', (s) => keepLanguage(s.language))
      registerIpc({ core: started, origin, trusted: () => windows.contents(), customer: () => windows.customerContents(), log })
      windows.openCashier()
      windows.openCustomer()
      windows.followDisplays()
    })
    // A dialog, not only a log line: the cashier must know the counter cannot sell.
    .catch((e: unknown) => failStart(log, e, join(app.getPath('logs'), 'main.log')))

  // A cashier app: closing the window ends it on every platform.
  app.on('window-all-closed', () => app.quit())

  app.on('will-quit', (event) => {
    if (!core) return
    // Close the core (journal, devices) first, then quit for real.
    event.preventDefault()
    const closing = core
    core = null
    closing
      .close()
      .catch((e: unknown) => log.error('app: core close failed', { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => app.quit())
  })
}
