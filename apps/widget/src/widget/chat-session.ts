import type {
  ClientFrame,
  ConversationDto,
  CreateConversationRequest,
  InboundContent,
  MessageDto,
  PostMessageResponse,
  ServerFrame,
  SupportedLocale,
} from '@kedai/contracts'
import { dropDelivered, lastSequenceOf, mergeMessages } from './merge-messages.ts'

/** Where the session's link to the server stands. */
export const connectionStates = ['idle', 'connecting', 'online', 'offline', 'refused'] as const

/** One of {@link connectionStates}. */
export type ConnectionState = (typeof connectionStates)[number]

/** A message the shopper sent that the server has not confirmed yet. */
export interface PendingMessage {
  readonly clientMessageId: string
  readonly content: InboundContent
  readonly failed: boolean
}

/** Everything the chat view shows. */
export interface ChatState {
  readonly connection: ConnectionState
  readonly conversation: ConversationDto | undefined
  readonly messages: readonly MessageDto[]
  readonly outbox: readonly PendingMessage[]
  readonly typing: 'bot' | 'agent' | undefined
  /** A problem to show the shopper (already translated by the view from this code). */
  readonly problem: 'origin-not-allowed' | 'unreachable' | undefined
}

/** What a session needs from its page. */
export interface ChatSessionOptions {
  /** Origin of the Kedai server (`https://kedai.shop.example`). */
  readonly baseUrl: string
  /** Prefix of the localStorage keys of this store's widget. */
  readonly storageKey: string
  readonly locale: () => SupportedLocale
  /** Extra context the server should attach to the conversation (shared cart, kiosk store). */
  readonly context: () => { readonly cartToken?: string; readonly locationCode?: string }
  /**
   * Runs before the conversation is opened and before each message (the storefront opens the
   * shared cart here, so the assistant always has the page's cart to work on). Must not throw.
   */
  readonly prepare?: () => Promise<void>
  /** Called after each bot reply, so the page can refetch what the bot may have changed. */
  readonly onReplies?: (replies: readonly MessageDto[]) => void
}

/** Header proving access to the conversation (its token comes with the conversation). */
export const conversationTokenHeader = 'x-kedai-conversation-token'
/** Header carrying the shared cart token (see docs/architecture/widget.md). */
export const cartTokenHeader = 'x-kedai-cart-token'
/** Header carrying the kiosk's store location code. */
export const locationHeader = 'x-kedai-location'

const reconnectDelaysMs = [500, 1_000, 2_000, 4_000, 8_000, 15_000] as const
const pollIntervalMs = 4_000

function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return `${prefix}_${Date.now().toString(36)}${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`
}

/**
 * One shopper's conversation with the store: opens or restores it (history survives page loads),
 * sends messages idempotently (each has a client message id kept in an outbox until the server
 * confirms it, so a retry after a lost connection never doubles a message), and listens on the web
 * channel's WebSocket, resuming after the last sequence on every reconnect. When the socket is not
 * available it polls the history instead.
 */
export class ChatSession {
  private state: ChatState = {
    connection: 'idle',
    conversation: undefined,
    messages: [],
    outbox: [],
    typing: undefined,
    problem: undefined,
  }
  private readonly listeners = new Set<(state: ChatState) => void>()
  private socket: WebSocket | undefined
  private reconnectAttempt = 0
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined
  private pollTimer: ReturnType<typeof setInterval> | undefined
  private flushing = false
  private started: Promise<void> | undefined
  private closed = false
  /** Once a socket has opened here, a failed reconnect is an outage to wait out, not a missing feature. */
  private socketHasWorked = false

  private tappedLabels: Record<string, string> = {}

  constructor(private readonly options: ChatSessionOptions) {
    this.state = { ...this.state, outbox: this.readStoredOutbox() }
    try {
      const stored = JSON.parse(this.readStorage('labels') ?? '{}') as unknown
      if (typeof stored === 'object' && stored !== null)
        this.tappedLabels = stored as Record<string, string>
    } catch {
      this.tappedLabels = {}
    }
  }

  /** The current state. */
  get current(): ChatState {
    return this.state
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (state: ChatState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Opens (or restores) the conversation and connects; safe to call more than once. */
  start(): Promise<void> {
    this.started ??= this.open().catch(() => {
      this.started = undefined
    })
    return this.started
  }

  /** Whether this browser already has a conversation with the store (so history can be shown). */
  hasStoredConversation(): boolean {
    return this.readStorage('conversation') !== undefined
  }

  /**
   * What to show for a shopper message: the label of the button or choice that sent it (its
   * payload is often machine text such as `/intent:add_to_cart?variant=…`), else the text itself.
   */
  displayTextOf(text: string): string {
    return this.tappedLabels[text] ?? text
  }

  /** Sends text typed or tapped by the shopper (`label`: what the tapped control said). */
  async sendText(text: string, label?: string): Promise<void> {
    const trimmed = text.trim()
    if (trimmed.length === 0) return
    if (label !== undefined && label !== trimmed) {
      this.tappedLabels = { ...this.tappedLabels, [trimmed]: label }
      this.writeStorage('labels', JSON.stringify(this.tappedLabels))
    }
    const pending: PendingMessage = {
      clientMessageId: randomId('web'),
      content: { type: 'text', text: trimmed.slice(0, 4_000) },
      failed: false,
    }
    this.update({ outbox: [...this.state.outbox, pending] })
    await this.start()
    await this.flushOutbox()
  }

  /** Retries the messages that could not be sent. */
  async retry(): Promise<void> {
    this.update({ outbox: this.state.outbox.map((pending) => ({ ...pending, failed: false })) })
    if (this.state.conversation === undefined) await this.start()
    await this.flushOutbox()
  }

  /** Stops listening (the page is going away or the widget is removed). */
  stop(): void {
    this.closed = true
    clearTimeout(this.reconnectTimer)
    clearInterval(this.pollTimer)
    this.socket?.close()
  }

  private async open(): Promise<void> {
    this.update({ connection: 'connecting', problem: undefined })
    const storedId = this.readStorage('conversation')
    try {
      if (storedId !== undefined) {
        const restored = await this.restore(storedId)
        if (!restored) await this.create()
      } else {
        await this.create()
      }
    } catch (error) {
      this.update({
        connection: 'offline',
        problem: isRefusedOrigin(error) ? 'origin-not-allowed' : 'unreachable',
      })
      if (isRefusedOrigin(error)) this.update({ connection: 'refused' })
      throw error
    }
    this.connectSocket()
    await this.flushOutbox()
  }

  private async restore(conversationId: string): Promise<boolean> {
    if (this.readStorage('conversation-token') === undefined) return false
    const path = `/api/conversations/${encodeURIComponent(conversationId)}`
    const [conversationResponse, response] = await Promise.all([
      this.request(path),
      this.request(`${path}/messages?limit=200`),
    ])
    // Unknown, or the token expired or belongs elsewhere: start a new conversation.
    if ([401, 403, 404].includes(response.status)) return false
    if (!response.ok) throw new HttpFailure(response.status, await response.text())
    if (!conversationResponse.ok)
      throw new HttpFailure(conversationResponse.status, await conversationResponse.text())
    const conversation = (await conversationResponse.json()) as ConversationDto
    const page = (await response.json()) as { messages: MessageDto[] }
    this.update({
      conversation,
      messages: mergeMessages(this.state.messages, page.messages),
      outbox: dropDelivered(this.state.outbox, page.messages),
    })
    return true
  }

  private async create(): Promise<void> {
    await this.options.prepare?.()
    const cartToken = this.options.context().cartToken
    // `cartToken` is the proposed contract field (docs/architecture/widget.md); until the server
    // knows it, zod drops it and the header carries the same token.
    const body: CreateConversationRequest & { cartToken?: string } = {
      channel: 'web',
      locale: this.options.locale(),
      visitorId: this.visitorId(),
      ...(cartToken === undefined ? {} : { cartToken }),
    }
    const response = await this.request('/api/conversations', {
      method: 'POST',
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new HttpFailure(response.status, await response.text())
    const created = (await response.json()) as {
      conversation: ConversationDto
      messages: MessageDto[]
      conversationToken: string
    }
    this.writeStorage('conversation-token', created.conversationToken)
    this.writeStorage('conversation', created.conversation.id)
    this.update({
      conversation: created.conversation,
      messages: mergeMessages([], created.messages),
    })
  }

  private async flushOutbox(): Promise<void> {
    if (this.flushing || this.state.conversation === undefined) return
    this.flushing = true
    try {
      for (;;) {
        const next = this.state.outbox.find((pending) => !pending.failed)
        const conversation = this.state.conversation
        if (next === undefined || conversation === undefined) return
        this.update({ typing: 'bot' })
        let response: Response
        try {
          await this.options.prepare?.()
          const cartToken = this.options.context().cartToken
          response = await this.request(
            `/api/conversations/${encodeURIComponent(conversation.id)}/messages`,
            {
              method: 'POST',
              body: JSON.stringify({
                clientMessageId: next.clientMessageId,
                content: next.content,
                ...(cartToken === undefined ? {} : { cartToken }),
              }),
            },
          )
        } catch {
          this.markFailed(next.clientMessageId)
          this.update({ connection: 'offline', typing: undefined })
          this.scheduleReconnect()
          return
        }
        if (!response.ok) {
          this.markFailed(next.clientMessageId)
          this.update({ typing: undefined })
          return
        }
        const answer = (await response.json()) as PostMessageResponse
        const received = [answer.inbound, ...answer.replies]
        this.update({
          conversation: answer.conversation,
          messages: mergeMessages(this.state.messages, received),
          outbox: this.state.outbox.filter(
            (pending) => pending.clientMessageId !== next.clientMessageId,
          ),
          typing: undefined,
        })
        if (answer.replies.length > 0) this.options.onReplies?.(answer.replies)
      }
    } finally {
      this.flushing = false
    }
  }

  private markFailed(clientMessageId: string): void {
    this.update({
      outbox: this.state.outbox.map((pending) =>
        pending.clientMessageId === clientMessageId ? { ...pending, failed: true } : pending,
      ),
    })
  }

  private connectSocket(): void {
    const conversation = this.state.conversation
    if (conversation === undefined || this.closed || typeof WebSocket === 'undefined') return
    const url = new URL(
      `/api/conversations/${encodeURIComponent(conversation.id)}/socket`,
      this.options.baseUrl,
    )
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
    url.searchParams.set('token', this.readStorage('conversation-token') ?? '')
    const context = this.options.context()
    if (context.locationCode !== undefined) url.searchParams.set('location', context.locationCode)
    url.searchParams.set('locale', this.options.locale())
    let socket: WebSocket
    try {
      socket = new WebSocket(url)
    } catch {
      this.startPolling()
      return
    }
    this.socket = socket
    let opened = false
    socket.addEventListener('open', () => {
      opened = true
      this.socketHasWorked = true
      this.reconnectAttempt = 0
      this.stopPolling()
      this.update({ connection: 'online' })
      this.sendFrame({ type: 'resume', afterSequence: lastSequenceOf(this.state.messages) })
      void this.retry()
    })
    socket.addEventListener('message', (event) => {
      this.receiveFrame(String(event.data))
    })
    socket.addEventListener('close', () => {
      if (this.socket === socket) this.socket = undefined
      if (this.closed) return
      if (!opened && !this.socketHasWorked) {
        // No socket on this server (or a proxy drops upgrades): stay current by polling.
        this.update({ connection: 'online' })
        this.startPolling()
        return
      }
      this.update({ connection: 'offline', typing: undefined })
      this.scheduleReconnect()
    })
  }

  private sendFrame(frame: ClientFrame): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame))
  }

  private receiveFrame(text: string): void {
    let frame: ServerFrame
    try {
      frame = JSON.parse(text) as ServerFrame
    } catch {
      return
    }
    switch (frame.type) {
      case 'message':
        this.update({
          messages: mergeMessages(this.state.messages, [frame.message]),
          outbox: dropDelivered(this.state.outbox, [frame.message]),
          typing: frame.message.authorRole === 'shopper' ? this.state.typing : undefined,
        })
        if (frame.message.authorRole !== 'shopper') this.options.onReplies?.([frame.message])
        return
      case 'typing-start':
        this.update({ typing: frame.role })
        return
      case 'typing-end':
        this.update({ typing: undefined })
        return
      case 'conversation-update':
        this.update({ conversation: frame.conversation })
        return
      case 'ready':
      case 'error':
        return
    }
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer !== undefined) return
    const delay =
      reconnectDelaysMs[Math.min(this.reconnectAttempt, reconnectDelaysMs.length - 1)] ?? 15_000
    this.reconnectAttempt += 1
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined
      if (this.state.conversation === undefined) {
        this.started = undefined
        void this.start()
        return
      }
      if (this.socket === undefined && this.pollTimer === undefined) this.connectSocket()
      void this.catchUp().then(() => this.retry())
    }, delay)
  }

  private startPolling(): void {
    if (this.pollTimer !== undefined || this.closed) return
    this.pollTimer = setInterval(() => void this.catchUp(), pollIntervalMs)
  }

  private stopPolling(): void {
    clearInterval(this.pollTimer)
    this.pollTimer = undefined
  }

  /** Fetches what arrived after the last message held (after a reconnect, or when polling). */
  private async catchUp(): Promise<void> {
    const conversation = this.state.conversation
    if (conversation === undefined) return
    try {
      const response = await this.request(
        `/api/conversations/${encodeURIComponent(conversation.id)}/messages?after=${lastSequenceOf(this.state.messages)}&limit=200`,
      )
      if (!response.ok) return
      const page = (await response.json()) as { messages: MessageDto[] }
      const fresh = page.messages.filter(
        (message) => message.sequence > lastSequenceOf(this.state.messages),
      )
      this.update({
        connection: 'online',
        messages: mergeMessages(this.state.messages, page.messages),
        outbox: dropDelivered(this.state.outbox, page.messages),
      })
      const replies = fresh.filter((message) => message.authorRole !== 'shopper')
      if (replies.length > 0) this.options.onReplies?.(replies)
    } catch {
      this.update({ connection: 'offline' })
      this.scheduleReconnect()
    }
  }

  private request(path: string, init: RequestInit = {}): Promise<Response> {
    const context = this.options.context()
    const headers: Record<string, string> = { accept: 'application/json' }
    if (init.body !== undefined) headers['content-type'] = 'application/json'
    if (context.cartToken !== undefined) headers[cartTokenHeader] = context.cartToken
    if (context.locationCode !== undefined) headers[locationHeader] = context.locationCode
    headers['x-kedai-locale'] = this.options.locale()
    const token = this.readStorage('conversation-token')
    if (token !== undefined) headers[conversationTokenHeader] = token
    return fetch(new URL(path, this.options.baseUrl), { ...init, headers })
  }

  private update(change: Partial<ChatState>): void {
    const next = { ...this.state, ...change }
    if (change.outbox !== undefined && change.outbox !== this.state.outbox)
      this.writeStorage('outbox', JSON.stringify(change.outbox))
    this.state = next
    for (const listener of this.listeners) listener(next)
  }

  private visitorId(): string {
    const stored = this.readStorage('visitor')
    if (stored !== undefined) return stored
    const created = randomId('visitor')
    this.writeStorage('visitor', created)
    return created
  }

  private readStoredOutbox(): PendingMessage[] {
    try {
      const parsed = JSON.parse(this.readStorage('outbox') ?? '[]') as PendingMessage[]
      return Array.isArray(parsed) ? parsed.map((pending) => ({ ...pending, failed: false })) : []
    } catch {
      return []
    }
  }

  private readStorage(name: string): string | undefined {
    try {
      return localStorage.getItem(`${this.options.storageKey}:${name}`) ?? undefined
    } catch {
      return undefined
    }
  }

  private writeStorage(name: string, value: string): void {
    try {
      localStorage.setItem(`${this.options.storageKey}:${name}`, value)
    } catch {
      // No storage (private mode): history lasts for this page only.
    }
  }
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 200)}`)
  }
}

function isRefusedOrigin(error: unknown): boolean {
  // A browser hides a CORS refusal as a network TypeError; the server's 403 is explicit.
  return error instanceof HttpFailure && error.status === 403
}
