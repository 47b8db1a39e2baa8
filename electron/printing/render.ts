// One document, two renderings: ESC/POS bytes (GB18030, the printer switched
// to its Chinese mode by the layout library) and SVG for the on-screen preview.
import { transform } from 'receiptline'
import { COLUMNS, type PaperWidth } from './receipt-data'

export function renderEscPos(doc: string, width: PaperWidth): Uint8Array {
  // receiptline returns the command bytes as a binary (latin1) string.
  const binary = transform(doc, { cpl: COLUMNS[width], encoding: 'gb18030', command: 'escpos', cutting: true, spacing: false })
  return new Uint8Array(Buffer.from(binary, 'latin1'))
}

export function renderSvg(doc: string, width: PaperWidth): string {
  return transform(doc, { cpl: COLUMNS[width], encoding: 'gb18030', command: 'svg', spacing: false })
}
