// Hash routes (work from file:// in Electron and from the harness alike).
import { useSyncExternalStore } from 'react'

export type Route = 'checkout' | 'orders' | 'shift' | 'store' | 'settings' | 'setup' | 'customer' | 'operators'
const ROUTES: readonly Route[] = ['checkout', 'orders', 'shift', 'store', 'settings', 'setup', 'customer', 'operators']

export function routeOf(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'checkout'
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => routeOf(location.hash))
}

export function go(route: Route): void {
  location.hash = `#/${route === 'checkout' ? '' : route}`
}
