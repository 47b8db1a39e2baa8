// The cash drawer in the printer card: kicked through the printer (the usual
// wiring) or on a serial port of its own; the same ESC p pulse either way.
import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PrinterConfig } from '../../../../electron/shared/contract'
import { useDevicesStore } from '../../state/devices-store'

const BAUDS = [9600, 19200, 38400, 57600, 115200]

export function DrawerFields({ cfg, setCfg }: { cfg: PrinterConfig; setCfg: (c: PrinterConfig) => void }) {
  const { t } = useTranslation()
  const serialPaths = useDevicesStore((d) => d.serialPaths)
  const d = cfg.drawer
  const setKind = (k: PrinterConfig['drawer']['kind']) => {
    setCfg({ ...cfg, drawer: k === 'serial' ? { kind: 'serial', path: serialPaths[0] ?? '', baudRate: 9600 } : { kind: 'printer' } })
    if (k === 'serial') void useDevicesStore.getState().listPorts()
  }
  return (
    <>
      <label>{t('printing.drawer')}</label>
      <Select value={d.kind} onChange={setKind} options={(['printer', 'serial'] as const).map((k) => ({ value: k, label: t(`printing.drawerKind.${k}`) }))} data-testid="drawer-kind" />
      {d.kind === 'serial' && (
        <>
          <label>{t('printing.drawerPath')}</label>
          <Select value={d.path} showSearch options={serialPaths.map((s) => ({ value: s, label: s }))} onChange={(v: string) => setCfg({ ...cfg, drawer: { ...d, path: v } })} data-testid="drawer-path" />
          <label>{t('printing.baud')}</label>
          <Select value={d.baudRate} options={BAUDS.map((b) => ({ value: b, label: String(b) }))} onChange={(v: number) => setCfg({ ...cfg, drawer: { ...d, baudRate: v } })} />
        </>
      )}
    </>
  )
}
