// Handover (交接班) and the day summary (日结) on the shift screen. One section
// file so the main dictionaries change by one spread line each.
export const zhCN = {
  handover: {
    tabShift: '本班', tabDay: '日结',
    carried: '上一班留存 {{amount}}', carriedFrom: '来自班次 {{shift}}（{{cashier}}，{{at}} 结班），点钞人 {{countedBy}}',
    carriedDetail: '实点 {{counted}}，取出存入保险柜 {{takenOut}}', nothingCarried: '没有上一班点钞留存的金额：请清点钱箱后填写备用金', closedZ: '已关班，Z 报表已生成',
    useCarried: '使用留存金额', differs: '备用金与上一班留存不同：请填写原因（将记入审计）', reason: '差额原因', needReason: '备用金与留存不同，请填写原因',
    floatFrom: '备用金来源', floatFromValue: '班次 {{shift}} 留存 {{amount}}', floatReason: '差额原因：{{reason}}',
    takenOut: '取出存入保险柜（元）', takenOutHint: '从点好的现金中取出的金额；其余留作下一班备用金', left: '留存下一班', invalidTakenOut: '取出金额不对（不能超过实点现金）',
    reportTakenOut: '取出存入保险柜', reportLeft: '留存下一班',
  },
  day: {
    title: '日结', days: '营业日', noDays: '还没有班次', shifts_one: '{{count}} 个班次', shifts_other: '{{count}} 个班次', open: '{{count}} 个未结班',
    needSupervisor: '日结需要主管或店长：请主管输入工号和密码', show: '查看', print: '打印日结小票', printed: '日结小票已送打印机',
    summary: '{{day}} 日结', openWarning: '还有 {{count}} 个班次未结班：其数字为班中数字', totals: '合计', wallets: '钱包（按支付方式）', drawer: '钱箱现金（全天）',
    floats: '当日备用金', floatAdded: '交班时增减备用金', cashNet: '现金收支合计', takenOutBefore: '交班存入保险柜', expected: '应有现金（日终）', counted: '实点现金（日终）', notCounted: '未点钞',
    overShortDay: '长短款（各班合计）', takenOutAtEnd: '日终存入保险柜', left: '留存钱箱', uncounted: '{{count}} 个班次结班未点钞：按应有现金计',
    overShort: '长短款', takenOut: '存入保险柜合计', sales: '收款', refunds: '退款', net: '净收',
    paidIn: '零钱存入', paidOut: '现金支出', operators: '操作员', operator: '操作员', shiftsClosed: '结班次数', shiftList: '班次', cashier: '收银员', openedAt: '开班', closedAt: '结班', notClosed: '未结班',
  },
}

export const en: typeof zhCN = {
  handover: {
    tabShift: 'Shift', tabDay: 'Day summary',
    carried: 'Carried from last shift: {{amount}}', carriedFrom: 'From shift {{shift}} ({{cashier}}, closed {{at}}), counted by {{countedBy}}',
    carriedDetail: 'Counted {{counted}}, taken to the safe {{takenOut}}', nothingCarried: 'No counted float carried from a previous shift: count the drawer and type the float', closedZ: 'Shift closed; the Z report is ready',
    useCarried: 'Use the carried amount', differs: 'The float differs from the carried amount: give a reason (it is audited)', reason: 'Reason for the difference', needReason: 'The float differs from the carried amount: give a reason',
    floatFrom: 'Float from', floatFromValue: 'shift {{shift}}, carried {{amount}}', floatReason: 'Reason: {{reason}}',
    takenOut: 'Taken to the safe (yuan)', takenOutHint: 'Taken out of the counted cash; the rest stays as the next shift\'s float', left: 'Left for next shift', invalidTakenOut: 'Wrong amount taken out (at most the counted cash)',
    reportTakenOut: 'Taken to the safe', reportLeft: 'Left for next shift',
  },
  day: {
    title: 'Day summary', days: 'Business days', noDays: 'No shifts yet', shifts_one: '{{count}} shift', shifts_other: '{{count}} shifts', open: '{{count}} open',
    needSupervisor: 'The day summary is for supervisors: a supervisor types their number and PIN', show: 'Show', print: 'Print day receipt', printed: 'Day receipt sent to the printer',
    summary: 'Day summary {{day}}', openWarning: '{{count}} shift(s) still open: their figures are mid-shift', totals: 'Totals', wallets: 'Wallets (by paytype)', drawer: 'Drawer cash (the day)',
    floats: 'Opening float', floatAdded: 'Float added at handovers', cashNet: 'Cash in and out', takenOutBefore: 'To the safe at handovers', expected: 'Expected at day end', counted: 'Counted at day end', notCounted: 'not counted',
    overShortDay: 'Over/short (all shifts)', takenOutAtEnd: 'To the safe at day end', left: 'Left in the drawer', uncounted: '{{count}} shift(s) closed without a count: taken as expected',
    overShort: 'Over/short', takenOut: 'To the safe (total)', sales: 'Sales', refunds: 'Refunds', net: 'Net',
    paidIn: 'Paid in', paidOut: 'Paid out', operators: 'Operators', operator: 'Operator', shiftsClosed: 'Shifts closed', shiftList: 'Shifts', cashier: 'Cashier', openedAt: 'Opened', closedAt: 'Closed', notClosed: 'open',
  },
}
