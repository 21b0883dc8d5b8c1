import { describe, expect, it } from 'vitest'
import { canTransitionOrder, orderStatuses, orderStatusTransitions } from './order-status.ts'

describe('order status transitions', () => {
  it('allows the lifecycle steps when they follow in order', () => {
    expect(canTransitionOrder('pending', 'processed')).toBe(true)
    expect(canTransitionOrder('processed', 'shipped')).toBe(true)
    expect(canTransitionOrder('shipped', 'delivered')).toBe(true)
    expect(canTransitionOrder('delivered', 'return-requested')).toBe(true)
    expect(canTransitionOrder('return-requested', 'return-received')).toBe(true)
    expect(canTransitionOrder('return-received', 'refunded')).toBe(true)
    expect(canTransitionOrder('pending', 'cancelled')).toBe(true)
  })

  it('refuses skipping or going back when the step is not in the table', () => {
    expect(canTransitionOrder('pending', 'delivered')).toBe(false)
    expect(canTransitionOrder('shipped', 'cancelled')).toBe(false)
    expect(canTransitionOrder('cancelled', 'pending')).toBe(false)
    expect(canTransitionOrder('refunded', 'delivered')).toBe(false)
  })

  it('names only known statuses when listing transitions', () => {
    for (const targets of Object.values(orderStatusTransitions)) {
      for (const target of targets) expect(orderStatuses).toContain(target)
    }
  })
})
