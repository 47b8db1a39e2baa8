// Cash, the drawer, receipts and the printer (issue 14). One section file so the
// main dictionaries change by one spread line each.
export const zhCN = {
  cash: {
    button: '现金', title: '现金收款', due: '应收', given: '实收', change: '找零', exact: '正好', confirm: '确认收款 (Enter)',
    givenBelow: '实收金额少于应收', invalidGiven: '请输入正确的实收金额', paid: '现金已收', changeBig: '找零 {{change}}',
    customerChange: '找您 {{change}}', customerGiven: '收您 {{given}}',
    movements: '钱箱记录', paidIn: '零钱存入', paidOut: '现金支出', noSale: '开钱箱（无销售）', amount: '金额（元）', reason: '事由', pin: '主管密码',
    record: '记录并开钱箱', recorded: '已记录，钱箱已打开', failed: '操作失败：{{message}}', noMovements: '本班还没有钱箱记录',
    kind: { sale: '现金收款', refund: '现金退款', paid_in: '零钱存入', paid_out: '现金支出', no_sale: '无销售开箱' },
    aboveDrawer: '支出金额超过钱箱应有现金 {{drawer}}',
    count: {
      title: '点钞（关班）', pieces: '张/枚', counted: '实点现金', expected: '应有现金', overShort: '长短款', over: '长款', short: '短款', even: '无差额',
      close: '点钞并关班', confirmTitle: '长短款超过限额', confirmText: '长短款 {{diff}} 超过限额 {{limit}}。主管确认后才能关班。', confirmOk: '主管确认并关班',
      skip: '不点钞直接关班', denomination: { '10000': '100 元', '5000': '50 元', '2000': '20 元', '1000': '10 元', '500': '5 元', '100': '1 元', '50': '5 角', '10': '1 角' },
    },
    report: { drawer: '钱箱现金', wallets: '钱包（不在钱箱内）', float: '备用金', sales: '现金收款', refunds: '现金退款', paidIn: '零钱存入', paidOut: '现金支出', noSales: '无销售开箱', times: '{{count}} 次' },
    pastShifts: '历史班次', view: '查看', reprint: '重印', printReceipt: '打印小票', printed: '已送打印机',
    settingsTitle: '现金设置', limit: '长短款限额（元，超过需主管确认）', saved: '已保存',
  },
  printing: {
    title: '小票打印机', connection: '连接方式', kind: { none: '不使用打印机', simulated: '模拟打印机（演示，小票只显示在屏幕上）', tcp: '网络打印机（TCP 9100）', serial: '串口打印机', spooler: 'USB 打印机（系统打印队列，原始模式）' },
    queue: '打印队列', queueHint: 'Linux：CUPS 队列名（lpstat -p 可查）；Windows：打印机名称', drawer: '钱箱', drawerKind: { printer: '接在打印机上（由打印机开箱）', serial: '独立串口钱箱' }, drawerPath: '钱箱串口',
    host: '打印机 IP', port: '端口', path: '串口', baud: '波特率', width: '纸宽', autoPrint: '收款后自动打印小票',
    pulse: '钱箱脉冲 ESC p m t1 t2', pulseHint: '默认 1B 70 00 19 FA（2 号脚，50 ms / 500 ms）', save: '保存打印机设置', saved: '打印机设置已保存',
    testPage: '打印测试页', preview: '小票预览', jobs: '打印任务', noJobs: '没有打印任务', retryAll: '全部重试', dismiss: '放弃',
    printLast: '补打上一张 (F6)', reprintButton: '补打小票', lastPrinted: '已补打上一张小票', simulatedPrinted: '已补打上一张小票（模拟打印机：小票显示在屏幕上）',
    state: { queued: '排队中', printing: '打印中', retrying: '等待重试', printed: '已打印', dismissed: '已放弃' },
    error: { refused: '打印机拒绝连接', timeout: '打印机无响应', closed: '打印中断', io: '通信错误', 'paper-out': '缺纸', offline: '离线', 'no-printer': '未设置打印机', unreadable: '任务记录无法读取' },
    status: { ok: '正常', unknown: '在线（不回报状态）', 'paper-out': '缺纸', 'cover-open': '纸仓盖打开', offline: '离线', 'paper-near-end': '纸将用完', refused: '连不上', timeout: '无响应', closed: '连接中断', io: '通信错误', none: '未设置' },
    header: '打印机', pending: '{{count}} 张待打印', kindJob: { sale: '销售小票', refund: '退款凭证', report: '报表', cash: '钱箱单据', test: '测试页', drawer: '开钱箱' },
  },
}

export const en: typeof zhCN = {
  cash: {
    button: 'Cash', title: 'Cash payment', due: 'Due', given: 'Given', change: 'Change', exact: 'Exact', confirm: 'Take cash (Enter)',
    givenBelow: 'The amount given is less than due', invalidGiven: 'Enter the amount the customer gave', paid: 'Cash received', changeBig: 'Change {{change}}',
    customerChange: 'Your change {{change}}', customerGiven: 'Received {{given}}',
    movements: 'Drawer log', paidIn: 'Paid in', paidOut: 'Paid out', noSale: 'Open drawer (no sale)', amount: 'Amount (yuan)', reason: 'Reason', pin: 'Supervisor PIN',
    record: 'Record and open drawer', recorded: 'Recorded; the drawer is open', failed: 'Failed: {{message}}', noMovements: 'No drawer movements in this shift yet',
    kind: { sale: 'Cash sale', refund: 'Cash refund', paid_in: 'Paid in', paid_out: 'Paid out', no_sale: 'No-sale opening' },
    aboveDrawer: 'Paid out is more than the drawer should hold ({{drawer}})',
    count: {
      title: 'Count the drawer (close)', pieces: 'pieces', counted: 'Counted', expected: 'Expected', overShort: 'Over/short', over: 'Over', short: 'Short', even: 'Even',
      close: 'Count and close shift', confirmTitle: 'Over/short above the limit', confirmText: 'Over/short {{diff}} is above the limit {{limit}}. A supervisor must confirm to close.', confirmOk: 'Supervisor confirms and closes',
      skip: 'Close without counting', denomination: { '10000': '¥100', '5000': '¥50', '2000': '¥20', '1000': '¥10', '500': '¥5', '100': '¥1', '50': '5 jiao', '10': '1 jiao' },
    },
    report: { drawer: 'Cash in drawer', wallets: 'Wallets (not in the drawer)', float: 'Float', sales: 'Cash sales', refunds: 'Cash refunds', paidIn: 'Paid in', paidOut: 'Paid out', noSales: 'No-sale openings', times: '{{count}} times' },
    pastShifts: 'Past shifts', view: 'View', reprint: 'Reprint', printReceipt: 'Print receipt', printed: 'Sent to the printer',
    settingsTitle: 'Cash settings', limit: 'Over/short limit (yuan; above it a supervisor confirms)', saved: 'Saved',
  },
  printing: {
    title: 'Receipt printer', connection: 'Connection', kind: { none: 'No printer', simulated: 'Simulated printer (demo: receipts on screen only)', tcp: 'Network printer (TCP 9100)', serial: 'Serial printer', spooler: 'USB printer (system print queue, raw mode)' },
    queue: 'Print queue', queueHint: 'Linux: the CUPS queue name (see lpstat -p); Windows: the printer name', drawer: 'Cash drawer', drawerKind: { printer: 'On the printer (the printer opens it)', serial: 'Own serial port' }, drawerPath: 'Drawer serial port',
    host: 'Printer IP', port: 'Port', path: 'Serial port', baud: 'Baud rate', width: 'Paper width', autoPrint: 'Print a receipt after every sale',
    pulse: 'Drawer pulse ESC p m t1 t2', pulseHint: 'Default 1B 70 00 19 FA (pin 2, 50 ms / 500 ms)', save: 'Save printer settings', saved: 'Printer settings saved',
    testPage: 'Print test page', preview: 'Receipt preview', jobs: 'Print jobs', noJobs: 'No print jobs', retryAll: 'Retry all', dismiss: 'Dismiss',
    printLast: 'Reprint last (F6)', reprintButton: 'Reprint', lastPrinted: 'Last receipt sent to the printer again', simulatedPrinted: 'Last receipt reprinted (simulated printer: the receipt shows on screen)',
    state: { queued: 'Queued', printing: 'Printing', retrying: 'Waiting to retry', printed: 'Printed', dismissed: 'Dismissed' },
    error: { refused: 'Printer refused the connection', timeout: 'Printer not answering', closed: 'Printing interrupted', io: 'Communication error', 'paper-out': 'Paper out', offline: 'Offline', 'no-printer': 'No printer set', unreadable: 'Job record unreadable' },
    status: { ok: 'OK', unknown: 'Online (no status reports)', 'paper-out': 'Paper out', 'cover-open': 'Cover open', offline: 'Offline', 'paper-near-end': 'Paper nearly out', refused: 'Unreachable', timeout: 'Not answering', closed: 'Connection dropped', io: 'Communication error', none: 'Not set' },
    header: 'Printer', pending: '{{count}} to print', kindJob: { sale: 'Sale receipt', refund: 'Refund slip', report: 'Report', cash: 'Drawer slip', test: 'Test page', drawer: 'Open drawer' },
  },
}
