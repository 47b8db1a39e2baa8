// Refunds of another counter's order (issue 16): the store screen's refund
// button and the reasons a store refund is refused. One section file so the
// main dictionaries change by one spread line each.
export const zhCN = {
  storeRefund: {
    takenAt: '收款收银台（其他收银台的订单，在本机退过款）', button: '退款', title: '退款 · 收银台 {{counterId}} 的订单', from: '此单在收银台 {{counterId}} 收款；在本机退款，退款记入本机账目（本机当班的报表）。', refundable: '各收银台合计还可退 {{amount}}',
    done: '退款已提交，刷新查询结果', storeUnreachable: '连不上门店数据库：其他收银台的订单暂不能退款（本机的订单照常可退）',
    reason: {
      'over-refundable': '退款金额超过可退金额：最多可退 {{remaining}}',
      'over-cap': '各收银台合计退款会超过实收金额：最多还可退 {{remaining}}',
      'not-refundable': '这笔订单不能退款（未收款或已关闭）',
      'cash-elsewhere': '这是收银台 {{counterId}} 的现金订单，请在原收银台从钱箱退现金',
      'refund-no-reused': '退款单号冲突，请重试',
      'gateway-refunded': '网关显示此单已另有退款 {{elsewhere}}，本次退款会超过实收金额',
      'store-order-unknown': '门店数据库里没有这笔订单（原收银台可能还没同步上来）',
    },
  },
}

export const en = {
  storeRefund: {
    takenAt: 'Paid at counter (another counter\'s order, refunded here)', button: 'Refund', title: 'Refund · order of counter {{counterId}}', from: 'Paid at counter {{counterId}}; refunded here, the refund is in this counter\'s books (its open shift\'s report).', refundable: 'All counters together may still refund {{amount}}',
    done: 'Refund sent; search again to see it', storeUnreachable: 'Cannot reach the store database: other counters\' orders cannot be refunded now (this counter\'s own still can)',
    reason: {
      'over-refundable': 'More than can be refunded: at most {{remaining}}',
      'over-cap': 'All counters\' refunds together would exceed what was paid: at most {{remaining}} remains',
      'not-refundable': 'This order cannot be refunded (not paid, or closed)',
      'cash-elsewhere': 'A cash order of counter {{counterId}}: refund it from that counter\'s drawer',
      'refund-no-reused': 'Refund number clash, try again',
      'gateway-refunded': 'The gateway shows other refunds of {{elsewhere}} already: this one would exceed what was paid',
      'store-order-unknown': 'The store database does not have this order (its counter may not have copied it yet)',
    },
  },
}
