/** Everything printed on a return label. */
export interface ReturnLabel {
  readonly rmaNumber: string
  readonly orderNumber: string
  readonly sender: { readonly name: string; readonly lines: readonly string[] }
  readonly recipient: { readonly name: string; readonly lines: readonly string[] }
  readonly items: readonly string[]
  readonly instructions: string
  readonly issuedAt: string
}

/**
 * Renders a printable return label as PDF bytes with the RMA number as a Code 128 barcode (port owned
 * by returns; implemented by `adapters/return-label-pdf`).
 */
export interface ReturnLabelRenderer {
  render(label: ReturnLabel): Promise<Uint8Array>
}
