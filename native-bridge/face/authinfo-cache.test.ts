import { describe, expect, it } from 'vitest'
import { AuthinfoCache, type AuthinfoGrant } from './authinfo-cache'

function setup(expiresIn = 3600) {
  let clock = 1_000_000
  const fetched: string[] = []
  let fail = false
  const cache = new AuthinfoCache({
    now: () => clock,
    fetch: async (rawdata): Promise<AuthinfoGrant> => {
      fetched.push(rawdata)
      if (fail) throw new Error('gateway down')
      return { authinfo: `AUTH-${fetched.length}`, expiresIn, appid: 'wx2b029c08a6232582' }
    },
  })
  let raw = 0
  const rawdata = async () => `RAW${++raw}`
  return { cache, fetched, rawdata, tick: (ms: number) => (clock += ms), failNext: (v: boolean) => (fail = v) }
}

const key = { deviceId: 'dev1', storeId: 'store1' }

describe('AuthinfoCache', () => {
  it('reuses authinfo until 5 minutes before expiry, then refreshes', async () => {
    const { cache, fetched, rawdata, tick } = setup()
    expect((await cache.get(key, rawdata)).authinfo).toBe('AUTH-1')
    tick(3600_000 - 300_001)
    expect((await cache.get(key, rawdata)).authinfo).toBe('AUTH-1')
    tick(1)
    expect((await cache.get(key, rawdata)).authinfo).toBe('AUTH-2')
    expect(fetched).toEqual(['RAW1', 'RAW2'])
  })

  it('keeps entries apart per device, store and appid', async () => {
    const { cache, rawdata } = setup()
    const a = await cache.get(key, rawdata)
    const b = await cache.get({ ...key, deviceId: 'dev2' }, rawdata)
    const c = await cache.get({ ...key, appid: 'wxother' }, rawdata)
    expect(new Set([a.authinfo, b.authinfo, c.authinfo]).size).toBe(3)
    expect((await cache.get(key, rawdata)).authinfo).toBe(a.authinfo)
  })

  it('shares one fetch between concurrent callers', async () => {
    const { cache, fetched, rawdata } = setup()
    const [x, y] = await Promise.all([cache.get(key, rawdata), cache.get(key, rawdata)])
    expect(x).toBe(y)
    expect(fetched).toHaveLength(1)
  })

  it('keeps a still-valid grant when the refresh fails, and fails once it has expired', async () => {
    const { cache, rawdata, tick, failNext } = setup(600) // 10 min: margin is a tenth = 60 s
    await cache.get(key, rawdata)
    tick(550_000)
    failNext(true)
    expect((await cache.get(key, rawdata)).authinfo).toBe('AUTH-1')
    tick(60_000)
    await expect(cache.get(key, rawdata)).rejects.toThrow('gateway down')
  })

  it('refuses a grant without authinfo, and invalidate forces a fetch', async () => {
    const bad = new AuthinfoCache({ fetch: async () => ({ authinfo: '', expiresIn: 3600, appid: 'x' }) })
    await expect(bad.get(key, async () => 'r')).rejects.toThrow(/no usable authinfo/)
    const { cache, fetched, rawdata } = setup()
    await cache.get(key, rawdata)
    cache.invalidate(key)
    await cache.get(key, rawdata)
    expect(fetched).toHaveLength(2)
  })
})
