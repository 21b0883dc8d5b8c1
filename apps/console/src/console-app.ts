import { h, type ComponentChild } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { consoleApi, type HandOver, type Member } from './console-api.ts'
import { CannedResponsesView } from './canned-responses-view.ts'
import { ConversationPanel } from './conversation-panel.ts'
import { SignInForm } from './sign-in-form.ts'
import { TrainingView } from './training-view.ts'

const statusFilters = ['', 'queued', 'offered', 'assigned', 'ticket', 'resolved']
const topicFilters = ['', 'orders', 'returns', 'payments', 'fraud', 'sales', 'general']
const languageFilters = ['', 'en', 'ms', 'zh-Hant', 'zh-Hans']

/** Reconnects the console WebSocket and calls `onEvent` on every frame. */
function useConsoleSocket(enabled: boolean, onEvent: () => void): void {
  useEffect(() => {
    if (!enabled) return
    let socket: WebSocket | undefined
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const connect = () => {
      const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
      socket = new WebSocket(`${protocol}//${location.host}/api/console/ws`)
      socket.onmessage = () => onEvent()
      socket.onclose = () => {
        if (!stopped) timer = setTimeout(connect, 2_000)
      }
    }
    connect()
    return () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      socket?.close()
    }
  }, [enabled])
}

function InboxList(props: {
  member: Member
  revision: number
  selected: string | undefined
  onSelect: (conversationId: string) => void
}): ComponentChild {
  const [filters, setFilters] = useState({ status: '', topic: '', language: '', mine: '' })
  const [handOvers, setHandOvers] = useState<HandOver[]>([])
  const [error, setError] = useState('')
  useEffect(() => {
    consoleApi
      .inbox(filters)
      .then((result) => {
        setHandOvers(result.handOvers)
        setError('')
      })
      .catch((failure: unknown) =>
        setError(failure instanceof Error ? failure.message : 'Could not load'),
      )
  }, [filters, props.revision])
  const select = (name: keyof typeof filters, options: string[]) =>
    h(
      'select',
      {
        'aria-label': name,
        value: filters[name],
        onChange: (event: Event) =>
          setFilters({ ...filters, [name]: (event.target as HTMLSelectElement).value }),
      },
      options.map((value) => h('option', { value }, value === '' ? `any ${name}` : value)),
    )
  return h(
    'section',
    { 'data-testid': 'inbox' },
    h('h2', null, 'Inbox'),
    h(
      'div',
      { class: 'filters' },
      select('status', statusFilters),
      select('topic', topicFilters),
      select('language', languageFilters),
      h(
        'label',
        null,
        h('input', {
          type: 'checkbox',
          checked: filters.mine === 'true',
          onChange: (event: Event) =>
            setFilters({
              ...filters,
              mine: (event.target as HTMLInputElement).checked ? 'true' : '',
            }),
        }),
        ' mine',
      ),
    ),
    error === '' ? null : h('p', { class: 'error' }, error),
    handOvers.length === 0 ? h('p', null, 'Nobody is waiting.') : null,
    handOvers.map((handOver) => {
      const summary = handOver.summary as { wants?: string }
      const forMe = handOver.offeredAgentId === props.member.id
      return h(
        'div',
        {
          key: handOver.id,
          class: `item ${props.selected === handOver.conversationId ? 'selected' : ''}`,
          'data-conversation': handOver.conversationId,
          onClick: () => props.onSelect(handOver.conversationId),
        },
        h(
          'span',
          { class: `badge ${handOver.status}` },
          forMe ? 'offered to you' : handOver.status,
        ),
        h('span', { class: 'badge' }, handOver.topic),
        h('span', { class: 'badge' }, handOver.language),
        handOver.queuePlace === null || handOver.queuePlace === undefined
          ? null
          : h(
              'span',
              { class: 'badge' },
              `#${handOver.queuePlace.position}${handOver.queuePlace.waitMinutes === null ? '' : ` · ~${handOver.queuePlace.waitMinutes} min`}`,
            ),
        h('div', null, summary.wants ?? ''),
      )
    }),
  )
}

/** The console: sign-in, then the inbox and a conversation, or the training examples. */
export function ConsoleApp(): ComponentChild {
  const [member, setMember] = useState<Member | undefined | null>(undefined)
  const [tab, setTab] = useState<'inbox' | 'training' | 'canned'>('inbox')
  const [selected, setSelected] = useState<string | undefined>(undefined)
  const [revision, setRevision] = useState(0)
  useEffect(() => {
    consoleApi
      .session()
      .then((result) => setMember(result.member))
      .catch(() => setMember(null))
  }, [])
  useConsoleSocket(member !== undefined && member !== null, () =>
    setRevision((current) => current + 1),
  )
  if (member === undefined) return h('p', null, 'Loading…')
  if (member === null) return h(SignInForm, { onSignedIn: setMember })
  return h(
    'div',
    null,
    h(
      'header',
      null,
      h('strong', null, 'Kedai console'),
      h(
        'nav',
        null,
        h(
          'button',
          { class: tab === 'inbox' ? 'active' : '', onClick: () => setTab('inbox') },
          'Inbox',
        ),
        h(
          'button',
          { class: tab === 'training' ? 'active' : '', onClick: () => setTab('training') },
          'Training',
        ),
        member.role === 'admin'
          ? h(
              'button',
              { class: tab === 'canned' ? 'active' : '', onClick: () => setTab('canned') },
              'Canned responses',
            )
          : null,
      ),
      h('span', { class: 'spacer' }),
      h('span', { 'data-testid': 'member' }, `${member.displayName} (${member.role})`),
      h(
        'select',
        {
          'aria-label': 'Presence',
          value: member.presence,
          onChange: (event: Event) => {
            const presence = (event.target as HTMLSelectElement).value as Member['presence']
            void consoleApi.setPresence(presence).then(() => setMember({ ...member, presence }))
          },
        },
        ['online', 'away', 'offline'].map((value) => h('option', { value }, value)),
      ),
      h(
        'button',
        { onClick: () => void consoleApi.signOut().then(() => setMember(null)) },
        'Sign out',
      ),
    ),
    tab === 'canned'
      ? h('main', { class: 'single' }, h(CannedResponsesView, null))
      : tab === 'training'
        ? h('main', { class: 'single' }, h(TrainingView, { member }))
        : h(
            'main',
            null,
            h(InboxList, { member, revision, selected, onSelect: setSelected }),
            selected === undefined
              ? h('section', null, h('p', null, 'Choose a conversation.'))
              : h(ConversationPanel, {
                  member,
                  conversationId: selected,
                  revision,
                  onChanged: () => setRevision((current) => current + 1),
                }),
          ),
  )
}
