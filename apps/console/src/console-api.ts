/** The console's client of `/api/console/*` (same origin; the session is an HttpOnly cookie). */

/** A signed-in console user. */
export interface Member {
  readonly id: string
  readonly displayName: string
  readonly role: 'agent' | 'admin'
  readonly languages: readonly string[]
  readonly skills: readonly string[]
  readonly team: string | null
  readonly presence: 'online' | 'away' | 'offline'
}

/** Money in minor units. */
export interface Money {
  readonly amount: number
  readonly currency: string
}

/** The agent's summary of a hand-over (built by the server). */
export interface HandOffSummary {
  readonly wants: string
  readonly wantsIntent: string | null
  readonly reasons: readonly string[]
  readonly botTried: readonly string[]
  readonly intents: readonly { intent: string | null; confidence: number | null }[]
  readonly language: string
  readonly sentiment: { readonly label: string; readonly score: number }
  readonly policy: {
    readonly slug: string
    readonly title: string
    readonly excerpt: string
  } | null
}

/** A hand-over in the inbox. */
export interface HandOver {
  readonly id: string
  readonly conversationId: string
  readonly customerId: string | null
  readonly status: string
  readonly reasons: readonly string[]
  readonly topic: string
  readonly language: string
  readonly team: string | null
  readonly summary: HandOffSummary | Record<string, never>
  readonly offeredAgentId: string | null
  readonly assignedAgentId: string | null
  readonly contact: { email?: string; phone?: string } | null
  readonly createdAt: string
  readonly queuePlace?: { position: number; waitMinutes: number | null } | null
}

/** A message of the transcript. */
export interface Message {
  readonly id: string
  readonly sequence: number
  readonly authorRole: 'shopper' | 'bot' | 'agent'
  readonly content: { type: string; text?: string; title?: string; choices?: { label: string }[] }
  readonly createdAt: string
}

/** Everything beside a conversation. */
export interface ConversationView {
  readonly conversation: { id: string; status: string; locale: string; channel: string }
  readonly messages: readonly Message[]
  readonly handOver: HandOver | null
  readonly queuePlace: { position: number; waitMinutes: number | null } | null
  readonly notes: readonly { id: string; authorId: string; body: string; createdAt: string }[]
  readonly customer: {
    name: string
    email: string | null
    phone: string | null
    loyaltyTier: string
    loyaltyPoints: number
  } | null
  readonly recentOrders: readonly {
    id: string
    number: string
    status: string
    total: Money
    placedAt: string
    itemCount: number
  }[]
  readonly cart: {
    lines: readonly { name: string; quantity: number; unitPrice: Money }[]
    subtotal: Money
  } | null
}

/** An agent to transfer to. */
export interface Agent {
  readonly id: string
  readonly displayName: string
  readonly team: string | null
  readonly presence: string
  readonly openConversations: number
  readonly capacity: number
}

/** A candidate training example. */
export interface TrainingCandidate {
  readonly id: string
  readonly text: string
  readonly locale: string
  readonly predictedIntent: string | null
  readonly confidence: number | null
  readonly status: string
  readonly label: string | null
}

/** An order as the console order API returns it. */
export interface OrderDetails {
  readonly number: string
  readonly status: string
  readonly items: readonly { sku: string; name: string; quantity: number }[]
  readonly payments: readonly { paymentMethod: string; kind: string }[]
}

/** A canned response. */
export interface CannedResponse {
  readonly id: string
  readonly shortcut: string
  readonly title: string
  readonly body: Record<string, string | undefined> & { en: string }
}

/** A failed API call with the server's message. */
export class ApiError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  const parsed = text.length > 0 ? (JSON.parse(text) as unknown) : undefined
  if (!response.ok) {
    const error = parsed as { error?: { message?: string }; reason?: string } | undefined
    throw new ApiError(
      response.status,
      error?.error?.message ?? error?.reason ?? `Request failed (${response.status})`,
    )
  }
  return parsed as T
}

/** Formats money for the agent. */
export function formatMoney(value: Money): string {
  return new Intl.NumberFormat('en-MY', { style: 'currency', currency: value.currency }).format(
    value.amount / 100,
  )
}

/** The console API. */
export const consoleApi = {
  signIn: (email: string, password: string) =>
    call<{ member: Member }>('POST', '/api/console/session', { email, password }),
  session: () => call<{ member: Member }>('GET', '/api/console/session'),
  signOut: () => call<unknown>('DELETE', '/api/console/session'),
  setPresence: (presence: Member['presence']) =>
    call<unknown>('PUT', '/api/console/presence', { presence }),
  inbox: (filters: Record<string, string>) =>
    call<{ handOvers: HandOver[] }>(
      'GET',
      `/api/console/inbox?${new URLSearchParams(
        Object.entries(filters).filter(([, value]) => value !== ''),
      ).toString()}`,
    ),
  agents: () => call<{ agents: Agent[] }>('GET', '/api/console/agents'),
  conversation: (id: string) =>
    call<ConversationView>('GET', `/api/console/conversations/${encodeURIComponent(id)}`),
  accept: (handOverId: string) =>
    call<unknown>('POST', `/api/console/hand-overs/${encodeURIComponent(handOverId)}/accept`, {}),
  reply: (conversationId: string, text: string) =>
    call<unknown>(
      'POST',
      `/api/console/conversations/${encodeURIComponent(conversationId)}/messages`,
      { text },
    ),
  note: (conversationId: string, body: string) =>
    call<unknown>(
      'POST',
      `/api/console/conversations/${encodeURIComponent(conversationId)}/notes`,
      {
        body,
      },
    ),
  transfer: (handOverId: string, target: { agentId?: string; team?: string }) =>
    call<unknown>(
      'POST',
      `/api/console/hand-overs/${encodeURIComponent(handOverId)}/transfer`,
      target,
    ),
  resolve: (handOverId: string, note: string) =>
    call<unknown>('POST', `/api/console/hand-overs/${encodeURIComponent(handOverId)}/resolve`, {
      note,
    }),
  discount: (conversationId: string, percent: number) =>
    call<{ code: string; expiresAt: string }>(
      'POST',
      `/api/console/conversations/${encodeURIComponent(conversationId)}/special-discount`,
      { percent, validDays: 7 },
    ),
  cannedResponses: () =>
    call<{ cannedResponses: CannedResponse[] }>('GET', '/api/console/canned-responses'),
  saveCanned: (shortcut: string, title: string, body: Record<string, string>) =>
    call<CannedResponse>('PUT', `/api/console/canned-responses/${encodeURIComponent(shortcut)}`, {
      title,
      body,
    }),
  renderCanned: (shortcut: string, conversationId: string) =>
    call<{ text: string; missing: string[] }>(
      'POST',
      `/api/console/canned-responses/${encodeURIComponent(shortcut)}/render`,
      { conversationId },
    ),
  order: (number: string) =>
    call<OrderDetails>(
      'GET',
      `/api/console/orders/${encodeURIComponent(number.replace(/^#/, ''))}`,
    ),
  cancelOrder: (number: string, reason: string) =>
    call<unknown>(
      'POST',
      `/api/console/orders/${encodeURIComponent(number.replace(/^#/, ''))}/cancel`,
      { reason },
    ),
  startReturn: (number: string, items: string[], paymentMethod: string) =>
    call<unknown>(
      'POST',
      `/api/console/orders/${encodeURIComponent(number.replace(/^#/, ''))}/returns`,
      { items, paymentMethod },
    ),
  training: (status: string) =>
    call<{ candidates: TrainingCandidate[]; intents: string[] }>(
      'GET',
      `/api/console/training-examples${status === '' ? '' : `?status=${status}`}`,
    ),
  label: (id: string, intent: string) =>
    call<unknown>('PUT', `/api/console/training-examples/${encodeURIComponent(id)}/label`, {
      intent,
    }),
  review: (id: string, decision: 'approved' | 'rejected') =>
    call<unknown>('POST', `/api/console/training-examples/${encodeURIComponent(id)}/review`, {
      decision,
    }),
}
