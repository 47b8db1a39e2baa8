import { describe, expect, it } from 'vitest'
import { AuthinfoCache } from '../../native-bridge/face/authinfo-cache'
import { SimulatedFaceCamera } from '../../native-bridge/face/simulated-camera'
import { createFacePort } from './face-port'

describe('createFacePort', () => {
  it('authenticates once per authinfo lifetime, gets face codes and reports results', async () => {
    const cam = new SimulatedFaceCamera()
    await cam.start()
    const rawdatas: string[] = []
    const cache = new AuthinfoCache({
      fetch: async (rawdata) => (rawdatas.push(rawdata), { authinfo: 'AUTH-1', expiresIn: 3600, appid: 'wx1', mchId: '1900007071' }),
    })
    const port = createFacePort({ camera: () => cam, cache, key: () => ({ deviceId: 'd1', storeId: 's1' }) })
    const auth = await port.authenticate()
    expect(auth).toEqual({ authinfo: 'AUTH-1', appid: 'wx1', mchId: '1900007071', storeId: 's1' })
    await port.authenticate()
    expect(rawdatas).toHaveLength(1)
    expect(await port.getFaceCode({ ...auth, outTradeNo: 'T0001', totalFee: 100 })).toMatchObject({ kind: 'ok' })
    await port.reportResult!('T0001', true)
    expect(cam.reported).toEqual([{ ...auth, paid: true }])
  })

  it('refuses with a DEVICE failure when no camera is connected', async () => {
    const cache = new AuthinfoCache({ fetch: async () => ({ authinfo: 'a', expiresIn: 1, appid: 'x' }) })
    const port = createFacePort({ camera: () => null, cache, key: () => ({ deviceId: 'd', storeId: 's' }) })
    await expect(port.authenticate()).rejects.toMatchObject({ code: 'DEVICE' })
  })
})
