import type { MessageDto, SupportedLocale } from '@kedai/contracts'
import { Fragment, h, type ComponentChild } from 'preact'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import {
  cartUpdatedEvent,
  countCartItems,
  type StoreClient,
  type StoreConfiguration,
} from '../shared/store-client.ts'
import {
  localeLabels,
  localeShortLabels,
  localeTags,
  storeLocales,
} from '../shared/store-locale.ts'
import type { ChatSession, ChatState } from './chat-session.ts'
import { bagIcon, chatIcon, closeIcon, resetIcon, sendIcon } from './icons.ts'
import { currentChoices, renderContent, type MessageActions } from './message-view.ts'
import { widgetText } from './widget-text.ts'

/** Name of the `window` event fired when the shopper picks a language (detail: the locale). */
export const localeChangedEvent = 'kedai:locale-changed'

/** Name of the `window` event a page fires to open the chat (detail: `{ message?: string }`). */
export const openEvent = 'kedai:open'

/** How the widget sits on the page. */
export const widgetModes = ['floating', 'inline', 'kiosk'] as const

/** One of {@link widgetModes}: a launcher bubble, a panel filling its container, or a kiosk screen. */
export type WidgetMode = (typeof widgetModes)[number]

/** Props of {@link ChatWidget}. */
export interface ChatWidgetProps {
  readonly session: ChatSession
  readonly store: StoreClient
  readonly configuration: StoreConfiguration
  readonly mode: WidgetMode
  readonly initialLocale: SupportedLocale
  readonly initiallyOpen: boolean
  /** Subtitle under the store name (the kiosk's store location). */
  readonly subtitle?: string
  /** The shopper picked a language (`announce`: in this widget, so tell the page). */
  readonly onLocaleChange: (locale: SupportedLocale, announce: boolean) => void
  readonly onOpenChange: (open: boolean) => void
  /** Kiosk only: forget this shopper's conversation and start afresh for the next one. */
  readonly onNewShopper?: () => void
  /** Where the cart page is, for the header's cart button (none in kiosk mode). */
  readonly cartUrl?: string
}

function useChatState(session: ChatSession): ChatState {
  const [state, setState] = useState(session.current)
  useEffect(() => session.subscribe(setState), [session])
  return state
}

function initialOf(name: string): string {
  return [...name.trim()][0]?.toUpperCase() ?? 'K'
}

function authorNameOf(message: MessageDto): string | undefined {
  const name = (message as MessageDto & { authorName?: unknown }).authorName
  return typeof name === 'string' && name.length > 0 ? name : undefined
}

/** The chat: launcher bubble (floating mode), header, message log, quick replies and composer. */
export function ChatWidget(props: ChatWidgetProps): ComponentChild {
  const { session, configuration } = props
  const state = useChatState(session)
  const [open, setOpen] = useState(props.mode !== 'floating' || props.initiallyOpen)
  const [locale, setLocale] = useState(props.initialLocale)
  const [draft, setDraft] = useState('')
  const [cartCount, setCartCount] = useState(0)
  const [unread, setUnread] = useState(0)
  const log = useRef<HTMLDivElement>(null)
  const input = useRef<HTMLTextAreaElement>(null)
  const launcher = useRef<HTMLButtonElement>(null)
  const seen = useRef(state.messages.length)
  const text = widgetText[locale]

  useEffect(() => {
    if (open) void session.start()
  }, [open, session])

  useEffect(() => {
    // The page can open the chat, optionally saying something for the shopper (cart checkout).
    const openFromPage = (event: Event) => {
      const detail = (event as CustomEvent<{ message?: unknown } | undefined>).detail
      changeOpen(true)
      if (typeof detail?.message === 'string') void session.sendText(detail.message)
    }
    window.addEventListener(openEvent, openFromPage)
    return () => window.removeEventListener(openEvent, openFromPage)
  })

  useEffect(() => {
    const follow = (event: Event) => {
      const next = (event as CustomEvent<unknown>).detail
      const known = storeLocales.find((candidate) => candidate === next)
      if (known !== undefined) {
        setLocale(known)
        props.onLocaleChange(known, false)
      }
    }
    window.addEventListener(localeChangedEvent, follow)
    return () => window.removeEventListener(localeChangedEvent, follow)
  }, [props.onLocaleChange])

  useEffect(() => {
    if (props.mode === 'kiosk') return
    const refresh = () => {
      props.store
        .fetchCart(locale)
        .then((cart) => setCartCount(countCartItems(cart)))
        .catch(() => undefined)
    }
    refresh()
    window.addEventListener(cartUpdatedEvent, refresh)
    return () => window.removeEventListener(cartUpdatedEvent, refresh)
  }, [props.store, props.mode, locale])

  useEffect(() => {
    const fresh = state.messages.length - seen.current
    seen.current = state.messages.length
    if (!open && fresh > 0) setUnread((count) => count + fresh)
  }, [state.messages, open])

  useLayoutEffect(() => {
    const element = log.current
    if (element !== null) element.scrollTop = element.scrollHeight
  }, [state.messages, state.outbox, state.typing, open])

  const changeOpen = (next: boolean) => {
    setOpen(next)
    props.onOpenChange(next)
    if (next) {
      setUnread(0)
      requestAnimationFrame(() => input.current?.focus())
    } else requestAnimationFrame(() => launcher.current?.focus())
  }

  const send = (value: string, label?: string) => {
    if (value.trim().length === 0) return
    void session.sendText(value, label)
  }

  const submit = (event: Event) => {
    event.preventDefault()
    send(draft)
    setDraft('')
    input.current?.focus()
  }

  const actions: MessageActions = {
    locale,
    text,
    onPostback: (payload, label) => send(payload, label),
    resolveUrl: (url) => {
      const resolved = new URL(url, props.store.baseUrl || location.href)
      return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : ''
    },
  }

  const rootClass = `root ${configuration.theme.position} ${props.mode === 'floating' ? '' : 'inline'} ${props.mode === 'kiosk' ? 'kiosk' : ''}`
  const rootStyle = `--kedai-primary:${configuration.theme.primaryColor};--kedai-accent:${configuration.theme.accentColor}`

  if (!open)
    return h(
      'div',
      { class: rootClass, style: rootStyle, lang: localeTags[locale] },
      h(
        'button',
        {
          type: 'button',
          class: 'launcher',
          ref: launcher,
          'aria-label': `${text.openChat} — ${configuration.name}`,
          'aria-expanded': 'false',
          'aria-haspopup': 'dialog',
          onClick: () => changeOpen(true),
        },
        chatIcon(),
        h('span', { class: 'label' }, text.openChat),
        unread > 0 ? h('span', { class: 'unread', 'aria-hidden': 'true' }, String(unread)) : null,
      ),
    )

  const isAgent = state.conversation?.status === 'agent-active'
  const welcome = configuration.welcome[locale] ?? configuration.welcome.en
  const choices = currentChoices(state.messages)
  const botAvatar = () =>
    configuration.theme.logoUrl === null
      ? initialOf(configuration.name)
      : h('img', { src: actions.resolveUrl(configuration.theme.logoUrl), alt: '' })

  const renderMessage = (message: MessageDto) => {
    if (message.content.type === 'system-notice')
      return h(Fragment, { key: message.id }, renderContent(message.content, actions))
    const fromShopper = message.authorRole === 'shopper'
    const fromAgent = message.authorRole === 'agent'
    return h(
      'div',
      {
        key: message.id,
        class: `row ${fromShopper ? 'shopper' : 'bot'}`,
        'data-sequence': message.sequence,
        'data-role': message.authorRole,
      },
      fromShopper
        ? null
        : h(
            'div',
            { class: `avatar ${fromAgent ? 'agent' : ''}`, 'aria-hidden': 'true' },
            fromAgent ? initialOf(authorNameOf(message) ?? 'A') : botAvatar(),
          ),
      h(
        'div',
        { class: 'stack' },
        fromAgent
          ? h('span', { class: 'author' }, authorNameOf(message) ?? text.teamMember)
          : h('span', { class: 'sr-only' }, fromShopper ? text.you : configuration.assistantName),
        renderContent(
          fromShopper && message.content.type === 'text'
            ? { ...message.content, text: session.displayTextOf(message.content.text) }
            : message.content,
          actions,
        ),
      ),
    )
  }

  return h(
    'div',
    { class: rootClass, style: rootStyle, lang: localeTags[locale] },
    h(
      'section',
      {
        class: 'panel',
        role: 'dialog',
        'aria-modal': 'false',
        'aria-labelledby': 'kedai-title',
        onKeyDown: (event: KeyboardEvent) => {
          if (event.key === 'Escape' && props.mode === 'floating') changeOpen(false)
        },
      },
      h(
        'header',
        { class: 'header' },
        h('div', { class: `avatar ${isAgent ? 'agent' : ''}`, 'aria-hidden': 'true' }, botAvatar()),
        h(
          'div',
          { class: 'title' },
          h('strong', { id: 'kedai-title' }, configuration.name),
          h(
            'span',
            null,
            h('i', { class: 'dot' }),
            state.connection === 'offline'
              ? text.offline
              : isAgent
                ? text.agentAnswering
                : (props.subtitle ?? text.assistant),
          ),
        ),
        h(
          'div',
          { class: 'header-actions' },
          h(
            'select',
            {
              class: 'language',
              'aria-label': text.language,
              value: locale,
              onChange: (event: Event) => {
                const next = (event.currentTarget as HTMLSelectElement).value as SupportedLocale
                setLocale(next)
                props.onLocaleChange(next, true)
              },
            },
            storeLocales.map((option) =>
              h(
                'option',
                { value: option, lang: localeTags[option], title: localeLabels[option] },
                localeShortLabels[option],
              ),
            ),
          ),
          props.cartUrl === undefined
            ? null
            : h(
                'a',
                {
                  class: 'icon-button',
                  href: props.cartUrl,
                  'aria-label': `${text.cart} (${cartCount})`,
                },
                bagIcon(),
                cartCount > 0
                  ? h(
                      'span',
                      { class: 'cart-count', 'data-testid': 'widget-cart-count' },
                      String(cartCount),
                    )
                  : null,
              ),
          props.onNewShopper === undefined
            ? null
            : h(
                'button',
                {
                  type: 'button',
                  class: 'icon-button',
                  'aria-label': text.newShopper,
                  title: text.newShopper,
                  onClick: props.onNewShopper,
                },
                resetIcon(),
              ),
          props.mode === 'floating'
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'icon-button',
                  'aria-label': text.closeChat,
                  onClick: () => changeOpen(false),
                },
                closeIcon(),
              )
            : null,
        ),
      ),
      h(
        'div',
        {
          class: 'log',
          ref: log,
          role: 'log',
          'aria-live': 'polite',
          'aria-label': text.messages,
          tabIndex: 0,
        },
        state.messages.length === 0
          ? h(
              'div',
              { class: 'row bot', 'data-role': 'welcome' },
              h('div', { class: 'avatar', 'aria-hidden': 'true' }, botAvatar()),
              h('div', { class: 'stack' }, h('div', { class: 'bubble' }, welcome)),
            )
          : null,
        state.messages.map(renderMessage),
        choices.length > 0
          ? h(
              'div',
              { class: 'choices', role: 'group', 'aria-label': text.suggestions },
              choices.map((choice) =>
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'choice',
                    onClick: () => send(choice.payload ?? choice.label, choice.label),
                  },
                  choice.label,
                ),
              ),
            )
          : null,
        state.outbox.map((pending) =>
          h(
            'div',
            { key: pending.clientMessageId, class: 'row shopper pending' },
            h(
              'div',
              { class: 'stack' },
              h(
                'div',
                { class: 'bubble' },
                pending.content.type === 'text' ? session.displayTextOf(pending.content.text) : '…',
              ),
              h(
                'span',
                { class: 'status-line', role: pending.failed ? 'alert' : undefined },
                pending.failed
                  ? [
                      text.notSent,
                      h(
                        'button',
                        { type: 'button', onClick: () => void session.retry() },
                        text.retry,
                      ),
                    ]
                  : text.sending,
              ),
            ),
          ),
        ),
        state.typing === undefined
          ? null
          : h(
              'div',
              { class: 'row bot' },
              h(
                'div',
                {
                  class: `avatar ${state.typing === 'agent' ? 'agent' : ''}`,
                  'aria-hidden': 'true',
                },
                botAvatar(),
              ),
              h(
                'div',
                {
                  class: 'typing',
                  role: 'status',
                  'aria-label': `${configuration.assistantName} ${text.typing}`,
                },
                h('i', null),
                h('i', null),
                h('i', null),
              ),
            ),
      ),
      state.problem === undefined
        ? null
        : h('div', { class: 'banner', role: 'alert' }, text.unreachable),
      h(
        'form',
        { class: 'composer', onSubmit: submit },
        h('label', { class: 'sr-only', for: 'kedai-input' }, text.placeholder),
        h('textarea', {
          id: 'kedai-input',
          ref: input,
          rows: 1,
          value: draft,
          placeholder: text.placeholder,
          maxLength: 4000,
          onInput: (event: Event) => setDraft((event.currentTarget as HTMLTextAreaElement).value),
          onKeyDown: (event: KeyboardEvent) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) submit(event)
          },
        }),
        h(
          'button',
          {
            type: 'submit',
            class: 'send',
            'aria-label': text.send,
            disabled: draft.trim().length === 0,
          },
          sendIcon(),
        ),
      ),
      props.mode === 'kiosk' ? null : h('div', { class: 'footer' }, text.poweredBy),
    ),
  )
}
