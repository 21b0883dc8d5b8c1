import { expect, it } from 'vitest'
import { createManualClock } from '../../shared/clock.ts'
import { createSequentialIdGenerator } from '../../shared/ids.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import { computeQueuePositions } from './estimate-wait.ts'
import { createInboxService } from './inbox-service.ts'

describeEachEngine('InboxService', (getDatabase) => {
  const clock = createManualClock('2026-11-24T09:00:00.000Z')
  const createId = createSequentialIdGenerator()
  const build = () => createInboxService({ db: getDatabase().db, clock, createId })
  const newHandOver = (conversationId: string) => ({
    conversationId,
    customerId: null,
    reasons: ['explicit-request' as const],
    topic: 'returns' as const,
    language: 'ms',
    summary: { wants: 'a refund' },
  })

  it('queues one hand-over per conversation when asked twice', async () => {
    const inbox = build()
    const first = await inbox.openHandOver(newHandOver('conv_queue_once'))
    const second = await inbox.openHandOver(newHandOver('conv_queue_once'))
    expect(first.created).toBe(true)
    expect(second).toEqual({ handOver: first.handOver, created: false })
    expect(first.handOver).toMatchObject({ status: 'queued', summary: { wants: 'a refund' } })
  })

  it('opens exactly one hand-over when two requests for a conversation race', async () => {
    const inbox = build()
    const results = await Promise.all(
      Array.from({ length: 5 }, () => inbox.openHandOver(newHandOver('conv_race'))),
    )
    expect(results.filter((result) => result.created)).toHaveLength(1)
    expect(new Set(results.map((result) => result.handOver.id)).size).toBe(1)
  })

  it('gives queue positions in arrival order when several shoppers wait', async () => {
    const inbox = build()
    const ids: string[] = []
    for (const name of ['conv_pos_a', 'conv_pos_b', 'conv_pos_c']) {
      clock.advance(1_000)
      ids.push((await inbox.openHandOver(newHandOver(name))).handOver.id)
    }
    const queued = (await inbox.listHandOvers({ statuses: ['queued'] })).filter((handOver) =>
      handOver.conversationId.startsWith('conv_pos_'),
    )
    const positions = computeQueuePositions(queued)
    expect(ids.map((id) => positions.get(id))).toEqual([1, 2, 3])
  })

  it('offers, withdraws on timeout, excludes the agent and moves the cursor', async () => {
    const inbox = build()
    const { handOver } = await inbox.openHandOver(newHandOver('conv_offer'))
    const offered = await inbox.offer(handOver.id, 'agt_a', '2026-11-24T09:10:00.000Z', 'k1')
    expect(offered).toMatchObject({ status: 'offered', offeredAgentId: 'agt_a' })
    expect((await inbox.readCursors()).get('k1')).toBe('agt_a')
    expect((await inbox.countOpenByAgent()).get('agt_a')).toBe(1)
    expect(await inbox.listExpiredOffers('2026-11-24T09:09:59.000Z')).not.toContainEqual(
      expect.objectContaining({ id: handOver.id }),
    )
    expect(await inbox.listExpiredOffers('2026-11-24T09:10:00.000Z')).toContainEqual(
      expect.objectContaining({ id: handOver.id }),
    )
    const withdrawn = await inbox.withdrawOffer(handOver.id)
    expect(withdrawn).toMatchObject({ status: 'queued', excludedAgentIds: ['agt_a'] })
  })

  it('lets only the offered agent accept, and only once', async () => {
    const inbox = build()
    const { handOver } = await inbox.openHandOver(newHandOver('conv_accept'))
    await inbox.offer(handOver.id, 'agt_a', '2026-11-24T10:00:00.000Z', undefined)
    expect(await inbox.accept(handOver.id, 'agt_b')).toEqual({
      ok: false,
      reason: 'not-offered-to-you',
    })
    const accepted = await inbox.accept(handOver.id, 'agt_a')
    expect(accepted).toMatchObject({
      ok: true,
      value: { status: 'assigned', assignedAgentId: 'agt_a' },
    })
    expect(await inbox.accept(handOver.id, 'agt_b')).toEqual({
      ok: false,
      reason: 'already-assigned',
    })
  })

  it('measures handling time from assignment to resolution', async () => {
    const inbox = build()
    const { handOver } = await inbox.openHandOver(newHandOver('conv_handling'))
    await inbox.accept(handOver.id, 'agt_a')
    clock.advance(7 * 60_000)
    const resolved = await inbox.resolve(handOver.id)
    expect(resolved.status).toBe('resolved')
    expect(await inbox.recentHandlingMs(1)).toEqual([7 * 60_000])
    await expect(inbox.resolve(handOver.id)).rejects.toMatchObject({ code: 'conflict' })
  })

  it('stores a CSAT rating once and refuses a second one', async () => {
    const inbox = build()
    const input = {
      conversationId: 'conv_csat',
      handOverId: 'hnd_csat',
      agentId: 'agt_a',
      score: 4,
      comment: 'quick',
    }
    expect(await inbox.recordRating(input)).toMatchObject({ ok: true, value: { score: 4 } })
    expect(await inbox.recordRating({ ...input, score: 1 })).toEqual({
      ok: false,
      reason: 'already-rated',
    })
    expect(await inbox.findRating('hnd_csat')).toMatchObject({ score: 4, comment: 'quick' })
    await expect(
      inbox.recordRating({ ...input, handOverId: 'hnd_x', score: 6 }),
    ).rejects.toMatchObject({
      code: 'validation',
    })
  })

  it('keeps training candidates once and releases only approved labels', async () => {
    const inbox = build()
    const candidate = {
      conversationId: 'conv_train',
      messageId: 'msg_train_1',
      text: 'barang saya rosak nak pulang',
      locale: 'ms',
      predictedIntent: 'out_of_scope',
      confidence: 0.2,
    }
    expect(await inbox.addTrainingCandidates([candidate, candidate])).toBe(1)
    const [pending] = await inbox.listTrainingCandidates('pending')
    if (pending === undefined) throw new Error('expected a candidate')
    expect(await inbox.reviewTrainingCandidate(pending.id, 'approved', 'agt_admin')).toEqual({
      ok: false,
      reason: 'not-labelled',
    })
    await inbox.labelTrainingCandidate(pending.id, 'request_return', 'agt_a')
    expect(await inbox.listApprovedExamples()).toEqual([])
    await inbox.reviewTrainingCandidate(pending.id, 'approved', 'agt_admin')
    expect(await inbox.listApprovedExamples()).toEqual([
      { text: 'barang saya rosak nak pulang', intent: 'request_return', locale: 'ms' },
    ])
  })

  it('keeps notes and canned responses when saved', async () => {
    const inbox = build()
    await inbox.addNote({ conversationId: 'conv_note', authorId: 'agt_a', body: ' VIP, be kind ' })
    expect(await inbox.listNotes('conv_note')).toMatchObject([{ body: 'VIP, be kind' }])
    await expect(
      inbox.addNote({ conversationId: 'conv_note', authorId: 'agt_a', body: '  ' }),
    ).rejects.toMatchObject({ code: 'validation' })
    await inbox.saveCannedResponse({
      shortcut: 'hello',
      title: 'Hello',
      body: { en: 'Hi {{customer.firstName}}' },
      createdBy: 'agt_a',
    })
    await inbox.saveCannedResponse({
      shortcut: 'hello',
      title: 'Hello again',
      body: { en: 'Hello {{customer.firstName}}', ms: 'Hai {{customer.firstName}}' },
      createdBy: 'agt_a',
    })
    expect(await inbox.listCannedResponses()).toMatchObject([
      { shortcut: 'hello', title: 'Hello again', body: { ms: 'Hai {{customer.firstName}}' } },
    ])
  })

  it('leaves a ticket with the shopper contact when nobody can answer', async () => {
    const inbox = build()
    const { handOver } = await inbox.openHandOver(newHandOver('conv_ticket'))
    const ticket = await inbox.leaveTicket(handOver.id, { email: 'mei@example.com' })
    expect(ticket).toMatchObject({ status: 'ticket', contact: { email: 'mei@example.com' } })
    expect(await inbox.findOpenHandOver('conv_ticket')).toBeUndefined()
  })
})
