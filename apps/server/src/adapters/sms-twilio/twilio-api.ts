import { z } from 'zod'

/** The fields of Twilio's Message resource Kedai reads (the rest is ignored). */
export const twilioMessageSchema = z.object({
  sid: z.string().min(1),
  status: z.string(),
  error_code: z.number().nullable().optional(),
  error_message: z.string().nullable().optional(),
})

/** Twilio's error body. */
export const twilioErrorSchema = z.object({
  code: z.number().optional(),
  message: z.string(),
  status: z.number().optional(),
})
