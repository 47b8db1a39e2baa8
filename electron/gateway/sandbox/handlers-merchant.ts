// getfaceauth (merchant key) and the activation calls (agent key):
// GetMchSMSValid, GetMchId, Mch_Reg.
import { randomBytes } from 'node:crypto'
import { missing, refuse, status, success, type HandlerContext } from './answers'
import type { Reply, SandboxMerchant } from './types'

const SMS_VALID_MINUTES = 20

export function handleFaceAuth(fields: Record<string, string>, ctx: HandlerContext): Reply {
  const bad = missing(fields, ['store_id', 'store_name', 'device_id', 'rawdata'])
  if (bad) return bad
  return success({
    mch_id: ctx.merchant!.mchId,
    appid: 'wx2b029c08a6232582',
    channel_mch_id: '1900007071',
    store_id: fields.store_id,
    authinfo: `SANDBOX${randomBytes(24).toString('base64url')}`,
    expires_in: '3600',
  })
}

export function handleSms(fields: Record<string, string>, ctx: HandlerContext): Reply {
  const bad = missing(fields, ['mobile'])
  if (bad) return bad
  if (!/^1\d{10}$/.test(fields.mobile!)) return refuse('20004', '手机号格式错误')
  const known = [...ctx.store.merchants.values()].some((m) => m.mobile === fields.mobile)
  if (!known) return refuse('20005', '该手机号未绑定商户')
  ctx.store.smsCodes.set(fields.mobile!, { code: ctx.smsCode, expiresAt: ctx.store.now() + SMS_VALID_MINUTES * 60_000 })
  // Spec 2.4.2: on success `code` carries the validity in minutes.
  return { fields: { state: 'SUCCESS', code: String(SMS_VALID_MINUTES), msg: '短信验证码已发送' } }
}

function merchantAnswer(m: SandboxMerchant): Reply {
  const reply = success({
    mch_id: m.mchId,
    mch_trade_code: m.key,
    mch_full_name: m.fullName,
    mch_short_name: m.shortName,
    mch_state: m.state,
  })
  delete reply.fields.trade_state // GetMchId answers carry no trade_state (spec example)
  return reply
}

export function handleGetMchId(fields: Record<string, string>, ctx: HandlerContext): Reply {
  const merchants = [...ctx.store.merchants.values()]
  if (fields.mobile && fields.valid) {
    const sent = ctx.store.smsCodes.get(fields.mobile)
    if (!sent || sent.code !== fields.valid || sent.expiresAt < ctx.store.now()) return refuse('20004', '验证码错误或已过期')
    const m = merchants.find((x) => x.mobile === fields.mobile)
    return m ? merchantAnswer(m) : refuse('20005', '商户不存在')
  }
  if (fields.username && fields.password) {
    const m = merchants.find((x) => x.username === fields.username && x.password === fields.password)
    return m ? merchantAnswer(m) : refuse('20004', '用户名或密码错误')
  }
  return refuse('20004', '（手机号+验证码）或（用户名+用户密码）不能同时为空')
}

export function handleMchReg(fields: Record<string, string>, ctx: HandlerContext): Reply {
  // The real field list is agreed per integration; the sandbox asks for a name and a mobile.
  const bad = missing(fields, ['mch_name', 'mobile'])
  if (bad) return bad
  const mchId = ctx.store.nextId('f')
  ctx.store.merchants.set(mchId, {
    mchId,
    key: randomBytes(5).toString('hex'),
    fullName: fields.mch_name!,
    shortName: fields.mch_short_name ?? fields.mch_name!,
    state: '0',
    mobile: fields.mobile,
  })
  const reply = status('10000', 'SUCCESS', '', { mch_id: mchId })
  delete reply.fields.trade_state
  return reply
}
