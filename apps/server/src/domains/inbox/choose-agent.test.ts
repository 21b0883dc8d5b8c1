import { describe, expect, it } from 'vitest'
import { chooseAgent, type RoutingAgent } from './choose-agent.ts'

const agent = (overrides: Partial<RoutingAgent> & { id: string }): RoutingAgent => ({
  languages: ['en'],
  skills: [],
  team: 'support',
  capacity: 2,
  presence: 'online',
  activeConversations: 0,
  ...overrides,
})

const aisha = agent({ id: 'agt_aisha', languages: ['ms', 'en'], skills: ['returns', 'orders'] })
const weiLing = agent({
  id: 'agt_weiling',
  languages: ['zh-Hant', 'zh-Hans', 'en'],
  skills: ['payments', 'fraud', 'orders'],
})
const daniel = agent({
  id: 'agt_daniel',
  languages: ['en', 'ms'],
  skills: ['sales'],
  team: 'sales',
})
const noCursor = () => undefined

describe('chooseAgent', () => {
  it('routes a Malay returns question to the agent with Malay, returns and spare capacity', () => {
    const choice = chooseAgent(
      { language: 'ms', topic: 'returns' },
      [daniel, weiLing, aisha],
      noCursor,
    )
    expect(choice).toMatchObject({ ok: true, agentId: 'agt_aisha', fit: 'language-and-topic' })
  })

  it('skips a full agent when a less qualified one has room', () => {
    const full = { ...aisha, activeConversations: 2 }
    const choice = chooseAgent(
      { language: 'ms', topic: 'returns' },
      [daniel, weiLing, full],
      noCursor,
    )
    expect(choice).toMatchObject({ ok: true, agentId: 'agt_daniel', fit: 'language' })
  })

  it('skips offline and away agents when choosing', () => {
    const agents = [
      { ...aisha, presence: 'offline' as const },
      { ...daniel, presence: 'away' as const },
      weiLing,
    ]
    const choice = chooseAgent({ language: 'ms', topic: 'returns' }, agents, noCursor)
    expect(choice).toMatchObject({ ok: true, agentId: 'agt_weiling', fit: 'any' })
  })

  it('reports nobody available when every agent is full or offline', () => {
    const agents = [
      { ...aisha, activeConversations: 2 },
      { ...weiLing, presence: 'offline' as const },
    ]
    expect(chooseAgent({ language: 'en', topic: 'orders' }, agents, noCursor)).toEqual({
      ok: false,
      reason: 'nobody-available',
    })
  })

  it('prefers the topic over nothing when nobody speaks the language', () => {
    const choice = chooseAgent({ language: 'zh-Hant', topic: 'sales' }, [aisha, daniel], noCursor)
    expect(choice).toMatchObject({ ok: true, agentId: 'agt_daniel', fit: 'topic' })
  })

  it('takes turns among equally qualified agents when the cursor moves', () => {
    const first = agent({ id: 'agt_a', skills: ['orders'] })
    const second = agent({ id: 'agt_b', skills: ['orders'] })
    const third = agent({ id: 'agt_c', skills: ['orders'] })
    const cursors = new Map<string, string>()
    const picked: string[] = []
    for (let turn = 0; turn < 4; turn += 1) {
      const choice = chooseAgent(
        { language: 'en', topic: 'orders' },
        [third, first, second],
        (key) => cursors.get(key),
      )
      if (!choice.ok) throw new Error('expected an agent')
      cursors.set(choice.cursorKey, choice.agentId)
      picked.push(choice.agentId)
    }
    expect(picked).toEqual(['agt_a', 'agt_b', 'agt_c', 'agt_a'])
  })

  it('never offers again to an agent who let the offer time out', () => {
    const choice = chooseAgent(
      { language: 'ms', topic: 'returns', excludedAgentIds: ['agt_aisha'] },
      [aisha, daniel],
      noCursor,
    )
    expect(choice).toMatchObject({ ok: true, agentId: 'agt_daniel' })
  })

  it('keeps to the team when a transfer names one', () => {
    const choice = chooseAgent(
      { language: 'ms', topic: 'returns', team: 'sales' },
      [aisha, daniel],
      noCursor,
    )
    expect(choice).toMatchObject({ ok: true, agentId: 'agt_daniel' })
  })
})
