// Refunds of another counter's order (issue 16): the store screen's refund
// button and the reasons a store refund is refused. One section file so the
// main dictionaries change by one spread line each.
export const zhCN = {
  storeRefund: {
    takenAt: '收款收银台（其他收银台的订单，在本机退过款）', button: '退款', title: '退款 · 收银台 {{counterId}} 的订单', from: '此单在收银台 {{counterId}} 收款；在本机退款，退款记入本机账目（本机当班的报表）。', refundable: '各收银台合计还可退 {{amount}}',
    done: '退款已提交，刷新查询结果', storeUnreachable: '连不上门店数据库：其他收银台的订单暂不能退款（本机的订单照常可退）',
  },
}

export const en = {
  storeRefund: {
    takenAt: 'Paid at counter (another counter\'s order, refunded here)', button: 'Refund', title: 'Refund · order of counter {{counterId}}', from: 'Paid at counter {{counterId}}; refunded here, the refund is in this counter\'s books (its open shift\'s report).', refundable: 'All counters together may still refund {{amount}}',
    done: 'Refund sent; search again to see it', storeUnreachable: 'Cannot reach the store database: other counters\' orders cannot be refunded now (this counter\'s own still can)',
  },
}
