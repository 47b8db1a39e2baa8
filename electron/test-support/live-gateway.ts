// Tests and e2e: a second sandbox on loopback that plays the real ("live")
// gateway, with its own agent, keys and merchant — nothing shared with the demo
// merchant, so a call that reaches the wrong gateway fails visibly.
import { startSandboxGateway, type SandboxGateway } from '../gateway/sandbox/server'

export const LIVE = {
  agentId: '440000000000000077',
  agentKey: 'live-agent-key-3b8e61d0c2f94a57',
  mchId: 'f44000000000000123',
  merchantKey: 'a1b2c3d4e5f60718',
  fullName: '广州市示例便利店有限公司',
  shortName: '示例便利店',
  mobile: '13912345678',
  smsCode: '654321',
  username: 'shop123',
  password: 'live-pass-9',
} as const

export function startLiveGateway(timeScale = 0.1): Promise<SandboxGateway> {
  return startSandboxGateway({
    agentId: LIVE.agentId,
    keys: { agent: LIVE.agentKey },
    merchants: [
      {
        mchId: LIVE.mchId,
        key: LIVE.merchantKey,
        fullName: LIVE.fullName,
        shortName: LIVE.shortName,
        state: '20',
        mobile: LIVE.mobile,
        username: LIVE.username,
        password: LIVE.password,
      },
    ],
    smsCode: LIVE.smsCode,
    timeScale,
    enableControl: true,
  })
}

/** Calls the gateway saw, by name (e.g. to prove nothing went to the demo sandbox). */
export function callsSeen(gateway: SandboxGateway, call: string): number {
  return gateway.state.requests.filter((r) => r.call === call).length
}
