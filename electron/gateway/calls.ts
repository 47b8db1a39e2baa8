// Every gateway call in one table: where it is posted, the `method` field it
// carries (calls on /UnifiedPay/Gateway only), and WHICH KEY SIGNS IT.
// The spec never says which key signs what; this table is the one decision
// (README.md, "Keys"), used by both the client and the sandbox.

export type KeyScope = 'agent' | 'merchant'

export interface CallInfo {
  path: string
  /** The `method` form field, for calls multiplexed on /UnifiedPay/Gateway. */
  method?: string
  /** agent: merchant activation, before a merchant key exists. merchant: everything that moves or reads money. */
  scope: KeyScope
}

export const GATEWAY_CALLS = {
  pay: { path: '/UnifiedPay/Gateway', method: 'pay', scope: 'merchant' },
  facepay: { path: '/UnifiedPay/Gateway', method: 'facepay', scope: 'merchant' },
  getfaceauth: { path: '/UnifiedPay/Gateway', method: 'getfaceauth', scope: 'merchant' },
  orderquery: { path: '/UnifiedPay/Gateway', method: 'orderquery', scope: 'merchant' },
  cancel: { path: '/UnifiedPay/Gateway', method: 'cancel', scope: 'merchant' },
  refund: { path: '/UnifiedPay/Gateway', method: 'refund', scope: 'merchant' },
  refundquery: { path: '/UnifiedPay/Gateway', method: 'refundquery', scope: 'merchant' },
  WECHAT_PreOrder: { path: '/Open/WECHAT_PreOrder', scope: 'merchant' },
  ALIPAY_PreOrder: { path: '/Open/ALIPAY_PreOrder', scope: 'merchant' },
  Mch_Reg: { path: '/UnifiedPay/Mch_Reg', scope: 'agent' },
  GetMchSMSValid: { path: '/Mch/GetMchSMSValid', scope: 'agent' },
  GetMchId: { path: '/Mch/GetMchId', scope: 'agent' },
} as const satisfies Record<string, CallInfo>

export type GatewayCallName = keyof typeof GATEWAY_CALLS

export interface GatewayKeys {
  agent: string
  merchant: string
}

export function keyScopeOf(call: GatewayCallName): KeyScope {
  return GATEWAY_CALLS[call].scope
}

/** The key that signs a call's request and verifies its answer. */
export function signingKeyFor(call: GatewayCallName, keys: GatewayKeys): string {
  return keys[keyScopeOf(call)]
}

/** Which call a sandbox request is: by path, then by `method` on the shared gateway path. */
export function callOfRequest(path: string, method: string | undefined): GatewayCallName | null {
  for (const [name, info] of Object.entries(GATEWAY_CALLS) as [GatewayCallName, CallInfo][]) {
    if (info.path !== path) continue
    if (info.method === undefined || info.method === method) return name
  }
  return null
}
