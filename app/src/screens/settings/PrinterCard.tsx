// The receipt printer: how to reach it, paper width, drawer pulse, auto-print;
// a test page and the preview of it; the over/short limit for the drawer count.
import { Alert, App, Button, Card, Input, InputNumber, Radio, Select, Switch } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrinterConfig, ProofInput } from '../../../../electron/shared/contract'
import { formatFen, parseYuan } from '../../../../electron/shared/money'
import { useCashStore } from '../../state/cash-store'
import { useDevicesStore } from '../../state/devices-store'
import { DrawerFields } from './DrawerFields'
import { PrintJobs } from './PrintJobs'
import { ReceiptPreview } from './ReceiptPreview'
import { errorText } from '../../lib/error-text'

type Kind = PrinterConfig['connection']['kind']
const BAUDS = [9600, 19200, 38400, 57600, 115200]
const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0')

export function PrinterCard({ pin }: { pin: ProofInput }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const saved = useDevicesStore((d) => d.config?.printer ?? null)
  const serialPaths = useDevicesStore((d) => d.serialPaths)
  // Edits are a draft over the saved config until saved.
  const [draft, setCfg] = useState<PrinterConfig | null>(null)
  const cfg = draft ?? saved
  const [problem, setProblem] = useState<string | null>(null)
  const limit = useCashStore((c) => c.settings?.overShortLimitFen ?? null)
  const [limitText, setLimitText] = useState('')
  useEffect(() => void useCashStore.getState().loadSettings(), [])
  if (!cfg) return null

  const kind = cfg.connection.kind
  const setKind = (k: Kind) => {
    const connection: PrinterConfig['connection'] =
      k === 'tcp' ? { kind: 'tcp', host: '', port: 9100 } : k === 'serial' ? { kind: 'serial', path: serialPaths[0] ?? '', baudRate: 9600 } : k === 'spooler' ? { kind: 'spooler', queue: '' } : { kind: k }
    setCfg({ ...cfg, connection })
    if (k === 'serial') void useDevicesStore.getState().listPorts()
  }
  const save = async () => {
    const r = await useDevicesStore.getState().configure({ printer: cfg }, pin)
    setProblem(r.ok ? null : errorText(t, r.error))
    if (r.ok) {
      setCfg(null)
      void message.success(t('printing.saved'))
    }
  }
  const test = async () => {
    const r = await useCashStore.getState().print({ kind: 'test' })
    if (r.ok) void message.success(t('cash.printed'))
    else setProblem(errorText(t, r.error))
  }
  const saveLimit = async () => {
    const fen = parseYuan(limitText || formatFen(limit ?? 0))
    if (fen === null) return setProblem(t('shift.invalidFloat'))
    const r = await useCashStore.getState().setSettings({ overShortLimitFen: fen }, pin)
    setProblem(r.ok ? null : errorText(t, r.error))
    if (r.ok) {
      void message.success(t('cash.saved'))
    }
  }
  const c = cfg.connection
  const p = cfg.drawerPulse
  return (
    <Card title={t('printing.title')} data-testid="printer-card">
      <div className="form-grid">
        <label>{t('printing.connection')}</label>
        <Select<Kind> value={kind} onChange={setKind} options={(['simulated', 'tcp', 'serial', 'spooler', 'none'] as const).map((k) => ({ value: k, label: t(`printing.kind.${k}`) }))} data-testid="printer-kind" />
        {c.kind === 'tcp' && (
          <>
            <label>{t('printing.host')}</label>
            <Input value={c.host} maxLength={253} onChange={(e) => setCfg({ ...cfg, connection: { ...c, host: e.target.value.trim() } })} data-testid="printer-host" />
            <label>{t('printing.port')}</label>
            <InputNumber min={1} max={65535} value={c.port} onChange={(v) => setCfg({ ...cfg, connection: { ...c, port: v ?? 9100 } })} />
          </>
        )}
        {c.kind === 'serial' && (
          <>
            <label>{t('printing.path')}</label>
            <Select value={c.path} showSearch options={serialPaths.map((s) => ({ value: s, label: s }))} onChange={(v: string) => setCfg({ ...cfg, connection: { ...c, path: v } })} />
            <label>{t('printing.baud')}</label>
            <Select value={c.baudRate} options={BAUDS.map((b) => ({ value: b, label: String(b) }))} onChange={(v: number) => setCfg({ ...cfg, connection: { ...c, baudRate: v } })} />
          </>
        )}
        {c.kind === 'spooler' && (
          <>
            <label>{t('printing.queue')}</label>
            <span>
              <Input value={c.queue} maxLength={128} onChange={(e) => setCfg({ ...cfg, connection: { ...c, queue: e.target.value } })} data-testid="printer-queue" />
              <div className="muted">{t('printing.queueHint')}</div>
            </span>
          </>
        )}
        <DrawerFields cfg={cfg} setCfg={setCfg} />
        <label>{t('printing.width')}</label>
        <Radio.Group value={cfg.width} onChange={(e) => setCfg({ ...cfg, width: e.target.value as 58 | 80 })} optionType="button" options={[{ value: 58, label: '58 mm' }, { value: 80, label: '80 mm' }]} data-testid="printer-width" />
        <label>{t('printing.autoPrint')}</label>
        <span>
          <Switch checked={cfg.autoPrint} onChange={(v) => setCfg({ ...cfg, autoPrint: v })} data-testid="printer-auto" />
        </span>
        <label>{t('printing.pulse')}</label>
        <span>
          <Select value={p.m} options={[{ value: 0, label: 'm=00' }, { value: 1, label: 'm=01' }]} onChange={(m: 0 | 1) => setCfg({ ...cfg, drawerPulse: { ...p, m } })} />{' '}
          <InputNumber min={1} max={255} value={p.t1} onChange={(v) => setCfg({ ...cfg, drawerPulse: { ...p, t1: v ?? 0x19 } })} />{' '}
          <InputNumber min={1} max={255} value={p.t2} onChange={(v) => setCfg({ ...cfg, drawerPulse: { ...p, t2: v ?? 0xfa } })} />{' '}
          <code data-testid="printer-pulse">1B 70 {hex(p.m)} {hex(p.t1)} {hex(p.t2)}</code>
          <div className="muted">{t('printing.pulseHint')}</div>
        </span>
      </div>
      <div className="button-row">
        <Button type="primary" onClick={() => void save()} data-testid="printer-save">
          {t('printing.save')}
        </Button>
        <Button onClick={() => void test()} data-testid="printer-test">
          {t('printing.testPage')}
        </Button>
      </div>
      <div className="form-grid">
        <label>{t('cash.limit')}</label>
        <span>
          <Input value={limitText} placeholder={limit === null ? '' : formatFen(limit)} inputMode="decimal" maxLength={10} style={{ width: 120 }} onChange={(e) => setLimitText(e.target.value)} data-testid="cash-limit" />{' '}
          <Button onClick={() => void saveLimit()} data-testid="cash-limit-save">
            {t('common.ok')}
          </Button>
        </span>
      </div>
      {problem && <Alert type="error" showIcon title={problem} data-testid="printer-problem" />}
      <h4>{t('printing.preview')}</h4>
      <ReceiptPreview target={{ kind: 'test' }} width={cfg.width} />
      <PrintJobs />
    </Card>
  )
}
