// The on-screen preview of a receipt: the SVG of the very document the printer
// gets (receiptline renders both), shown as an image at the chosen paper width.
import { Alert, Segmented } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrintTarget } from '../../../../electron/shared/contract'
import { useCashStore } from '../../state/cash-store'
import { errorText } from '../../lib/error-text'

export function ReceiptPreview({ target, width: initial }: { target: PrintTarget; width?: 58 | 80 }) {
  const { t } = useTranslation()
  const [width, setWidth] = useState<58 | 80>(initial ?? 58)
  const [svg, setSvg] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const key = JSON.stringify(target)
  useEffect(() => {
    let live = true
    void useCashStore.getState().preview(JSON.parse(key) as PrintTarget, width).then((r) => {
      if (!live) return
      setSvg(r.ok ? r.value.svg : null)
      setError(r.ok ? null : errorText(t, r.error))
    })
    return () => {
      live = false
    }
  }, [key, width, t])
  return (
    <div data-testid="receipt-preview-wrap">
      <Segmented<58 | 80> value={width} onChange={setWidth} options={[{ value: 58, label: '58 mm' }, { value: 80, label: '80 mm' }]} data-testid="preview-width" />
      {error && <Alert type="error" showIcon title={error} />}
      {svg && (
        <div className="receipt-preview" data-testid="receipt-preview" data-width={width}>
          <img alt={t('printing.preview')} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} />
        </div>
      )}
    </div>
  )
}
