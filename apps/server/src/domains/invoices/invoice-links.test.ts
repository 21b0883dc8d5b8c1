import { describe, expect, it } from 'vitest'
import { createManualClock } from '../../shared/clock.ts'
import { formatInvoiceNumber, isTaxIncluded } from './invoice.ts'
import { createInvoiceLinks } from './invoice-links.ts'

const secret = 'an-invoice-test-secret-long-enough-to-sign'
const grant = { orderId: 'ord_1', orderNumber: '#KAB12CD34EF', customerId: 'cus_1' }

describe('invoice links', () => {
  it('grants the order’s invoice to anyone holding the link, and to its customer when signed in', () => {
    const links = createInvoiceLinks({ clock: createManualClock(), secret })
    const { token, expiresAt } = links.issue(grant)
    expect(expiresAt).toBe('2026-12-01T09:00:00.000Z')
    expect(links.resolve(token, '#KAB12CD34EF', undefined)).toEqual({ ok: true, value: grant })
    expect(links.resolve(token, '#KAB12CD34EF', 'cus_1')).toEqual({ ok: true, value: grant })
  })

  it('refuses another customer, another order, a tampered token and an expired one', () => {
    const clock = createManualClock()
    const links = createInvoiceLinks({ clock, secret, lifetimeSeconds: 60 })
    const { token } = links.issue(grant)
    expect(links.resolve(token, '#KAB12CD34EF', 'cus_2')).toMatchObject({
      ok: false,
      reason: 'wrong-customer',
    })
    expect(links.resolve(token, '#W1234567', undefined)).toMatchObject({ reason: 'wrong-order' })
    expect(links.resolve(`${token.slice(0, -4)}AAAA`, '#KAB12CD34EF', undefined)).toMatchObject({
      reason: 'invalid-link',
    })
    expect(links.resolve('junk', '#KAB12CD34EF', undefined)).toMatchObject({
      reason: 'invalid-link',
    })
    const other = createInvoiceLinks({ clock, secret: `${secret}-other` })
    expect(other.resolve(token, '#KAB12CD34EF', undefined)).toMatchObject({
      reason: 'invalid-link',
    })
    clock.advance(61_000)
    expect(links.resolve(token, '#KAB12CD34EF', undefined)).toMatchObject({
      reason: 'expired-link',
    })
  })

  it('numbers invoices after their orders and tells whether the tax is in the prices', () => {
    expect(formatInvoiceNumber('#KAB12CD34EF')).toBe('INV-KAB12CD34EF')
    expect(formatInvoiceNumber('#W2378156')).toBe('INV-W2378156')
    const totals = { subtotalAmount: 10_000, discountAmount: 1_000, shippingAmount: 800 }
    expect(isTaxIncluded({ ...totals, taxAmount: 600, totalAmount: 9_800 })).toBe(true)
    expect(isTaxIncluded({ ...totals, taxAmount: 600, totalAmount: 10_400 })).toBe(false)
  })
})
