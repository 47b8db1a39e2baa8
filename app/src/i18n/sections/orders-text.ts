// Short words for the orders list and detail: the wallet as it reads beside the
// way it was paid (微信 · 刷脸), without "支付"/"Pay" twice. One section file so
// the main dictionaries change by one spread line each.
export const zhCN = {
  wallet: {
    short: { WECHAT: '微信', ALIPAY: '支付宝', UNIONPAY: '云闪付', JDPAY: '京东', QQ: 'QQ钱包', BESTPAY: '翼支付' },
    method: { code: '付款码', face: '刷脸', qr: '扫码' },
  },
}

export const en: typeof zhCN = {
  wallet: {
    short: { WECHAT: 'WeChat', ALIPAY: 'Alipay', UNIONPAY: 'UnionPay', JDPAY: 'JD', QQ: 'QQ Wallet', BESTPAY: 'BestPay' },
    method: { code: 'code', face: 'face', qr: 'QR' },
  },
}
