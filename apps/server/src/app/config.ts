import { existsSync, readFileSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseDotenv } from 'dotenv'
import { z } from 'zod'
import { locales } from '../shared/locale.ts'
import {
  alwaysOpenBusinessHours,
  businessHoursSchema,
  defaultHandOverRules,
  handOverRulesSchema,
  type BusinessHours,
  type HandOverRules,
} from '../domains/inbox/index.ts'

/**
 * The only reader of the environment (and of an optional `.env` file at the repository root;
 * real environment variables win). Every variable is documented in `.env.example`.
 */

/**
 * The repository root: the nearest folder above this module whose `package.json` declares the
 * workspaces (found by walking up, so it is right from the sources and from a bundled build).
 */
export const repositoryRoot = findRepositoryRoot(dirname(fileURLToPath(import.meta.url)))

function findRepositoryRoot(start: string): string {
  let folder = start
  for (;;) {
    const manifest = join(folder, 'package.json')
    if (
      existsSync(manifest) &&
      'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)
    ) {
      return folder
    }
    const parent = dirname(folder)
    if (parent === folder) return resolve(start, '../../../..')
    folder = parent
  }
}

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

/** A variable holding JSON that must match `schema`. */
function jsonText<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown
      } catch {
        context.addIssue({ code: 'custom', message: 'expected JSON' })
        return z.NEVER
      }
    })
    .pipe(schema)
}

const variables = {
  PORT: z.coerce
    .number({ message: 'expected a port number from 1 to 65535' })
    .int('expected a port number from 1 to 65535')
    .min(1, 'expected a port number from 1 to 65535')
    .max(65535, 'expected a port number from 1 to 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z
    .url({ message: 'expected an absolute URL such as https://shop.example' })
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/.+/,
      'expected postgres://user@host:port/database (unset for SQLite)',
    )
    .optional(),
  KEDAI_DATA_DIR: z.string().min(1).default('data'),
  KEDAI_SEED_DEMO: booleanText.default(true),
  KEDAI_DEMO_TIME_SCALE: z.coerce
    .number({ message: 'expected a number from 1 to 86400' })
    .min(1, 'expected a number from 1 to 86400')
    .max(86_400, 'expected a number from 1 to 86400')
    .default(1),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  STORE_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as MYR')
    .default('MYR'),
  STORE_LOCALE: z.enum(locales, { message: `expected one of ${locales.join(', ')}` }).default('en'),
  STORE_TAX_RATE: z.coerce
    .number({ message: 'expected a tax rate in percent such as 6' })
    .min(0, 'expected a tax rate from 0 to 100 percent')
    .max(100, 'expected a tax rate from 0 to 100 percent')
    .default(6),
  STORE_TAX_MODE: z
    .enum(['inclusive', 'exclusive'], { message: 'expected inclusive or exclusive' })
    .default('inclusive'),
  CHECKOUT_CAPTURE: z
    .enum(['on-order', 'on-fulfilment'], { message: 'expected on-order or on-fulfilment' })
    .default('on-order'),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ message: 'expected milliseconds' })
    .int()
    .min(0, 'expected milliseconds ≥ 0')
    .default(10_000),
  ALLOWED_ORIGINS: z.string().default(''),
  KEDAI_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
  KEDAI_DEMO_STAFF_PASSWORD: z
    .string()
    .min(8, 'expected at least 8 characters')
    .default('kedai-demo'),
  KEDAI_BUSINESS_HOURS: jsonText(businessHoursSchema).optional(),
  KEDAI_HANDOVER_RULES: jsonText(handOverRulesSchema).optional(),
  KEDAI_HANDOVER_ACCEPT_SECONDS: z.coerce
    .number({ message: 'expected seconds' })
    .int('expected whole seconds')
    .min(5, 'expected at least 5 seconds')
    .max(3_600, 'expected at most 3600 seconds')
    .default(60),
  PAYMENT_PROVIDER: z
    .enum(['sandbox', 'stripe', 'paypal'], { message: 'expected sandbox, stripe or paypal' })
    .default('sandbox'),
  PAYMENT_CAPTURE: z
    .enum(['automatic', 'manual'], { message: 'expected automatic or manual' })
    .default('automatic'),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_/, 'expected a Stripe secret key (sk_test_…)')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .startsWith('whsec_', 'expected a webhook signing secret (whsec_…)')
    .optional(),
  STRIPE_API_BASE: z.url({ message: 'expected a URL such as https://api.stripe.com' }).optional(),
  PAYPAL_CLIENT_ID: z.string().min(1).optional(),
  PAYPAL_CLIENT_SECRET: z.string().min(1).optional(),
  PAYPAL_WEBHOOK_ID: z.string().min(1).optional(),
  PAYPAL_API_BASE: z
    .url({ message: 'expected a URL such as https://api-m.sandbox.paypal.com' })
    .default('https://api-m.sandbox.paypal.com'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'expected smtp://user:password@host:port')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Kedai <orders@kedai.example>'),
  TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM: z.string().min(1).optional(),
  TWILIO_BASE_URL: z.url({ message: 'expected a URL such as https://api.twilio.com' }).optional(),
} as const

const environmentSchema = z.object(variables)

/** Kedai's configuration, read once at start. */
export interface Configuration {
  readonly port: number
  readonly host: string
  readonly publicUrl: string
  readonly database:
    | { readonly engine: 'postgres'; readonly url: string }
    | { readonly engine: 'sqlite'; readonly file: string }
  readonly dataDirectory: string
  readonly demoDirectory: string
  readonly seedDemo: boolean
  /**
   * How much faster than real time the demo store's warehouse and carrier move new orders (3600:
   * an hour passes in a second), so a delivery can be tried in minutes.
   */
  readonly demoTimeScale: number
  readonly logLevel: string
  readonly environment: 'development' | 'production' | 'test'
  readonly store: { readonly currency: string; readonly locale: (typeof locales)[number] }
  /** Sales tax: rate in basis points (600 = 6 %) and whether shelf prices include it. */
  readonly tax: { readonly rateBasisPoints: number; readonly mode: 'inclusive' | 'exclusive' }
  /** When checkout captures the authorized payment: at once, or when the order ships. */
  readonly checkoutCapture: 'on-order' | 'on-fulfilment'
  readonly shutdownTimeoutMs: number
  /** Origins allowed to embed the widget and call the API from a browser. */
  readonly allowedOrigins: readonly string[]
  /** Signs shopper tokens and sessions; a development default is used outside production. */
  readonly secret: string
  /** Password of the demo store's console users (agents and admin). */
  readonly demoStaffPassword: string
  /** Payments: the default provider, capture mode, and credentials of real providers. */
  readonly payments: {
    readonly provider: 'sandbox' | 'stripe' | 'paypal'
    readonly captureMode: 'automatic' | 'manual'
    readonly stripe:
      | {
          readonly secretKey: string
          readonly webhookSecret: string
          readonly apiBase: string | undefined
        }
      | undefined
    readonly paypal:
      | {
          readonly clientId: string
          readonly clientSecret: string
          readonly webhookId: string
          readonly apiBase: string
        }
      | undefined
  }
  /** Notifications: without SMTP or Twilio settings messages are only recorded in the outbox. */
  readonly notifications: {
    readonly mailFrom: string
    readonly smtpUrl: string | undefined
    readonly twilio:
      | {
          readonly accountSid: string
          readonly authToken: string
          readonly from: string
          readonly baseUrl: string | undefined
        }
      | undefined
  }
  /** Hand-over to people: when agents answer, the rules that hand over, how long an offer waits. */
  readonly handOver: {
    readonly businessHours: BusinessHours
    readonly rules: HandOverRules
    readonly acceptTimeoutMs: number
  }
}

/** One invalid or missing variable and what it expects. */
export interface ConfigurationProblem {
  readonly variable: string
  readonly expected: string
}

/** Thrown when the configuration is invalid; lists every problem, not only the first. */
export class ConfigurationError extends Error {
  readonly problems: readonly ConfigurationProblem[]
  constructor(problems: ConfigurationProblem[]) {
    super(
      `Invalid configuration:\n${problems.map((problem) => `  - ${problem.variable}: ${problem.expected}`).join('\n')}\nSee .env.example for every variable.`,
    )
    this.name = 'ConfigurationError'
    this.problems = problems
  }
}

const developmentSecret = 'kedai-development-secret-change-me-in-production'

/** Reads the `.env` file at the repository root, when there is one. */
function readDotenvFile(): Record<string, string> {
  const file = join(repositoryRoot, '.env')
  return existsSync(file) ? parseDotenv(readFileSync(file)) : {}
}

/**
 * Reads and validates the configuration from `environment` (default: `.env` overlaid by the process
 * environment). Throws {@link ConfigurationError} naming every invalid variable.
 */
export function loadConfiguration(
  environment: Record<string, string | undefined> = { ...readDotenvFile(), ...process.env },
): Configuration {
  const input = Object.fromEntries(
    Object.keys(variables).map((name) => {
      const value = environment[name]
      return [name, value === '' ? undefined : value]
    }),
  )
  const parsed = environmentSchema.safeParse(input)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? '?'),
      expected: issue.message,
    }))
    throw new ConfigurationError(problems)
  }
  const values = parsed.data
  if (values.NODE_ENV === 'production' && values.KEDAI_SECRET === undefined) {
    throw new ConfigurationError([
      {
        variable: 'KEDAI_SECRET',
        expected: 'required in production: a random string of 32+ characters',
      },
    ])
  }
  const paymentProblems: ConfigurationProblem[] = []
  const stripeConfigured =
    values.STRIPE_SECRET_KEY !== undefined && values.STRIPE_WEBHOOK_SECRET !== undefined
  const paypalConfigured =
    values.PAYPAL_CLIENT_ID !== undefined &&
    values.PAYPAL_CLIENT_SECRET !== undefined &&
    values.PAYPAL_WEBHOOK_ID !== undefined
  if (values.PAYMENT_PROVIDER === 'stripe' && !stripeConfigured) {
    paymentProblems.push({
      variable: 'STRIPE_SECRET_KEY',
      expected:
        'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are required when PAYMENT_PROVIDER=stripe',
    })
  }
  if (values.PAYMENT_PROVIDER === 'paypal' && !paypalConfigured) {
    paymentProblems.push({
      variable: 'PAYPAL_CLIENT_ID',
      expected:
        'PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET and PAYPAL_WEBHOOK_ID are required when PAYMENT_PROVIDER=paypal',
    })
  }
  if (paymentProblems.length > 0) throw new ConfigurationError(paymentProblems)
  const dataDirectory = isAbsolute(values.KEDAI_DATA_DIR)
    ? values.KEDAI_DATA_DIR
    : join(repositoryRoot, values.KEDAI_DATA_DIR)
  return {
    port: values.PORT,
    host: values.HOST,
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ''),
    database:
      values.DATABASE_URL === undefined
        ? { engine: 'sqlite', file: join(dataDirectory, 'kedai.db') }
        : { engine: 'postgres', url: values.DATABASE_URL },
    dataDirectory,
    demoDirectory: join(repositoryRoot, 'data', 'demo'),
    seedDemo: values.KEDAI_SEED_DEMO,
    demoTimeScale: values.KEDAI_DEMO_TIME_SCALE,
    logLevel: values.LOG_LEVEL,
    environment: values.NODE_ENV,
    store: { currency: values.STORE_CURRENCY, locale: values.STORE_LOCALE },
    tax: { rateBasisPoints: Math.round(values.STORE_TAX_RATE * 100), mode: values.STORE_TAX_MODE },
    checkoutCapture: values.CHECKOUT_CAPTURE,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    allowedOrigins: values.ALLOWED_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0),
    secret: values.KEDAI_SECRET ?? developmentSecret,
    demoStaffPassword: values.KEDAI_DEMO_STAFF_PASSWORD,
    payments: {
      provider: values.PAYMENT_PROVIDER,
      captureMode: values.PAYMENT_CAPTURE,
      stripe:
        values.STRIPE_SECRET_KEY === undefined || values.STRIPE_WEBHOOK_SECRET === undefined
          ? undefined
          : {
              secretKey: values.STRIPE_SECRET_KEY,
              webhookSecret: values.STRIPE_WEBHOOK_SECRET,
              apiBase: values.STRIPE_API_BASE,
            },
      paypal:
        values.PAYPAL_CLIENT_ID === undefined ||
        values.PAYPAL_CLIENT_SECRET === undefined ||
        values.PAYPAL_WEBHOOK_ID === undefined
          ? undefined
          : {
              clientId: values.PAYPAL_CLIENT_ID,
              clientSecret: values.PAYPAL_CLIENT_SECRET,
              webhookId: values.PAYPAL_WEBHOOK_ID,
              apiBase: values.PAYPAL_API_BASE,
            },
    },
    notifications: {
      mailFrom: values.MAIL_FROM,
      smtpUrl: values.SMTP_URL,
      twilio:
        values.TWILIO_ACCOUNT_SID === undefined ||
        values.TWILIO_AUTH_TOKEN === undefined ||
        values.TWILIO_FROM === undefined
          ? undefined
          : {
              accountSid: values.TWILIO_ACCOUNT_SID,
              authToken: values.TWILIO_AUTH_TOKEN,
              from: values.TWILIO_FROM,
              baseUrl: values.TWILIO_BASE_URL,
            },
    },
    handOver: {
      businessHours: values.KEDAI_BUSINESS_HOURS ?? alwaysOpenBusinessHours,
      rules: values.KEDAI_HANDOVER_RULES ?? defaultHandOverRules,
      acceptTimeoutMs: values.KEDAI_HANDOVER_ACCEPT_SECONDS * 1000,
    },
  }
}

/** Settings the test suites read (kept here so nothing else touches the environment). */
export interface TestEnvironment {
  readonly postgresUrl: string
  readonly requirePostgres: boolean
  readonly chromiumPath: string
  readonly isCi: boolean
}

/** Reads the test settings: `KEDAI_TEST_DATABASE_URL`, `KEDAI_REQUIRE_POSTGRES`, `CHROMIUM_PATH`, `CI`. */
export function readTestEnvironment(
  environment: Record<string, string | undefined> = process.env,
): TestEnvironment {
  return {
    postgresUrl: environment.KEDAI_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test',
    requirePostgres: environment.KEDAI_REQUIRE_POSTGRES === '1',
    chromiumPath: environment.CHROMIUM_PATH ?? '/usr/bin/chromium',
    isCi: environment.CI !== undefined && environment.CI !== '' && environment.CI !== 'false',
  }
}
