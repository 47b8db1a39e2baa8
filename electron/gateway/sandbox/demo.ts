// The demo merchant: what a fresh install (demo mode) and the sandbox CLI use.
// These keys are public test values for the loopback sandbox, never real ones.
import type { SandboxOptions } from './server'

export const DEMO_MERCHANT = {
  agentId: '130000000000000001',
  mchId: 'f00000000000000001',
  keys: {
    agent: 'demo-agent-key-7f3c9a1e5b2d4086',
    merchant: 'f6742168cc',
  },
  storeId: 'demo_store_01',
  storeName: '演示门店01',
  deviceId: 'demo_device_01',
  fullName: '演示商户有限公司',
  shortName: '演示商户',
  /** For GetMchSMSValid / GetMchId against the sandbox. */
  mobile: '13800000000',
  smsCode: '123456',
  username: 'demo',
  password: 'demo1234',
} as const

/** Sandbox options for the demo merchant (demo mode, the CLI, tests); override anything. */
export function demoSandboxOptions(overrides: Partial<SandboxOptions> = {}): SandboxOptions {
  return {
    agentId: DEMO_MERCHANT.agentId,
    mchId: DEMO_MERCHANT.mchId,
    keys: { ...DEMO_MERCHANT.keys },
    merchantProfile: {
      fullName: DEMO_MERCHANT.fullName,
      shortName: DEMO_MERCHANT.shortName,
      mobile: DEMO_MERCHANT.mobile,
      username: DEMO_MERCHANT.username,
      password: DEMO_MERCHANT.password,
    },
    smsCode: DEMO_MERCHANT.smsCode,
    ...overrides,
  }
}
