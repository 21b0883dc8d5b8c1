/**
 * `npx tsx apps/server/scripts/bench-hand-off.ts`: measures the hand-over path. Prints figures:
 * routing decisions per second over 50 agents (pure), and the latency of a whole hand-over
 * request on SQLite (read 60 messages and the records, build the summary, store the hand-over,
 * route, offer and tell the shopper), and of an agent reply.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDatabase, migrateToLatest } from '../src/db/database.ts'
import { createSqlEventStore } from '../src/db/sql-event-store.ts'
import { createConversationService } from '../src/domains/conversations/index.ts'
import {
  alwaysOpenBusinessHours,
  chooseAgent,
  createInboxService,
  defaultHandOverRules,
  type RoutingAgent,
} from '../src/domains/inbox/index.ts'
import { createStaffService } from '../src/domains/staff/index.ts'
import { systemClock } from '../src/shared/clock.ts'
import { createEventBus } from '../src/shared/event-bus.ts'
import { createId } from '../src/shared/ids.ts'
import {
  createConsoleHub,
  createHandOffWorkflow,
  createSqlHandOffRecords,
  defaultHandOffSettingsValues,
} from '../src/workflows/hand-off/index.ts'

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((first, second) => first - second)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN
}

const languages = ['en', 'ms', 'zh-Hant', 'zh-Hans']
const topics = ['orders', 'returns', 'payments', 'fraud', 'sales'] as const
const agents: RoutingAgent[] = Array.from({ length: 50 }, (_, index) => ({
  id: `agt_${String(index).padStart(3, '0')}`,
  languages: [languages[index % 4] ?? 'en', 'en'],
  skills: [topics[index % 5] ?? 'orders', topics[(index + 2) % 5] ?? 'sales'],
  team: index % 2 === 0 ? 'support' : 'sales',
  capacity: 3,
  presence: index % 7 === 0 ? 'offline' : 'online',
  activeConversations: index % 4,
}))
const cursors = new Map<string, string>()
const decisions = 100_000
let started = performance.now()
for (let index = 0; index < decisions; index += 1) {
  const choice = chooseAgent(
    { language: languages[index % 4] ?? 'en', topic: topics[index % 5] ?? 'orders' },
    agents,
    (key) => cursors.get(key),
  )
  if (choice.ok) cursors.set(choice.cursorKey, choice.agentId)
}
const routingMs = performance.now() - started
console.log(
  `routing: ${decisions} decisions over 50 agents in ${routingMs.toFixed(0)} ms (${Math.round(decisions / (routingMs / 1000)).toLocaleString('en')} per second)`,
)

const folder = mkdtempSync(join(tmpdir(), 'kedai-bench-hand-off-'))
const database = await createDatabase({ sqliteFile: join(folder, 'bench.db') })
await migrateToLatest(database)
const db = database.db
const eventBus = createEventBus({
  store: createSqlEventStore(db),
  now: () => systemClock.now(),
  createId: () => createId('evt'),
})
const conversations = createConversationService({ db, clock: systemClock, eventBus, createId })
const staff = createStaffService({ db, clock: systemClock, createId })
for (let index = 0; index < 20; index += 1) {
  await staff.createMember({
    email: `agent${index}@bench.example`,
    displayName: `Agent ${index}`,
    password: 'bench-password',
    role: 'agent',
    languages: [languages[index % 4] ?? 'en', 'en'],
    skills: [topics[index % 5] ?? 'orders'],
    team: 'support',
    capacity: 50,
    presence: 'online',
  })
}
const workflow = createHandOffWorkflow({
  conversations,
  inbox: createInboxService({ db, clock: systemClock, createId }),
  staff,
  records: createSqlHandOffRecords(db),
  coupons: undefined,
  hub: createConsoleHub(),
  shopperSignals: { setAgentTyping: () => undefined },
  clock: systemClock,
  settings: {
    ...defaultHandOffSettingsValues,
    rules: defaultHandOverRules,
    businessHours: alwaysOpenBusinessHours,
  },
})
const requests = 300
const requestMs: number[] = []
const replyMs: number[] = []
for (let index = 0; index < requests; index += 1) {
  const identity = await conversations.identifyShopper({ channel: 'web', externalId: `v${index}` })
  const { conversation } = await conversations.openConversation({
    channel: 'web',
    shopperIdentityId: identity.id,
    customerId: null,
    locale: 'en',
  })
  for (let turn = 0; turn < 5; turn += 1) {
    const received = await conversations.receiveMessage({
      conversationId: conversation.id,
      channelMessageId: `m${index}_${turn}`,
      content: { type: 'text', text: `my parcel ${turn} is late and I am upset` },
    })
    await conversations.recordRecognition(received.message.id, 'track_order', 0.6)
    await conversations.sendMessages(conversation.id, {
      messages: [{ authorRole: 'bot', content: { type: 'text', text: 'Let me check.' } }],
    })
  }
  started = performance.now()
  const { handOver } = await workflow.requestHandOff({
    conversationId: conversation.id,
    reasons: ['explicit-request'],
  })
  requestMs.push(performance.now() - started)
  started = performance.now()
  await workflow.agentReplies({
    conversationId: conversation.id,
    agentId: handOver.offeredAgentId ?? '',
    text: 'On it!',
  })
  replyMs.push(performance.now() - started)
}
const describe = (name: string, values: number[]) =>
  console.log(
    `${name}: ${values.length} on SQLite, median ${percentile(values, 0.5).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`,
  )
describe('hand-over request (summary + route + offer + shopper notice)', requestMs)
describe('agent reply (accept on first reply + message)', replyMs)
await database.close()
rmSync(folder, { recursive: true, force: true })
