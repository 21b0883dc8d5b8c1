import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repositoryRoot } from '../../../app/config.ts'
import { createCustomerService } from '../../../domains/customers/index.ts'
import { createOrderService } from '../../../domains/orders/index.ts'
import { createTestDatabase } from '../../../testing/test-database.ts'
import { createTestDependencies, loadTau2TestStore } from '../../../testing/tau2-test-store.ts'
import { createOrderOperations } from '../../../workflows/order-operations/index.ts'
import { dumpPythonJson } from '../tau2/python-json.ts'
import type { AgentToolContext } from './agent-tool.ts'
import { retailTools, runRetailTool } from './retail-tools.ts'

const replay = JSON.parse(
  readFileSync(join(repositoryRoot, 'data', 'demo', 'tau2', 'expected-replay.json'), 'utf8'),
) as {
  tasks: {
    task_id: string
    calls: { name: string; arguments: unknown; result?: unknown; error?: string }[]
  }[]
}

describe('retail tools', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let staff: AgentToolContext
  const transfers: string[] = []

  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
    await loadTau2TestStore(database.handle)
    const dependencies = createTestDependencies(database.handle.db)
    staff = {
      access: { kind: 'staff' },
      orders: createOrderService(dependencies),
      customers: createCustomerService(dependencies),
      operations: createOrderOperations(dependencies),
      currency: 'USD',
      transferToHuman: async (summary) => {
        transfers.push(summary)
      },
    }
  }, 60_000)
  afterAll(async () => {
    await database.dispose()
  })

  it('describes every input field for the LLM when the tools are listed', () => {
    expect(retailTools.map((tool) => tool.name)).toHaveLength(16)
    for (const tool of retailTools) {
      const schema = tool.inputSchema.toJSONSchema() as {
        properties?: Record<string, { description?: string }>
      }
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        expect({
          tool: tool.name,
          field,
          described: (property.description ?? '').length > 0,
        }).toEqual({ tool: tool.name, field, described: true })
      }
    }
  })

  it('answers the read calls of τ² task 0 exactly as the reference when replayed', async () => {
    const task = replay.tasks.find((candidate) => candidate.task_id === '0')
    for (const call of task?.calls.filter(
      (candidate) => candidate.name.startsWith('get_') || candidate.name.startsWith('find_'),
    ) ?? []) {
      const outcome = await runRetailTool(call.name, call.arguments, staff)
      expect(outcome.ok).toBe(true)
      if (outcome.ok) expect(dumpPythonJson(outcome.output)).toBe(dumpPythonJson(call.result))
    }
  })

  it('returns τ²’s error texts when lookups fail', async () => {
    expect(
      await runRetailTool('find_user_id_by_email', { email: 'nobody@example.com' }, staff),
    ).toEqual({ ok: false, error: 'User not found' })
    expect(await runRetailTool('get_order_details', { order_id: '#9502126' }, staff)).toEqual({
      ok: false,
      error: 'Order not found',
    })
    expect(await runRetailTool('get_product_details', { product_id: '6086499569' }, staff)).toEqual(
      { ok: false, error: 'Product not found' },
    )
    expect(await runRetailTool('get_item_details', { item_id: '0' }, staff)).toEqual({
      ok: false,
      error: 'Item not found',
    })
  })

  it('refuses malformed arguments and unknown tools with an error instead of throwing', async () => {
    expect(await runRetailTool('get_order_details', { order: 5 }, staff)).toMatchObject({
      ok: false,
      error: expect.stringContaining('Invalid arguments for get_order_details: order_id'),
    })
    expect(await runRetailTool('drop_tables', {}, staff)).toEqual({
      ok: false,
      error: 'Tool drop_tables not found',
    })
  })

  it('shows a shopper only their own records when the tools act for a verified customer', async () => {
    const ava = await staff.customers.findByHandle('ava_moore_2033')
    if (ava === undefined) throw new Error('τ² customer missing')
    const shopper: AgentToolContext = { ...staff, access: { kind: 'customer', customerId: ava.id } }
    expect((await runRetailTool('get_order_details', { order_id: '#W4817420' }, shopper)).ok).toBe(
      true,
    )
    expect(await runRetailTool('get_order_details', { order_id: '#W6304490' }, shopper)).toEqual({
      ok: false,
      error: 'Order not found',
    })
    expect(await runRetailTool('get_user_details', { user_id: 'omar_khan_2363' }, shopper)).toEqual(
      { ok: false, error: 'User not found' },
    )
    expect(
      await runRetailTool('find_user_id_by_email', { email: 'omar.khan3563@example.com' }, shopper),
    ).toEqual({ ok: false, error: 'User not found' })
    expect(
      await runRetailTool(
        'cancel_pending_order',
        { order_id: '#W6779827', reason: 'no longer needed' },
        shopper,
      ),
    ).toEqual({ ok: false, error: 'Order not found' })
  })

  it('hands over with the summary when transfer_to_human_agents is called', async () => {
    expect(
      await runRetailTool(
        'transfer_to_human_agents',
        { summary: 'wants a refund to another card' },
        staff,
      ),
    ).toEqual({ ok: true, output: 'Transfer successful' })
    expect(transfers).toEqual(['wants a refund to another card'])
  })
})
