/** Return labels as PDF (pdf-lib) with a Code 128 barcode (bwip-js). */
export { createPdfReturnLabelRenderer } from './pdf-return-label-renderer.ts'
