// 账本异常: a journal found damaged at start stops the counter on a clear
// screen (zh-CN and English) with the two ways out, and each way out brings the
// cashier back to a working checkout. The journal is damaged for real on disk
// before the core starts (electron/journal/file-faults.ts).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCore } from '../electron/core/create-core'
import { applyFileFault, type FileFault } from '../electron/test-support/journal-file-faults'
import { call, CODES, expect, snap, test } from './fixtures'

const damaged = test.extend<{ fault: FileFault }>({
  fault: ['truncate', { option: true }],
  core: async ({ dataDir, log, coreOptions, fault }, use) => {
    // Yesterday: a PIN, two sales, a backup between them, a clean close.
    const before = await createCore({ version: '0.1.0-e2e', ...coreOptions, userDataDir: dataDir, transport: 'browser', log })
    await call(before, 'settings:setPin', { next: '246813' })
    await call(before, 'payment:payByCode', { amountFen: 1200, authCode: CODES.wechatInstant })
    await before.services.engine.idle()
    await call(before, 'journal:backupNow', {})
    await call(before, 'payment:payByCode', { amountFen: 1300, authCode: CODES.wechatInstant })
    await before.services.engine.idle()
    await before.close()
    applyFileFault(fault, dataDir)
    // Today: the same folder, as the app would open it.
    const core = await createCore({ version: '0.1.0-e2e', ...coreOptions, userDataDir: dataDir, transport: 'browser', log })
    await use(core)
    await core.close()
  },
})

damaged('a truncated journal: 账本异常, no sale, restore the latest backup with the PIN', async ({ app, core }) => {
  await app.setViewportSize({ width: 1024, height: 768 })
  await expect(app.getByTestId('journal-problem')).toBeVisible()
  await expect(app.getByTestId('journal-finding-empty')).toContainText('账本文件是空的')
  await expect(app.getByTestId('nav-checkout')).toHaveCount(0)
  await expect(app.getByTestId('journal-latest-backup')).toContainText('最新备份')
  const sale = await call(core, 'payment:payByCode', { amountFen: 100, authCode: CODES.wechatInstant })
  expect(sale.ok ? 'accepted' : sale.error.code).toBe('JOURNAL_PROBLEM')
  await expect(app.getByTestId('journal-restore')).toBeDisabled() // the PIN first
  await snap(app, 'journal-problem-zh-1024')
  await app.getByTestId('journal-pin').fill('1111')
  await app.getByTestId('journal-restore').click()
  await expect(app.getByTestId('journal-error')).toContainText('主管密码不正确')
  await app.getByTestId('journal-pin').fill('246813')
  await app.getByTestId('journal-restore').click()
  await expect(app.getByTestId('journal-done')).toContainText('账本已从备份恢复')
  await expect(app.getByTestId('nav-checkout')).toBeVisible({ timeout: 10_000 }) // reloaded onto the restored books
  expect(core.info().journal.state).toBe('ok')
})

damaged.describe('in English', () => {
  damaged.use({ fault: 'garble-header' })
  damaged('a damaged journal: start a new one, the damaged file kept aside', async ({ app, core }) => {
    await app.setViewportSize({ width: 1366, height: 768 })
    await app.getByRole('button', { name: 'English' }).click()
    await expect(app.getByTestId('journal-problem')).toContainText('Journal problem')
    await expect(app.getByTestId('journal-finding-damaged')).toContainText('The journal file is damaged')
    await snap(app, 'journal-problem-en-1366')
    await app.getByTestId('journal-pin').fill('246813')
    await app.getByTestId('journal-start-new').click()
    await expect(app.getByTestId('journal-done')).toContainText('New journal started')
    await expect(app.getByTestId('nav-checkout')).toBeVisible({ timeout: 10_000 })
    expect(core.journal.status().asideFolder).toMatch(/journal-aside-/)
  })
})

test('Settings: the backup card backs up now and shows the latest copy', async ({ app }) => {
  await app.getByTestId('nav-settings').click()
  await app.getByTestId('backup-now').click()
  await expect(app.getByTestId('backup-latest')).toContainText('最新备份')
  await app.getByTestId('backup-card').scrollIntoViewIfNeeded()
  await snap(app, 'settings-backup')
})

const unreadableSecrets = test.extend({
  core: async ({ dataDir, log, coreOptions }, use) => {
    const before = await createCore({ version: '0.1.0-e2e', ...coreOptions, userDataDir: dataDir, transport: 'browser', log })
    await call(before, 'settings:setPin', { next: '246813' })
    await before.close()
    writeFileSync(join(dataDir, 'secrets.json'), '{"pinHash": "scrypt$16384$tor') // torn by a power cut
    const core = await createCore({ version: '0.1.0-e2e', ...coreOptions, userDataDir: dataDir, transport: 'browser', log })
    await use(core)
    await core.close()
  },
})

unreadableSecrets('an unreadable secrets file: sales go on, the cashier is told, nothing PIN-guarded goes ahead', async ({ app, core }) => {
  await expect(app.locator('.ant-notification-notice')).toContainText('密钥文件无法读取')
  await expect(app.getByTestId('nav-checkout')).toBeVisible()
  const r = await call(core, 'settings:update', { patch: { storeName: 'x' }, pin: '246813' })
  expect(r.ok ? 'accepted' : r.error.code).toBe('SECRETS_UNREADABLE')
})
