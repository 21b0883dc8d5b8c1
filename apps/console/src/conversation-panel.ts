import { h, type ComponentChild } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import {
  consoleApi,
  formatMoney,
  type Agent,
  type ConversationView,
  type HandOffSummary,
  type Member,
  type Message,
} from './console-api.ts'
import { OrderPanel } from './order-panel.ts'

function messageText(message: Message): string {
  const content = message.content
  if (content.type === 'quick-replies') {
    return `${content.text ?? ''}  [${(content.choices ?? []).map((choice) => choice.label).join(' | ')}]`
  }
  return content.text ?? content.title ?? `(${content.type})`
}

function hasSummary(summary: unknown): summary is HandOffSummary {
  return typeof summary === 'object' && summary !== null && 'wants' in summary
}

/** The summary the agent reads first. */
function SummaryBlock(props: { view: ConversationView }): ComponentChild {
  const summary = props.view.handOver?.summary
  if (!hasSummary(summary)) return h('p', null, 'No hand-over summary.')
  return h(
    'div',
    { 'data-testid': 'summary' },
    h('h3', null, 'Summary'),
    h('p', null, h('strong', null, 'Wants: '), summary.wants || '—'),
    h(
      'p',
      null,
      h('span', { class: 'badge' }, `language ${summary.language}`),
      h('span', { class: 'badge' }, `sentiment ${summary.sentiment.label}`),
      summary.reasons.map((reason) => h('span', { class: 'badge' }, reason)),
    ),
    summary.botTried.length === 0
      ? null
      : h(
          'div',
          null,
          h('strong', null, 'The bot tried:'),
          h(
            'ul',
            null,
            summary.botTried.map((text) => h('li', null, text)),
          ),
        ),
    h(
      'p',
      null,
      h('strong', null, 'Intents: '),
      summary.intents
        .map((entry) => `${entry.intent ?? '?'} ${entry.confidence?.toFixed(2) ?? ''}`)
        .join(', ') || '—',
    ),
    summary.policy === null
      ? null
      : h(
          'p',
          null,
          h('strong', null, `Policy — ${summary.policy.title}: `),
          summary.policy.excerpt,
        ),
  )
}

/** The conversation: transcript, composer and actions (accept, reply, note, transfer, resolve, discount). */
export function ConversationPanel(props: {
  member: Member
  conversationId: string
  revision: number
  onChanged: () => void
}): ComponentChild {
  const [view, setView] = useState<ConversationView | undefined>(undefined)
  const [draft, setDraft] = useState('')
  const [note, setNote] = useState('')
  const [resolution, setResolution] = useState('')
  const [percent, setPercent] = useState('10')
  const [agents, setAgents] = useState<Agent[]>([])
  const [canned, setCanned] = useState<{ shortcut: string; title: string }[]>([])
  const [status, setStatus] = useState('')
  const load = async () => {
    try {
      setView(await consoleApi.conversation(props.conversationId))
    } catch (failure) {
      setStatus(failure instanceof Error ? failure.message : 'Could not load')
    }
  }
  useEffect(() => {
    void load()
  }, [props.conversationId, props.revision])
  useEffect(() => {
    void consoleApi.agents().then((result) => setAgents(result.agents))
    void consoleApi.cannedResponses().then((result) => setCanned(result.cannedResponses))
  }, [])
  const act = async (action: () => Promise<unknown>, done?: string) => {
    setStatus('')
    try {
      await action()
      if (done !== undefined) setStatus(done)
      await load()
      props.onChanged()
    } catch (failure) {
      setStatus(failure instanceof Error ? failure.message : 'Failed')
    }
  }
  if (view === undefined) return h('section', null, status === '' ? 'Loading…' : status)
  const handOver = view.handOver
  const isOpen = handOver !== null && ['queued', 'offered', 'assigned'].includes(handOver.status)
  const isMine = handOver?.assignedAgentId === props.member.id
  return [
    h(
      'section',
      { 'data-testid': 'conversation' },
      h(
        'h2',
        null,
        `Conversation ${view.conversation.id} · ${view.conversation.channel} · ${view.conversation.status}`,
      ),
      h(SummaryBlock, { view }),
      h('h3', null, 'Transcript'),
      h(
        'div',
        { class: 'transcript', 'data-testid': 'transcript' },
        view.messages.map((message) =>
          h(
            'div',
            { key: message.id, class: `message ${message.authorRole}` },
            h('small', null, `${message.authorRole} · ${message.createdAt.slice(11, 16)}`),
            messageText(message),
          ),
        ),
      ),
      view.notes.map((entry) => h('div', { class: 'note', key: entry.id }, `Note: ${entry.body}`)),
      status === '' ? null : h('p', { class: 'error', role: 'status' }, status),
      isOpen && !isMine && handOver !== null
        ? h(
            'button',
            {
              class: 'primary',
              'data-testid': 'accept',
              onClick: () => act(() => consoleApi.accept(handOver.id)),
            },
            'Accept conversation',
          )
        : null,
      h(
        'div',
        { class: 'composer' },
        h(
          'div',
          { class: 'row' },
          h(
            'select',
            {
              'aria-label': 'Canned response',
              onChange: (event: Event) => {
                const shortcut = (event.target as HTMLSelectElement).value
                if (shortcut === '') return
                void consoleApi.renderCanned(shortcut, view.conversation.id).then((rendered) => {
                  setDraft(rendered.text)
                  setStatus(
                    rendered.missing.length === 0 ? '' : `Fill in: ${rendered.missing.join(', ')}`,
                  )
                })
              },
            },
            h('option', { value: '' }, 'Canned response…'),
            canned.map((entry) => h('option', { value: entry.shortcut }, entry.title)),
          ),
        ),
        h('textarea', {
          rows: 3,
          'data-testid': 'reply',
          placeholder: 'Reply to the shopper…',
          value: draft,
          onInput: (event: Event) => setDraft((event.target as HTMLTextAreaElement).value),
        }),
        h(
          'div',
          { class: 'row' },
          h(
            'button',
            {
              class: 'primary',
              'data-testid': 'send',
              disabled: draft.trim() === '' || !isOpen,
              onClick: () =>
                act(async () => {
                  await consoleApi.reply(view.conversation.id, draft.trim())
                  setDraft('')
                }),
            },
            'Send',
          ),
          h('input', {
            placeholder: 'Private note',
            value: note,
            onInput: (event: Event) => setNote((event.target as HTMLInputElement).value),
          }),
          h(
            'button',
            {
              disabled: note.trim() === '',
              onClick: () =>
                act(async () => {
                  await consoleApi.note(view.conversation.id, note.trim())
                  setNote('')
                }),
            },
            'Add note',
          ),
        ),
        handOver === null || !isOpen
          ? null
          : h(
              'div',
              { class: 'row' },
              h(
                'select',
                {
                  'aria-label': 'Transfer to',
                  onChange: (event: Event) => {
                    const target = (event.target as HTMLSelectElement).value
                    if (target === '') return
                    const [kind, value] = target.split(':')
                    void act(
                      () =>
                        consoleApi.transfer(
                          handOver.id,
                          kind === 'team' ? { team: value } : { agentId: value },
                        ),
                      'Transferred',
                    )
                  },
                },
                h('option', { value: '' }, 'Transfer to…'),
                agents
                  .filter((agent) => agent.id !== props.member.id)
                  .map((agent) =>
                    h(
                      'option',
                      { value: `agent:${agent.id}` },
                      `${agent.displayName} (${agent.presence}, ${agent.openConversations}/${agent.capacity})`,
                    ),
                  ),
                [...new Set(agents.map((agent) => agent.team).filter((team) => team !== null))].map(
                  (team) => h('option', { value: `team:${team}` }, `Team ${team}`),
                ),
              ),
              h('input', {
                placeholder: 'Resolution note',
                'data-testid': 'resolution',
                value: resolution,
                onInput: (event: Event) => setResolution((event.target as HTMLInputElement).value),
              }),
              h(
                'button',
                {
                  'data-testid': 'resolve',
                  disabled: !isMine && props.member.role !== 'admin',
                  onClick: () => act(() => consoleApi.resolve(handOver.id, resolution), 'Resolved'),
                },
                'Resolve',
              ),
            ),
        h(
          'div',
          { class: 'row' },
          h('input', {
            type: 'number',
            min: 1,
            max: 50,
            'aria-label': 'Discount percent',
            value: percent,
            onInput: (event: Event) => setPercent((event.target as HTMLInputElement).value),
          }),
          h(
            'button',
            {
              onClick: () =>
                act(async () => {
                  const coupon = await consoleApi.discount(view.conversation.id, Number(percent))
                  setStatus(`Coupon ${coupon.code} sent`)
                }),
            },
            '% special discount — approve and send',
          ),
        ),
      ),
    ),
    h(
      'section',
      { 'data-testid': 'records' },
      h('h3', null, 'Customer'),
      view.customer === null
        ? h('p', null, 'Guest (not signed in)')
        : h(
            'div',
            null,
            h('p', null, h('strong', null, view.customer.name)),
            h('p', null, view.customer.email ?? ''),
            h('p', null, view.customer.phone ?? ''),
            h('p', null, `${view.customer.loyaltyTier} · ${view.customer.loyaltyPoints} points`),
          ),
      h('h3', null, 'Recent orders'),
      view.recentOrders.length === 0
        ? h('p', null, 'None')
        : h(
            'ul',
            null,
            view.recentOrders.map((order) => h(OrderPanel, { key: order.id, order })),
          ),
      h('h3', null, 'Cart'),
      view.cart === null
        ? h('p', null, 'Empty')
        : h(
            'ul',
            null,
            view.cart.lines.map((line) =>
              h('li', null, `${line.quantity} × ${line.name} · ${formatMoney(line.unitPrice)}`),
            ),
            h('li', null, h('strong', null, `Subtotal ${formatMoney(view.cart.subtotal)}`)),
          ),
      handOver?.contact === null || handOver === null
        ? null
        : h(
            'div',
            null,
            h('h3', null, 'Contact left'),
            h('p', null, `${handOver.contact.email ?? ''} ${handOver.contact.phone ?? ''}`),
          ),
    ),
  ]
}
