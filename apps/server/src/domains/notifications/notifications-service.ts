import { z } from 'zod'
import type { Db } from '../../db/database.ts'
import type { NotificationTable } from '../../db/tables/commerce-b.ts'
import { AppError } from '../../shared/app-error.ts'
import type { Clock } from '../../shared/clock.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import type { Locale } from '../../shared/locale.ts'
import type { NotificationChannel, NotificationSender } from './notification-sender.ts'
import { chargeFailedDataSchema, renderChargeFailed } from './charge-failed-template.ts'
import {
  orderConfirmationDataSchema,
  renderOrderConfirmation,
  type RenderedMessage,
} from './order-confirmation-template.ts'

/** Templates the notifications domain can render. */
export const notificationTemplates = ['order-confirmation', 'charge-failed'] as const

/** One of {@link notificationTemplates}. */
export type NotificationTemplate = (typeof notificationTemplates)[number]

/** Where a notification stands in the outbox. */
export const notificationStatuses = ['pending', 'sent', 'failed', 'logged'] as const

/** One of {@link notificationStatuses}; `logged` means no sender is configured for the channel. */
export type NotificationStatus = (typeof notificationStatuses)[number]

/** A request to notify someone. */
export interface NotificationRequest {
  readonly channel: NotificationChannel
  readonly to: string
  readonly locale: Locale
  readonly template: NotificationTemplate
  readonly data: unknown
}

/** A notification as stored in the outbox. */
export interface Notification {
  readonly id: string
  readonly channel: NotificationChannel
  readonly recipient: string
  readonly locale: Locale
  readonly template: NotificationTemplate
  readonly subject: string | null
  readonly body: string
  readonly status: NotificationStatus
  readonly attempts: number
  readonly lastError: string | null
  readonly providerReference: string | null
  readonly createdAt: string
  readonly sentAt: string | null
  readonly nextAttemptAt: string | null
}

/** The notifications domain's public service. */
export interface NotificationsService {
  /**
   * Renders the template in the locale, stores it in the outbox, then tries to deliver it. A failed
   * delivery stays in the outbox as `failed` with the next attempt time; it is never lost.
   */
  send(request: NotificationRequest): Promise<Notification>
  /** Retries failed notifications whose next attempt is due. Returns how many were sent now. */
  retryFailed(): Promise<{ attempted: number; sent: number }>
  /** Outbox entries, newest first. */
  listNotifications(options?: {
    recipient?: string
    status?: NotificationStatus
  }): Promise<Notification[]>
}

type Rendering =
  { readonly data: object; readonly message: RenderedMessage } | { readonly error: z.ZodError }

/** Renders a template's data once it passed the template's schema (the data kept is the parsed one). */
function rendering<T extends object>(
  schema: z.ZodType<T>,
  render: (data: T, locale: Locale) => RenderedMessage,
): (data: unknown, locale: Locale) => Rendering {
  return (data, locale) => {
    const parsed = schema.safeParse(data)
    return parsed.success
      ? { data: parsed.data, message: render(parsed.data, locale) }
      : { error: parsed.error }
  }
}

/** Each template: its data checked before anything is stored, and how it is rendered. */
const templates: Record<NotificationTemplate, (data: unknown, locale: Locale) => Rendering> = {
  'order-confirmation': rendering(orderConfirmationDataSchema, renderOrderConfirmation),
  'charge-failed': rendering(chargeFailedDataSchema, renderChargeFailed),
}

function toNotification(row: NotificationTable): Notification {
  return {
    id: row.id,
    channel: row.channel as NotificationChannel,
    recipient: row.recipient,
    locale: row.locale as Locale,
    template: row.template as NotificationTemplate,
    subject: row.subject,
    body: row.body,
    status: row.status as NotificationStatus,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    providerReference: row.provider_reference,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    nextAttemptAt: row.next_attempt_at,
  }
}

/** Creates the {@link NotificationsService}. */
export function createNotificationsService(dependencies: {
  readonly db: Db
  readonly clock: Clock
  readonly createId: IdGenerator
  /** Configured senders; a channel without one only records to the outbox (`logged`). */
  readonly senders: readonly NotificationSender[]
  /** Attempts before a notification stays failed for a human to look at. Default 5. */
  readonly maximumAttempts?: number
  /** Delay before the first retry; doubles each attempt. Default one minute. */
  readonly retryDelayMs?: number
}): NotificationsService {
  const { db, clock, createId } = dependencies
  const senders = new Map(dependencies.senders.map((sender) => [sender.channel, sender]))
  const maximumAttempts = dependencies.maximumAttempts ?? 5
  const retryDelayMs = dependencies.retryDelayMs ?? 60_000

  async function deliver(row: NotificationTable): Promise<NotificationTable> {
    const sender = senders.get(row.channel as NotificationChannel)
    if (sender === undefined) {
      await db
        .updateTable('notifications')
        .set({ status: 'logged' })
        .where('id', '=', row.id)
        .execute()
      return { ...row, status: 'logged' }
    }
    const attempts = Number(row.attempts) + 1
    let outcome: Awaited<ReturnType<NotificationSender['send']>>
    try {
      outcome = await sender.send({
        channel: row.channel as NotificationChannel,
        to: row.recipient,
        subject: row.subject ?? undefined,
        text: row.body,
        html:
          row.channel === 'email' ? (JSON.parse(row.data) as { html?: string }).html : undefined,
      })
    } catch (error) {
      outcome = {
        ok: false,
        reason: 'unavailable',
        message: error instanceof Error ? error.message : String(error),
      }
    }
    const now = clock.now()
    const changes: Partial<NotificationTable> = outcome.ok
      ? {
          status: 'sent',
          attempts,
          sent_at: now.toISOString(),
          provider_reference: outcome.providerReference,
          last_error: null,
          next_attempt_at: null,
        }
      : {
          status: 'failed',
          attempts,
          last_error: `${outcome.reason}: ${outcome.message}`.slice(0, 500),
          next_attempt_at:
            attempts >= maximumAttempts
              ? null
              : new Date(now.getTime() + retryDelayMs * 2 ** (attempts - 1)).toISOString(),
        }
    await db.updateTable('notifications').set(changes).where('id', '=', row.id).execute()
    return { ...row, ...changes }
  }

  return {
    async send(request) {
      const result = templates[request.template](request.data, request.locale)
      if ('error' in result) {
        throw new AppError('validation', `Invalid data for template ${request.template}`, {
          issues: result.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            message: issue.message,
          })),
        })
      }
      const rendered = result.message
      const recipientSchema =
        request.channel === 'email' ? z.email() : z.string().regex(/^\+[1-9]\d{6,14}$/)
      if (!recipientSchema.safeParse(request.to).success) {
        throw new AppError(
          'validation',
          `Invalid ${request.channel === 'email' ? 'e-mail address' : 'phone number (E.164)'}: ${request.to}`,
        )
      }
      const row: NotificationTable = {
        id: createId('ntf'),
        channel: request.channel,
        recipient: request.to,
        locale: request.locale,
        template: request.template,
        data: JSON.stringify({ ...result.data, html: rendered.html }),
        subject: request.channel === 'email' ? rendered.subject : null,
        body: request.channel === 'email' ? rendered.text : rendered.sms,
        status: 'pending',
        attempts: 0,
        last_error: null,
        provider_reference: null,
        created_at: clock.now().toISOString(),
        sent_at: null,
        next_attempt_at: null,
      }
      await db.insertInto('notifications').values(row).execute()
      return toNotification(await deliver(row))
    },

    async retryFailed() {
      const due = await db
        .selectFrom('notifications')
        .selectAll()
        .where('status', '=', 'failed')
        .where('next_attempt_at', 'is not', null)
        .where('next_attempt_at', '<=', clock.now().toISOString())
        .orderBy('created_at')
        .limit(100)
        .execute()
      let sent = 0
      for (const row of due) {
        if ((await deliver(row)).status === 'sent') sent += 1
      }
      return { attempted: due.length, sent }
    },

    async listNotifications(options = {}) {
      let query = db.selectFrom('notifications').selectAll()
      if (options.recipient !== undefined) query = query.where('recipient', '=', options.recipient)
      if (options.status !== undefined) query = query.where('status', '=', options.status)
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
      return rows.map(toNotification)
    },
  }
}
