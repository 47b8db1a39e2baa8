// Renderer entry. In Electron the preload has installed window.pos; in a plain
// browser (the harness) we connect over WebSocket first, then load the stores
// (they subscribe to contract events at module scope) and render.
import { createRoot } from 'react-dom/client'
import { initI18n } from './i18n'
import './styles.css'
import './cash.css'
import './day.css'

async function boot() {
  const root = createRoot(document.getElementById('root') as HTMLElement)
  await initI18n()
  try {
    if (!('pos' in window)) await (await import('./transport/harness-client')).installHarnessPos()
  } catch (e) {
    root.render(<p className="boot-error">无法连接收银核心 (cannot reach the core): {e instanceof Error ? e.message : String(e)}</p>)
    return
  }
  const { Root } = await import('./shell/Root')
  root.render(<Root />)
}

void boot()
