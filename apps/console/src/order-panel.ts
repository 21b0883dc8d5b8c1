import { h, type ComponentChild } from 'preact'
import { useState } from 'preact/hooks'
import { consoleApi, formatMoney, type OrderDetails } from './console-api.ts'

/**
 * One of the customer's orders, opened on demand, with the order operations agents run on the
 * customer's behalf (the console order API of the orders area): cancel a pending order, start a
 * return of a delivered one to the original payment method.
 */
export function OrderPanel(props: {
  order: { number: string; status: string; total: { amount: number; currency: string } }
}): ComponentChild {
  const [details, setDetails] = useState<OrderDetails | undefined>(undefined)
  const [message, setMessage] = useState('')
  const run = async (action: () => Promise<unknown>, done: string) => {
    setMessage('')
    try {
      await action()
      setDetails(await consoleApi.order(props.order.number))
      setMessage(done)
    } catch (failure) {
      setMessage(failure instanceof Error ? failure.message : 'Failed')
    }
  }
  const open = () => run(async () => undefined, '')
  return h(
    'li',
    { 'data-order': props.order.number },
    h(
      'div',
      { class: 'row' },
      `${props.order.number} · ${props.order.status} · ${formatMoney(props.order.total)}`,
      details === undefined ? h('button', { onClick: open }, 'Details') : null,
    ),
    details === undefined
      ? null
      : h(
          'div',
          null,
          h(
            'ul',
            null,
            details.items.map((item) =>
              h('li', null, `${item.quantity} × ${item.name} (${item.sku})`),
            ),
          ),
          h('p', null, `Status: ${details.status}`),
          h(
            'div',
            { class: 'row' },
            details.status === 'pending'
              ? h(
                  'button',
                  {
                    onClick: () =>
                      run(
                        () => consoleApi.cancelOrder(details.number, 'no longer needed'),
                        'Order cancelled',
                      ),
                  },
                  'Cancel order',
                )
              : null,
            details.status === 'delivered' && details.payments[0] !== undefined
              ? h(
                  'button',
                  {
                    onClick: () =>
                      run(
                        () =>
                          consoleApi.startReturn(
                            details.number,
                            details.items.map((item) => item.sku),
                            details.payments[0]?.paymentMethod ?? '',
                          ),
                        'Return started',
                      ),
                  },
                  'Return all items',
                )
              : null,
          ),
        ),
    message === '' ? null : h('p', { role: 'status' }, message),
  )
}
