import { describe, expect, it, vi } from 'vitest'
import { outcomeForAmount, SimulatedFaceCamera } from './simulated-camera'

const req = (totalFee: number) => ({ authinfo: 'a', appid: 'wx1', mchId: 'm', storeId: 's', outTradeNo: 'T0001', totalFee })

describe('SimulatedFaceCamera', () => {
  it('must be started before use, then succeeds by default', async () => {
    const cam = new SimulatedFaceCamera()
    await expect(cam.getRawdata()).rejects.toThrow(/not started/)
    await cam.start()
    expect(cam.status().state).toBe('connected')
    expect(await cam.getRawdata()).toMatch(/^SIMRAWDATA\d{6}$/)
    expect(await cam.getFaceCode(req(1000))).toEqual({ kind: 'ok', faceCode: 'SIMFACET0001', openid: 'o_sim_demo_customer' })
  })

  it('picks outcomes by the last two fen digits of the amount', async () => {
    const cam = new SimulatedFaceCamera()
    await cam.start()
    expect(await cam.getFaceCode(req(1211))).toEqual({ kind: 'user-cancel' })
    expect(await cam.getFaceCode(req(1222))).toEqual({ kind: 'scan-payment' })
    expect(await cam.getFaceCode(req(1233))).toMatchObject({ kind: 'error' })
    expect(outcomeForAmount(1244)).toBe('slow')
  })

  it('scripted outcomes win over the amount, in order, and a slow customer takes slowMs', async () => {
    vi.useFakeTimers()
    try {
      const cam = new SimulatedFaceCamera({ slowMs: 5_000 })
      await cam.start()
      cam.script('scan-payment', 'slow')
      expect(await cam.getFaceCode(req(1000))).toEqual({ kind: 'scan-payment' })
      let done = false
      const slow = cam.getFaceCode(req(1000)).then((r) => ((done = true), r))
      await vi.advanceTimersByTimeAsync(4_999)
      expect(done).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(await slow).toMatchObject({ kind: 'ok' })
    } finally {
      vi.useRealTimers()
    }
  })
})
