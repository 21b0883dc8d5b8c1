/**
 * `@kedai/contracts`: zod schemas and types shared by the server and the UIs — the message model,
 * REST DTOs, WebSocket frames and events. Defined once here; both sides import them.
 */
export { locales as supportedLocales } from './locales.ts'
export type { SupportedLocale } from './locales.ts'
