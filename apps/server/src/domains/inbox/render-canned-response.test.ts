import { describe, expect, it } from 'vitest'
import { renderCannedResponse } from './render-canned-response.ts'

describe('renderCannedResponse', () => {
  it('fills variables when they are known', () => {
    expect(
      renderCannedResponse('Hi {{customer.firstName}}, order {{ order.number }} is on its way.', {
        'customer.firstName': 'Mei',
        'order.number': '#W2378156',
      }),
    ).toEqual({ text: 'Hi Mei, order #W2378156 is on its way.', missing: [] })
  })

  it('reports and keeps missing variables when they are unknown or empty', () => {
    expect(
      renderCannedResponse('Hi {{customer.firstName}} from {{agent.name}}', { 'agent.name': '' }),
    ).toEqual({
      text: 'Hi {{customer.firstName}} from {{agent.name}}',
      missing: ['customer.firstName', 'agent.name'],
    })
  })
})
