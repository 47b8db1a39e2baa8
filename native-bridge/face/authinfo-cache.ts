// authinfo from the gateway's getfaceauth is valid `expires_in` seconds for
// one device/store/appid; reuse it until shortly before it runs out, then
// fetch a fresh one. Concurrent callers share one fetch.

export interface AuthinfoGrant {
  authinfo: string
  /** Seconds, as the gateway returns it. */
  expiresIn: number
  appid: string
  /** The channel merchant id the SDK wants as mch_id (getfaceauth's channel_mch_id). */
  mchId?: string
  [extra: string]: unknown
}

export interface AuthinfoKey {
  deviceId: string
  storeId: string
  appid?: string
}

export interface AuthinfoCacheOptions {
  /** Calls getfaceauth with the camera's rawdata. */
  fetch: (rawdata: string) => Promise<AuthinfoGrant>
  now?: () => number
  /** Refresh this long before expiry (default: 5 min, at most a tenth of the lifetime). */
  refreshMarginMs?: number
}

interface Entry {
  grant: AuthinfoGrant
  fetchedAt: number
  expiresAt: number
}

export class AuthinfoCache {
  private readonly entries = new Map<string, Entry>()
  private readonly inflight = new Map<string, Promise<AuthinfoGrant>>()
  private readonly now: () => number

  constructor(private readonly opts: AuthinfoCacheOptions) {
    this.now = opts.now ?? Date.now
  }

  /** A valid authinfo for the key; `rawdata` is only asked for when a fetch is needed. */
  async get(key: AuthinfoKey, rawdata: () => Promise<string>): Promise<AuthinfoGrant> {
    const k = keyOf(key)
    const entry = this.entries.get(k)
    if (entry && this.now() < this.refreshAt(entry)) return entry.grant
    const running = this.inflight.get(k)
    if (running) return running
    const p = (async () => {
      try {
        const grant = await this.opts.fetch(await rawdata())
        if (!grant.authinfo || !Number.isFinite(grant.expiresIn) || grant.expiresIn <= 0) throw new Error('getfaceauth returned no usable authinfo')
        const fetchedAt = this.now()
        this.entries.set(k, { grant, fetchedAt, expiresAt: fetchedAt + grant.expiresIn * 1000 })
        return grant
      } catch (e) {
        // A refresh that fails while the old grant is still valid keeps the old one.
        const old = this.entries.get(k)
        if (old && this.now() < old.expiresAt) return old.grant
        throw e
      } finally {
        this.inflight.delete(k)
      }
    })()
    this.inflight.set(k, p)
    return p
  }

  /** Forget a grant (e.g. the SDK refused it). */
  invalidate(key: AuthinfoKey): void {
    this.entries.delete(keyOf(key))
  }

  private refreshAt(e: Entry): number {
    const lifetime = e.expiresAt - e.fetchedAt
    const margin = Math.min(this.opts.refreshMarginMs ?? 5 * 60_000, lifetime / 10)
    return e.expiresAt - margin
  }
}

const keyOf = (k: AuthinfoKey) => JSON.stringify([k.deviceId, k.storeId, k.appid ?? ''])
