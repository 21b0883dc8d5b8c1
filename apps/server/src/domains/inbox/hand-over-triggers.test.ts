import { describe, expect, it } from 'vitest'
import {
  defaultHandOverRules,
  evaluateHandOverTriggers,
  handOverRulesSchema,
} from './hand-over-triggers.ts'

const turn = (intent: string | null, confidence: number | null) => ({ intent, confidence })

describe('evaluateHandOverTriggers', () => {
  it('hands over when the shopper asks for a person', () => {
    expect(
      evaluateHandOverTriggers(defaultHandOverRules, { turns: [turn('contact_human_agent', 0.9)] }),
    ).toEqual({ handOver: true, reasons: ['explicit-request'] })
  })

  it('hands over after the configured number of consecutive low-confidence turns', () => {
    const rules = handOverRulesSchema.parse({
      lowConfidence: { threshold: 0.5, consecutiveTurns: 3 },
    })
    const two = [turn('track_order', 0.9), turn('out_of_scope', 0.3), turn('feedback', 0.2)]
    expect(evaluateHandOverTriggers(rules, { turns: two })).toEqual({ handOver: false })
    expect(evaluateHandOverTriggers(rules, { turns: [...two, turn('feedback', 0.4)] })).toEqual({
      handOver: true,
      reasons: ['low-confidence'],
    })
  })

  it('does not count low confidence when a confident turn breaks the run', () => {
    const rules = handOverRulesSchema.parse({
      lowConfidence: { threshold: 0.5, consecutiveTurns: 2 },
    })
    const turns = [turn('feedback', 0.2), turn('track_order', 0.95)]
    expect(evaluateHandOverTriggers(rules, { turns })).toEqual({ handOver: false })
  })

  it('always hands over fraud reports and special discount requests', () => {
    for (const intent of ['report_fraud', 'request_special_discount']) {
      expect(
        evaluateHandOverTriggers(defaultHandOverRules, { turns: [turn(intent, 0.99)] }),
      ).toEqual({
        handOver: true,
        reasons: ['sensitive-intent'],
      })
    }
  })

  it('hands over a complaint only at or above the configured severity', () => {
    const complaint = { turns: [turn('complaint', 0.9)] }
    expect(
      evaluateHandOverTriggers(defaultHandOverRules, { ...complaint, complaintSeverity: 2 }),
    ).toEqual({
      handOver: false,
    })
    expect(
      evaluateHandOverTriggers(defaultHandOverRules, { ...complaint, complaintSeverity: 3 }),
    ).toEqual({
      handOver: true,
      reasons: ['complaint-severity'],
    })
  })

  it('hands over a VIP customer but not for small talk when the store names VIP tiers', () => {
    const rules = handOverRulesSchema.parse({ vipTiers: ['platinum'] })
    const vip = { customerTier: 'platinum' }
    expect(evaluateHandOverTriggers(rules, { ...vip, turns: [turn('greeting', 0.99)] })).toEqual({
      handOver: false,
    })
    expect(evaluateHandOverTriggers(rules, { ...vip, turns: [turn('track_order', 0.99)] })).toEqual(
      { handOver: true, reasons: ['vip-customer'] },
    )
    expect(
      evaluateHandOverTriggers(defaultHandOverRules, {
        ...vip,
        turns: [turn('track_order', 0.99)],
      }),
    ).toEqual({ handOver: false })
  })

  it('hands over orders under fraud review and returns outside policy, unless turned off', () => {
    const signals = {
      turns: [turn('track_order', 0.99)],
      hasOrderUnderReview: true,
      isReturnOutsidePolicy: true,
    }
    expect(evaluateHandOverTriggers(defaultHandOverRules, signals)).toEqual({
      handOver: true,
      reasons: ['order-under-review', 'return-outside-policy'],
    })
    const off = handOverRulesSchema.parse({ ordersUnderReview: false, returnsOutsidePolicy: false })
    expect(evaluateHandOverTriggers(off, signals)).toEqual({ handOver: false })
  })

  it('rejects rules with a threshold outside 0–1 when parsing', () => {
    expect(
      handOverRulesSchema.safeParse({ lowConfidence: { threshold: 2, consecutiveTurns: 1 } })
        .success,
    ).toBe(false)
  })
})
