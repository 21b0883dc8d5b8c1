import type { DomainEvent } from '../../shared/event-bus.ts'
import type { Locale } from '../../shared/locale.ts'
import {
  actThreshold,
  isEntityType,
  isIntent,
  type Intent,
  type Recognition,
  type RecognitionContext,
} from '../nlu/index.ts'
import type { MessageKey, Reply } from '../replies/index.ts'
import { isCancelRequest } from './control-words.ts'
import type { DialogueState, FlowFrame } from './dialogue-state.ts'
import {
  startIntentSlot,
  type Flow,
  type FlowContext,
  type FlowOutcome,
  type HandOverReason,
  type SlotDefinition,
} from './flow.ts'
import type { FlowServices } from './flow-services.ts'

/** Confidence thresholds and limits of the engine. */
export interface DialogueEngineOptions {
  readonly flows: readonly Flow[]
  /** At or above: act on the intent. Default: the recognizer's `actThreshold`. */
  readonly actThreshold?: number
  /** At or above (and below `actThreshold`): ask which of the likely intents was meant. */
  readonly clarifyThreshold?: number
  /** Consecutive not-understood turns after which a person is asked to join. */
  readonly handOverAfterLowConfidenceTurns?: number
  /** Failed answers to one question after which the flow gives up. */
  readonly maximumAttempts?: number
  /** The flow that answers intents no flow handles yet (offers a person). */
  readonly unavailableFlow?: Flow
}

/** One shopper turn as the engine receives it. */
export interface TurnInput {
  readonly conversationId: string
  readonly customerId: string | null
  readonly locale: Locale
  readonly text: string
  readonly recognition: Recognition
  readonly state: DialogueState
  readonly services: FlowServices
}

/** What the engine decided for one turn. */
export interface TurnOutput {
  readonly replies: Reply[]
  readonly state: DialogueState
  /** Facts to publish (`flow.started`, `flow.completed`, `flow.abandoned`, flows' own events). */
  readonly events: DomainEvent<object>[]
  readonly handOver: HandOverReason | undefined
  /** True when the conversation should be marked resolved. */
  readonly resolve: boolean
  /** The intent the turn acted on (after commands and clarification), and how sure it was. */
  readonly intent: Intent
  readonly confidence: number
  /** The flow that handled the turn, if any. */
  readonly flow: string | undefined
  /**
   * True when the message was taken as the answer to the bot's own question (a slot, a
   * confirmation): what the recognizer made of it on its own then says little about the shopper.
   */
  readonly answeredQuestion: boolean
  /** The language the shopper chose in this turn: the replies and the conversation switch to it. */
  readonly locale?: Locale
}

/** The dialogue engine: decides what the bot does with one recognized message. */
export interface DialogueEngine {
  /** What the recognizer should be told about the conversation before it reads the next message. */
  recognitionContext(state: DialogueState, locale: Locale): RecognitionContext
  /** Runs one turn. Never throws for anything the shopper typed. */
  runTurn(input: TurnInput): Promise<TurnOutput>
}

const yesNoChoices = [
  { label: 'choice-yes', payload: '/yes' },
  { label: 'choice-no', payload: '/no' },
] as const
const cancelChoice = { label: 'choice-cancel', payload: '/cancel' } as const
const talkToPersonChoice = {
  label: 'choice-talk-to-person',
  payload: '/intent:contact_human_agent',
} as const
/** Marks, among a frame's slots, that the shopper said yes to the flow's confirmation. */
const confirmedSlot = '__confirmed'
const intentsThatNeverDigress: ReadonlySet<Intent> = new Set(['affirm', 'deny', 'out_of_scope'])

/**
 * Reads a tapped quick reply into a recognition: `/yes`, `/no`, `/cancel`, or
 * `/intent:<intent>?product=…&size=…&variant=…` whose arguments become resolved entities.
 */
function readCommand(text: string, recognition: Recognition): Recognition | 'cancel' | undefined {
  const command = text.trim()
  if (!command.startsWith('/')) return undefined
  if (command === '/cancel') return 'cancel'
  const [head = '', query = ''] = command.split('?', 2)
  const intent =
    head === '/yes' ? 'affirm' : head === '/no' ? 'deny' : head.slice('/intent:'.length)
  if (!(head === '/yes' || head === '/no' || head.startsWith('/intent:')) || !isIntent(intent))
    return undefined
  const entities = [...new URLSearchParams(query)].flatMap(([name, value]) => {
    const type = name === 'variant' ? 'option' : name
    return isEntityType(type) && value.length > 0
      ? [{ type, value, text: value, start: 0, end: 0, resolvedId: value }]
      : []
  })
  return {
    ...recognition,
    intent,
    confidence: 1,
    alternatives: [{ intent, confidence: 1 }],
    entities,
  }
}

/** Creates the dialogue engine over `options.flows` (one flow per intent; the first wins). */
export function createDialogueEngine(options: DialogueEngineOptions): DialogueEngine {
  const act = options.actThreshold ?? actThreshold
  const clarify = options.clarifyThreshold ?? 0.25
  const handOverAfter = options.handOverAfterLowConfidenceTurns ?? 3
  const maximumAttempts = options.maximumAttempts ?? 3
  const flowsByName = new Map(options.flows.map((flow) => [flow.name, flow]))
  const flowsByIntent = new Map<Intent, Flow>()
  for (const flow of options.flows) {
    for (const intent of flow.intents)
      if (!flowsByIntent.has(intent)) flowsByIntent.set(intent, flow)
  }
  if (options.unavailableFlow !== undefined)
    flowsByName.set(options.unavailableFlow.name, options.unavailableFlow)

  function flowForIntent(intent: Intent): Flow | undefined {
    return (
      flowsByIntent.get(intent) ?? (intent === 'out_of_scope' ? undefined : options.unavailableFlow)
    )
  }

  function slotOf(flow: Flow, name: string | undefined): SlotDefinition | undefined {
    return name === undefined ? undefined : flow.slots?.find((slot) => slot.name === name)
  }

  return {
    recognitionContext(state, locale) {
      const context: RecognitionContext = { locale }
      const awaiting = state.active?.awaiting
      const withSlot = awaiting === undefined ? context : { ...context, expectedSlot: awaiting }
      return state.focus === undefined ? withSlot : { ...withSlot, productInFocus: state.focus }
    },

    async runTurn(input) {
      const replies: Reply[] = []
      const events: DomainEvent<object>[] = []
      let state: DialogueState = { ...input.state, suspended: [...input.state.suspended] }
      let handOver: HandOverReason | undefined
      let handledBy: string | undefined
      let resolve = false
      let answeredQuestion = false
      let chosenLocale: Locale | undefined
      const command = readCommand(input.text, input.recognition)
      const recognition =
        command === undefined || command === 'cancel' ? input.recognition : command
      const context: FlowContext = {
        conversationId: input.conversationId,
        customerId: input.customerId,
        locale: input.locale,
        text: input.text,
        recognition,
        services: input.services,
        memory: {
          focus: input.state.focus,
          cartToken: input.state.cartToken,
          couponCode: input.state.couponCode,
          locationCode: input.state.locationCode,
        },
      }
      const flowEvent = (type: string, flow: string, details: Record<string, unknown> = {}) =>
        events.push({ type, aggregateId: input.conversationId, payload: { flow, ...details } })
      const result = (): TurnOutput => ({
        replies,
        state,
        events,
        handOver,
        resolve,
        intent: recognition.intent,
        confidence: recognition.confidence,
        flow: handledBy,
        answeredQuestion,
        ...(chosenLocale === undefined ? {} : { locale: chosenLocale }),
      })

      const abandonAll = (reason: string) => {
        for (const frame of [
          ...state.suspended,
          ...(state.active === undefined ? [] : [state.active]),
        ]) {
          flowEvent('flow.abandoned', frame.flow, { reason })
        }
        state = { ...state, active: undefined, suspended: [] }
      }

      const applyOutcome = (outcome: FlowOutcome) => {
        replies.push(...outcome.replies)
        events.push(...(outcome.events ?? []))
        if (outcome.resolve === true) resolve = true
        if (outcome.switchLocale !== undefined) chosenLocale = outcome.switchLocale
        if (outcome.remember !== undefined) {
          state = {
            ...state,
            ...(outcome.remember.focus === undefined ? {} : { focus: outcome.remember.focus }),
            ...(outcome.remember.cartToken === undefined
              ? {}
              : { cartToken: outcome.remember.cartToken }),
            ...(outcome.remember.couponCode === undefined
              ? {}
              : { couponCode: outcome.remember.couponCode }),
          }
        }
        if (outcome.handOver !== undefined) {
          handOver = outcome.handOver
          abandonAll('handed-over')
        }
      }

      /** Asks for the next missing slot, the confirmation, or completes; then resumes a digression. */
      const proceed = async (
        flow: Flow,
        frame: FlowFrame,
        prefix: MessageKey[] = [],
      ): Promise<void> => {
        handledBy = flow.name
        const missing = flow.slots?.find(
          (slot) =>
            frame.slots[slot.name] === undefined && slot.skipWhen?.(context, frame.slots) !== true,
        )
        const confirmed = frame.slots[confirmedSlot] !== undefined
        const confirmNow =
          flow.confirmation !== undefined &&
          !confirmed &&
          (missing === undefined || missing.name === flow.confirmBefore)
        if ((missing !== undefined || confirmNow) && flow.guard !== undefined) {
          let stop: FlowOutcome | undefined
          try {
            stop = await flow.guard(frame.slots, context)
          } catch (error) {
            state = { ...state, active: undefined }
            flowEvent('flow.abandoned', flow.name, {
              reason: 'failed',
              error: error instanceof Error ? error.message : String(error),
            })
            replies.push({ key: 'not-yet-available', choices: [talkToPersonChoice] })
            return
          }
          if (stop !== undefined) {
            state = { ...state, active: undefined }
            flowEvent('flow.completed', flow.name, {
              stoppedBefore: missing?.name ?? 'confirmation',
            })
            applyOutcome(withPrefix(stop, prefix))
            if (handOver === undefined) await resumeSuspended()
            return
          }
        }
        if (missing !== undefined && !confirmNow) {
          state = {
            ...state,
            active: {
              ...frame,
              awaiting: missing.name,
              attempts: frame.awaiting === missing.name ? frame.attempts : 0,
            },
          }
          const question = await missing.ask?.(frame.slots, context)
          replies.push(
            question === undefined
              ? { key: missing.prompt, prefix, choices: [cancelChoice] }
              : {
                  ...question,
                  prefix: [...prefix, ...(question.prefix ?? [])],
                  choices: [...(question.choices ?? []), cancelChoice],
                },
          )
          return
        }
        if (confirmNow && flow.confirmation !== undefined) {
          state = { ...state, active: { ...frame, awaiting: 'confirmation', attempts: 0 } }
          const question = await flow.confirmation(frame.slots, context)
          replies.push({
            ...question,
            prefix: [...prefix, ...(question.prefix ?? [])],
            choices: yesNoChoices,
          })
          return
        }
        state = { ...state, active: undefined }
        let outcome: FlowOutcome
        try {
          outcome = await flow.complete(frame.slots, context)
        } catch (error) {
          flowEvent('flow.abandoned', flow.name, {
            reason: 'failed',
            error: error instanceof Error ? error.message : String(error),
          })
          replies.push({ key: 'not-yet-available', choices: [talkToPersonChoice] })
          return
        }
        flowEvent('flow.completed', flow.name)
        applyOutcome(withPrefix(outcome, prefix))
        if (handOver !== undefined) return
        const next =
          outcome.followUp === undefined ? undefined : flowsByName.get(outcome.followUp.flow)
        if (next !== undefined && outcome.followUp !== undefined) {
          // The follow-up's own completion resumes any suspended flow.
          flowEvent('flow.started', next.name, { after: flow.name })
          await proceed(next, {
            flow: next.name,
            slots: { ...outcome.followUp.slots },
            attempts: 0,
          })
          return
        }
        await resumeSuspended()
      }

      const withPrefix = (outcome: FlowOutcome, prefix: MessageKey[]): FlowOutcome => ({
        ...outcome,
        replies: outcome.replies.map((reply, index) =>
          index === 0 && prefix.length > 0
            ? { ...reply, prefix: [...prefix, ...(reply.prefix ?? [])] }
            : reply,
        ),
      })

      const resumeSuspended = async () => {
        const frame = state.suspended.at(-1)
        if (frame === undefined) return
        state = { ...state, suspended: state.suspended.slice(0, -1) }
        const flow = flowsByName.get(frame.flow)
        if (flow === undefined) return
        const awaiting = frame.awaiting === 'confirmation' ? undefined : frame.awaiting
        await proceed(flow, { ...frame, awaiting }, ['flow-resumed'])
        handledBy = flow.name
      }

      const start = async (flow: Flow, prefix: MessageKey[] = []) => {
        const slots: Record<string, string> = { [startIntentSlot]: recognition.intent }
        for (const slot of flow.slots ?? []) {
          const entity =
            slot.entity === undefined
              ? undefined
              : recognition.entities.find((candidate) => candidate.type === slot.entity)
          if (entity !== undefined && (slot.validate?.(entity.value) ?? undefined) === undefined)
            slots[slot.name] = entity.value
        }
        Object.assign(slots, await flow.prefill?.(context))
        flowEvent('flow.started', flow.name, { intent: recognition.intent })
        await proceed(flow, { flow: flow.name, slots, attempts: 0 }, prefix)
      }

      // 1. Cancel.
      if (command === 'cancel' || isCancelRequest(input.text)) {
        if (state.active === undefined && state.suspended.length === 0) {
          replies.push({ key: 'nothing-to-cancel' })
        } else {
          handledBy = state.active?.flow
          abandonAll('cancelled')
          replies.push({ key: 'flow-cancelled' })
        }
        return result()
      }

      const confident = recognition.confidence >= act
      // 2. A flow in progress: slot answers, corrections, confirmation, digressions, re-prompts.
      const frame = state.active
      const activeFlow = frame === undefined ? undefined : flowsByName.get(frame.flow)
      if (frame !== undefined && activeFlow !== undefined) {
        handledBy = activeFlow.name
        const slots = { ...frame.slots }
        let corrected = false
        let invalid: SlotDefinition | undefined
        for (const slot of activeFlow.slots ?? []) {
          const entity =
            slot.entity === undefined
              ? undefined
              : recognition.entities.find((candidate) => candidate.type === slot.entity)
          if (entity === undefined) continue
          if (slot.validate?.(entity.value) !== undefined) {
            invalid = slot
            continue
          }
          if (slots[slot.name] !== entity.value) {
            corrected = corrected || slots[slot.name] !== undefined
            slots[slot.name] = entity.value
          }
        }
        const awaitedSlot = slotOf(activeFlow, frame.awaiting)
        let answered =
          awaitedSlot !== undefined &&
          slots[awaitedSlot.name] !== undefined &&
          slots[awaitedSlot.name] !== frame.slots[awaitedSlot.name]
        if (awaitedSlot !== undefined && !answered && awaitedSlot.parse !== undefined) {
          const parsed = await awaitedSlot.parse(input.text, slots, context)
          if (parsed !== undefined) {
            if (awaitedSlot.validate?.(parsed) === undefined) {
              slots[awaitedSlot.name] = parsed
              answered = true
            } else {
              invalid = awaitedSlot
            }
          }
        }
        const isDigression =
          !answered &&
          invalid === undefined &&
          flowsByIntent.has(recognition.intent) &&
          !corrected &&
          confident &&
          !intentsThatNeverDigress.has(recognition.intent) &&
          !activeFlow.intents.includes(recognition.intent) &&
          flowForIntent(recognition.intent) !== undefined &&
          recognition.answersExpectedSlot !== true
        if (isDigression) {
          const digression = flowForIntent(recognition.intent)
          if (digression !== undefined) {
            state = {
              ...state,
              active: undefined,
              suspended: [...state.suspended, { ...frame, slots }].slice(-5),
              lowConfidenceStreak: 0,
            }
            await start(digression)
            return result()
          }
        }
        if (frame.awaiting === 'confirmation') {
          answeredQuestion =
            corrected ||
            ((recognition.intent === 'affirm' || recognition.intent === 'deny') &&
              recognition.confidence >= clarify)
          if (corrected) {
            await proceed(activeFlow, { ...frame, slots, awaiting: undefined, attempts: 0 })
          } else if (recognition.intent === 'affirm' && recognition.confidence >= clarify) {
            await proceed(activeFlow, {
              ...frame,
              slots: { ...slots, [confirmedSlot]: 'yes' },
              awaiting: undefined,
            })
          } else if (recognition.intent === 'deny' && recognition.confidence >= clarify) {
            abandonAll('declined')
            replies.push({ key: 'flow-cancelled' })
          } else {
            await reprompt({ ...frame, slots }, activeFlow, 'confirm-again')
          }
          return result()
        }
        if (answered || corrected) {
          answeredQuestion = true
          await proceed(activeFlow, { ...frame, slots, attempts: 0 })
          return result()
        }
        await reprompt(
          { ...frame, slots },
          activeFlow,
          (invalid ?? awaitedSlot)?.invalid ?? 'fallback',
        )
        return result()
      }

      async function reprompt(current: FlowFrame, flow: Flow, key: MessageKey) {
        const attempts = current.attempts + 1
        if (attempts >= maximumAttempts) {
          abandonAll('too-many-attempts')
          replies.push({ key: 'too-many-attempts', choices: [talkToPersonChoice] })
          return
        }
        state = { ...state, active: { ...current, attempts } }
        if (current.awaiting === 'confirmation' && flow.confirmation !== undefined) {
          const question = await flow.confirmation(current.slots, context)
          replies.push({ ...question, prefix: [key], choices: yesNoChoices })
          return
        }
        const question = await slotOf(flow, current.awaiting)?.ask?.(current.slots, context)
        replies.push(
          question === undefined
            ? { key, choices: [cancelChoice] }
            : {
                ...question,
                prefix: [key, ...(question.prefix ?? [])],
                choices: [...(question.choices ?? []), cancelChoice],
              },
        )
      }

      // 3. No flow in progress: act, clarify, or fall back; repeated misunderstanding hands over.
      const flow = confident ? flowForIntent(recognition.intent) : undefined
      if (flow !== undefined) {
        state = { ...state, lowConfidenceStreak: 0 }
        await start(flow)
        return result()
      }
      const streak = state.lowConfidenceStreak + 1
      state = { ...state, lowConfidenceStreak: streak }
      if (streak >= handOverAfter) {
        state = { ...state, lowConfidenceStreak: 0 }
        handOver = 'low-confidence'
        replies.push({ key: 'hand-over-low-confidence' })
        return result()
      }
      const candidates = recognition.alternatives
        .filter(
          (alternative) =>
            alternative.confidence >= clarify / 2 &&
            alternative.intent !== 'out_of_scope' &&
            alternative.intent !== 'contact_human_agent' &&
            flowsByIntent.has(alternative.intent),
        )
        .slice(0, 3)
      // Only an unsure reading is clarified; a confident "out of scope" gets the fallback.
      if (!confident && recognition.confidence >= clarify && candidates.length > 0) {
        replies.push({
          key: 'clarify',
          choices: [
            ...candidates.map((candidate) => ({
              label: `intent-${candidate.intent}` as MessageKey,
              payload: `/intent:${candidate.intent}`,
            })),
            talkToPersonChoice,
          ],
        })
        return result()
      }
      replies.push({
        key: 'fallback',
        choices: [
          { label: 'choice-find-product', payload: '/intent:product_search' },
          { label: 'choice-track-order', payload: '/intent:track_order' },
          { label: 'choice-store-policies', payload: '/intent:store_policy' },
        ],
      })
      return result()
    },
  }
}
