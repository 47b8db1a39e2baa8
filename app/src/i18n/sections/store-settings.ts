// The store settings card (storesync): store name, receipt header line and the
// over/short limit shared by every counter of the store. One section file so
// the main dictionaries change by one spread line each.
export const zhCN = {
  storeSettings: {
    title: '门店设置（所有收银台共用）',
    about: '店长在任一收银台修改，同步到本店所有收银台；连不上门店数据库时先在本机生效，恢复后上传。未设置时使用本机设置。',
    storeName: '门店名称',
    receiptHeader: '小票抬头（一行，如地址或电话）',
    overShortLimit: '长短款限额（元）',
    source: { store: '来自门店设置', local: '本机设置（门店尚未设置）' },
    fromCounter: '最后由收银台 {{counterId}} 修改',
    save: '保存门店设置',
    saved: '门店设置已保存，将同步到所有收银台',
    invalid: '请填写门店名称和有效的限额',
    failed: '保存失败：{{message}}',
  },
}

export const en = {
  storeSettings: {
    title: 'Store settings (every counter)',
    about: 'A manager changes them at any counter and every counter of the store gets them; with the store database away they apply here first and are sent when it is back. Until set, each counter uses its own.',
    storeName: 'Store name',
    receiptHeader: 'Receipt header (one line, e.g. address or phone)',
    overShortLimit: 'Over/short limit (yuan)',
    source: { store: 'From the store settings', local: 'This counter\'s own (none set for the store yet)' },
    fromCounter: 'Last changed at counter {{counterId}}',
    save: 'Save store settings',
    saved: 'Store settings saved; every counter will get them',
    invalid: 'Enter a store name and a valid limit',
    failed: 'Not saved: {{message}}',
  },
}
