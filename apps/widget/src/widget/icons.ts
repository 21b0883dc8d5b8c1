import { h, type ComponentChild } from 'preact'

function icon(path: string, filled = false): ComponentChild {
  return h(
    'svg',
    {
      viewBox: '0 0 24 24',
      'aria-hidden': 'true',
      fill: filled ? 'currentColor' : 'none',
      stroke: filled ? 'none' : 'currentColor',
      'stroke-width': 2,
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
    },
    h('path', { d: path }),
  )
}

/** A speech bubble (launcher). */
export const chatIcon = (): ComponentChild =>
  icon('M21 12a8.5 8.5 0 0 1-12.4 7.6L3 21l1.5-5.2A8.5 8.5 0 1 1 21 12Z')
/** A cross (close). */
export const closeIcon = (): ComponentChild => icon('M6 6l12 12M18 6 6 18')
/** A paper plane (send). */
export const sendIcon = (): ComponentChild =>
  icon('M3.4 20.4 21 12 3.4 3.6l.1 6.5L15 12l-11.5 1.9Z', true)
/** A shopping bag (cart). */
export const bagIcon = (): ComponentChild => icon('M6 7h12l1 14H5L6 7Zm3 0V6a3 3 0 0 1 6 0v1')
/** A circular arrow (start afresh). */
export const resetIcon = (): ComponentChild => icon('M4 12a8 8 0 1 0 2.3-5.6M4 4v4h4')
