import { z } from 'zod'

/** One flow in progress: its filled slots and what the bot asked for last. */
export const flowFrameSchema = z.object({
  flow: z.string(),
  slots: z.record(z.string(), z.string()),
  /** The slot the bot asked for, `confirmation`, or absent when nothing is awaited. */
  awaiting: z.string().optional(),
  /** Failed answers to the current question, for re-prompts and giving up. */
  attempts: z.number().int().nonnegative(),
})

/** One of {@link flowFrameSchema}. */
export type FlowFrame = z.infer<typeof flowFrameSchema>

/** What the dialogue engine remembers between turns of one conversation (stored with it). */
export const dialogueStateSchema = z.object({
  active: flowFrameSchema.optional(),
  /** Flows interrupted by a digression, most recent last; resumed when the digression completes. */
  suspended: z.array(flowFrameSchema).max(5).default([]),
  /** The product the conversation is about ("do you have it in black?"). */
  focus: z.object({ productId: z.string(), name: z.string() }).optional(),
  /** The token of the shopper's cart, once the bot opened one. */
  cartToken: z.string().optional(),
  /** The physical store the conversation happens in (an in-store kiosk's location code). */
  locationCode: z.string().optional(),
  /** A coupon the shopper gave, applied at checkout. */
  couponCode: z.string().optional(),
  /** Consecutive turns the bot did not understand; a hand-over follows after a few. */
  lowConfidenceStreak: z.number().int().nonnegative().default(0),
  /** True once the shopper was told a person will join, so the notice is not repeated. */
  waitingNoticeSent: z.boolean().default(false),
})

/** One of {@link dialogueStateSchema}. */
export type DialogueState = z.infer<typeof dialogueStateSchema>

/** Reads a stored state; anything unreadable (an old shape, a broken row) starts afresh. */
export function readDialogueState(stored: unknown): DialogueState {
  const parsed = dialogueStateSchema.safeParse(stored ?? {})
  return parsed.success
    ? parsed.data
    : { suspended: [], lowConfidenceStreak: 0, waitingNoticeSent: false }
}
