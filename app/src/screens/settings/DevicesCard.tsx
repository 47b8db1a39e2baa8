// Scanner and face camera: choice, live status, and a test-scan box.
import { App, Button, Card, Input, InputNumber, Select, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { DeviceStatus, FaceConfig, ScannerConfig, ProofInput } from '../../../../electron/shared/contract'
import { messageText, scanRejectText } from '../../lib/message-text'
import { useDevicesStore } from '../../state/devices-store'
import { errorText } from '../../lib/error-text'

const COLOR: Record<DeviceStatus['state'], string> = { connected: 'green', connecting: 'gold', disconnected: 'default', failed: 'red', disabled: 'default' }

function StatusTag({ status }: { status: DeviceStatus | undefined }) {
  const { t } = useTranslation()
  if (!status) return <Tag>—</Tag>
  return (
    <Tag className="device-status" color={COLOR[status.state]} data-testid={`device-status-${status.device}`}>
      {t(`settings.deviceStates.${status.state}`)}
      {` · ${messageText(t, status.detail)}`}
    </Tag>
  )
}

/** `pin`: the supervisor PIN typed at the top of Settings (a vendor face SDK is native code: the core asks for it). */
export function DevicesCard({ pin }: { pin?: ProofInput }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const d = useDevicesStore(useShallow((s) => ({ status: s.status, config: s.config, lastScan: s.lastScan, lastRejected: s.lastRejected, serialPaths: s.serialPaths })))
  const [scanner, setScanner] = useState<ScannerConfig | null>(null)
  const [face, setFace] = useState<FaceConfig | null>(null)
  const [folders, setFolders] = useState<string | null>(null)

  useEffect(() => {
    void useDevicesStore.getState().load()
    void useDevicesStore.getState().listPorts()
  }, [])

  const sc = scanner ?? d.config?.scanner ?? { kind: 'wedge' }
  const fc = face ?? d.config?.face ?? { kind: 'none' }

  const scannerKind = (kind: ScannerConfig['kind']): ScannerConfig =>
    kind === 'hid'
      ? { kind, vendorId: 0, productId: 0, protocol: 'keyboard' }
      : kind === 'serial'
        ? { kind, path: d.serialPaths[0] ?? '/dev/ttyUSB0', baudRate: 9600, terminator: 'CR' }
        : { kind }
  // The allow-list is the supervisor's: the core asks for the PIN typed at the top of Settings.
  const saveFolders = async (text: string) => {
    const list = text.split(';').map((f) => f.trim()).filter(Boolean)
    const r = await useDevicesStore.getState().setFaceSdkFolders(list, pin)
    if (r.ok) {
      setFolders(null)
      void message.success(t('settings.saved'))
    } else void message.error(t('settings.failed', { message: errorText(t, r.error) }))
  }
  const apply = async () => {
    const r = await useDevicesStore.getState().configure({ scanner: sc, face: fc }, pin)
    if (r.ok) {
      setScanner(null)
      setFace(null)
      void message.success(t('settings.saved'))
    } else void message.error(t('settings.failed', { message: errorText(t, r.error) }))
  }

  return (
    <Card title={t('settings.devices')} data-testid="devices">
      <div className="form-grid">
        <label>{t('settings.scanner')}</label>
        <div>
          <Select
            value={sc.kind}
            style={{ width: 200 }}
            onChange={(k) => setScanner(scannerKind(k))}
            options={(['wedge', 'hid', 'serial', 'simulated'] as const).map((k) => ({ value: k, label: t(`settings.scannerKinds.${k}`) }))}
            data-testid="scanner-kind"
          />{' '}
          <StatusTag status={d.status.scanner} />
        </div>
        {sc.kind === 'hid' && (
          <>
            <label>
              {t('settings.vendorId')} / {t('settings.productId')}
            </label>
            <div>
              <InputNumber min={0} max={0xffff} value={sc.vendorId} onChange={(v) => setScanner({ ...sc, vendorId: v ?? 0 })} />{' '}
              <InputNumber min={0} max={0xffff} value={sc.productId} onChange={(v) => setScanner({ ...sc, productId: v ?? 0 })} />{' '}
              <Select
                value={sc.protocol}
                style={{ width: 120 }}
                onChange={(protocol) => setScanner({ ...sc, protocol })}
                options={[
                  { value: 'keyboard', label: 'keyboard' },
                  { value: 'pos', label: 'HID POS' },
                ]}
              />
            </div>
          </>
        )}
        {sc.kind === 'serial' && (
          <>
            <label>{t('settings.serialPath')}</label>
            <div>
              <Select
                value={sc.path}
                style={{ width: 200 }}
                onChange={(path) => setScanner({ ...sc, path })}
                options={[...new Set([sc.path, ...d.serialPaths])].map((p) => ({ value: p, label: p }))}
              />{' '}
              <Select
                value={sc.baudRate}
                style={{ width: 110 }}
                onChange={(baudRate) => setScanner({ ...sc, baudRate })}
                options={[9600, 19200, 38400, 57600, 115200].map((b) => ({ value: b, label: String(b) }))}
              />{' '}
              <Select
                value={sc.terminator}
                style={{ width: 110 }}
                onChange={(terminator) => setScanner({ ...sc, terminator })}
                options={(['CR', 'LF', 'CRLF', 'timeout'] as const).map((x) => ({ value: x, label: x }))}
              />
            </div>
          </>
        )}
        <label>{t('settings.face')}</label>
        <div>
          <Select
            value={fc.kind}
            style={{ width: 200 }}
            onChange={(k) => setFace(k === 'vendor' ? { kind: 'vendor', libraryPath: '' } : { kind: k })}
            options={(['none', 'simulated', 'vendor'] as const).map((k) => ({ value: k, label: t(`settings.faceKinds.${k}`) }))}
            data-testid="face-kind"
          />{' '}
          <StatusTag status={d.status.face} />
        </div>
        {fc.kind === 'vendor' && (
          <>
            <label>{t('settings.libraryPath')}</label>
            <Input value={fc.libraryPath} maxLength={512} onChange={(e) => setFace({ ...fc, libraryPath: e.target.value })} data-testid="face-library" />
            <label>{t('settings.librarySha256')}</label>
            <Input
              value={fc.sha256 ?? ''}
              maxLength={64}
              placeholder={t('settings.librarySha256Hint')}
              onChange={(e) => {
                const { sha256: _old, ...rest } = fc
                const v = e.target.value.trim().toLowerCase()
                setFace(v ? { ...rest, sha256: v } : rest)
              }}
              data-testid="face-sha256"
            />
            <span />
            <p className="muted settings-hint" data-testid="face-sdk-folders">
              {t('settings.faceSdkFolders', { folders: (d.config?.faceSdkFolders ?? []).join('；') })}
            </p>
            <label>{t('settings.faceSdkFoldersLabel')}</label>
            <Input.Search
              value={folders ?? (d.config?.faceSdkFolders ?? []).join(';')}
              maxLength={2048}
              enterButton={t('settings.faceSdkFoldersSave')}
              onChange={(e) => setFolders(e.target.value)}
              onSearch={(v) => void saveFolders(v)}
              data-testid="face-sdk-folders-input"
            />
          </>
        )}
      </div>
      <Button type="primary" onClick={() => void apply()} data-testid="devices-apply">
        {t('settings.apply')}
      </Button>
      <div className="test-scan" data-testid="test-scan">
        <strong>{t('settings.testScan')}</strong>
        <p className="muted">{t('settings.testScanHint')}</p>
        {d.lastScan && (
          <p data-testid="test-scan-result">
            {t('settings.lastScan', {
              code: d.lastScan.code,
              paytype: d.lastScan.paytype ? t(`paytype.${d.lastScan.paytype}`) : t('settings.notPayment'),
            })}
          </p>
        )}
        {d.lastRejected && <p className="panel-error">{t('settings.lastRejected', { message: scanRejectText(t, d.lastRejected.reason) })}</p>}
      </div>
    </Card>
  )
}
