import { z } from 'zod'
import {
  cartSubtotal,
  isLineSelected,
  type CartSnapshot,
  type CartSnapshotLine,
  type PromotionCustomer,
} from './cart-snapshot.ts'

/** A condition or action stored as data: which operation, with which arguments. */
export interface ConfiguredOperation {
  readonly code: string
  readonly args: Record<string, unknown>
}

/** What conditions and actions see. */
export interface OperationContext {
  readonly cart: CartSnapshot
  readonly customer: PromotionCustomer
}

/** A condition's verdict; failures carry what the bot needs to explain them. */
export type ConditionVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'minimum-not-met'; readonly missingAmount: number }
  | { readonly ok: false; readonly reason: 'not-applicable'; readonly detail: string }

/** What an action takes off: from the items, or from shipping. */
export interface ActionEffect {
  readonly scope: 'items' | 'shipping'
  /** Discount in minor units (never negative). */
  readonly amount: number
}

const selectorSchema = {
  productIds: z.array(z.string()).optional(),
  productSlugs: z.array(z.string()).optional(),
  skus: z.array(z.string()).optional(),
  skuPrefixes: z.array(z.string().min(1)).optional(),
  categoryKeys: z.array(z.string()).optional(),
}

/** A condition as a configurable operation (like Vendure's): code, argument schema, check. */
export interface ConditionDefinition<A> {
  readonly code: string
  readonly description: string
  readonly argsSchema: z.ZodType<A>
  check(args: A, context: OperationContext): ConditionVerdict
}

/** An action as a configurable operation: code, argument schema, what it takes off. */
export interface ActionDefinition<A> {
  readonly code: string
  readonly description: string
  readonly argsSchema: z.ZodType<A>
  apply(args: A, context: OperationContext): ActionEffect
}

function defineCondition<A>(definition: ConditionDefinition<A>): ConditionDefinition<A> {
  return definition
}

function defineAction<A>(definition: ActionDefinition<A>): ActionDefinition<A> {
  return definition
}

function unitsOf(lines: readonly CartSnapshotLine[]): number[] {
  return lines.flatMap((line) => Array.from({ length: line.quantity }, () => line.unitPrice))
}

/** Every condition a promotion can use, by code. */
export const promotionConditions = {
  'minimum-order-amount': defineCondition({
    code: 'minimum-order-amount',
    description: 'The item subtotal is at least `amount` (minor units).',
    argsSchema: z.object({ amount: z.number().int().positive() }),
    check(args, { cart }) {
      const subtotal = cartSubtotal(cart)
      return subtotal >= args.amount
        ? { ok: true }
        : { ok: false, reason: 'minimum-not-met', missingAmount: args.amount - subtotal }
    },
  }),
  'first-order-only': defineCondition({
    code: 'first-order-only',
    description: 'The customer has not ordered before.',
    argsSchema: z.object({}),
    check(_args, { customer }) {
      return customer.previousOrderCount === 0
        ? { ok: true }
        : { ok: false, reason: 'not-applicable', detail: 'first-order-only' }
    },
  }),
  'contains-products': defineCondition({
    code: 'contains-products',
    description: 'The cart holds at least `minimumQuantity` units of the selected products.',
    argsSchema: z.object({
      ...selectorSchema,
      minimumQuantity: z.number().int().positive().default(1),
    }),
    check(args, { cart }) {
      const quantity = cart.lines
        .filter((line) => isLineSelected(line, args))
        .reduce((sum, line) => sum + line.quantity, 0)
      return quantity >= args.minimumQuantity
        ? { ok: true }
        : { ok: false, reason: 'not-applicable', detail: 'contains-products' }
    },
  }),
} as const

/** Every action a promotion can take, by code. */
export const promotionActions = {
  'order-percentage-off': defineAction({
    code: 'order-percentage-off',
    description: '`percent` off the item subtotal, at most `maximumAmount` when given.',
    argsSchema: z.object({
      percent: z.number().positive().max(100),
      maximumAmount: z.number().int().positive().optional(),
    }),
    apply(args, { cart }) {
      const amount = Math.round((cartSubtotal(cart) * args.percent) / 100)
      return { scope: 'items', amount: Math.min(amount, args.maximumAmount ?? amount) }
    },
  }),
  'order-fixed-off': defineAction({
    code: 'order-fixed-off',
    description: '`amount` off the item subtotal.',
    argsSchema: z.object({ amount: z.number().int().positive() }),
    apply(args, { cart }) {
      return { scope: 'items', amount: Math.min(args.amount, cartSubtotal(cart)) }
    },
  }),
  'product-percentage-off': defineAction({
    code: 'product-percentage-off',
    description: '`percent` off each selected product.',
    argsSchema: z.object({ ...selectorSchema, percent: z.number().positive().max(100) }),
    apply(args, { cart }) {
      const selected = cart.lines.filter((line) => isLineSelected(line, args))
      const amount = selected.reduce(
        (sum, line) => sum + Math.round((line.unitPrice * line.quantity * args.percent) / 100),
        0,
      )
      return { scope: 'items', amount }
    },
  }),
  'product-fixed-off': defineAction({
    code: 'product-fixed-off',
    description: '`amount` off each unit of the selected products (never below zero).',
    argsSchema: z.object({ ...selectorSchema, amount: z.number().int().positive() }),
    apply(args, { cart }) {
      const selected = cart.lines.filter((line) => isLineSelected(line, args))
      const amount = selected.reduce(
        (sum, line) => sum + Math.min(args.amount, line.unitPrice) * line.quantity,
        0,
      )
      return { scope: 'items', amount }
    },
  }),
  'free-shipping': defineAction({
    code: 'free-shipping',
    description: 'Takes the whole shipping charge off.',
    argsSchema: z.object({}),
    apply(_args, { cart }) {
      return { scope: 'shipping', amount: cart.shippingAmount ?? 0 }
    },
  }),
  'bundle-price': defineAction({
    code: 'bundle-price',
    description:
      'Each complete set of `components` (selected products × quantity) costs `price`; the most expensive matching units form the sets.',
    argsSchema: z.object({
      price: z.number().int().positive(),
      components: z
        .array(z.object({ ...selectorSchema, quantity: z.number().int().positive().default(1) }))
        .min(2),
    }),
    apply(args, { cart }) {
      const pools = args.components.map((component) => ({
        quantity: component.quantity,
        units: unitsOf(cart.lines.filter((line) => isLineSelected(line, component))).sort(
          (a, b) => b - a,
        ),
      }))
      const sets = Math.min(...pools.map((pool) => Math.floor(pool.units.length / pool.quantity)))
      if (!Number.isFinite(sets) || sets <= 0) return { scope: 'items', amount: 0 }
      const regular = pools.reduce(
        (sum, pool) => sum + pool.units.slice(0, sets * pool.quantity).reduce((a, b) => a + b, 0),
        0,
      )
      return { scope: 'items', amount: Math.max(0, regular - sets * args.price) }
    },
  }),
} as const

/** Codes of every condition. */
export type PromotionConditionCode = keyof typeof promotionConditions

/** Codes of every action. */
export type PromotionActionCode = keyof typeof promotionActions

/** Validates a configured operation's code and arguments; returns a readable problem or undefined. */
export function describeOperationProblem(
  operation: ConfiguredOperation,
  kind: 'condition' | 'action',
): string | undefined {
  const table: Record<string, { argsSchema: z.ZodType }> =
    kind === 'condition' ? promotionConditions : promotionActions
  const definition = table[operation.code]
  if (definition === undefined) return `unknown ${kind} ${operation.code}`
  const parsed = definition.argsSchema.safeParse(operation.args)
  return parsed.success
    ? undefined
    : `${kind} ${operation.code}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`
}

/** Runs a stored condition. Unknown codes never apply. */
export function checkCondition(
  operation: ConfiguredOperation,
  context: OperationContext,
): ConditionVerdict {
  const definition = (promotionConditions as Record<string, ConditionDefinition<unknown>>)[
    operation.code
  ]
  if (definition === undefined)
    return { ok: false, reason: 'not-applicable', detail: `unknown-condition` }
  const args = definition.argsSchema.safeParse(operation.args)
  if (!args.success) return { ok: false, reason: 'not-applicable', detail: 'invalid-condition' }
  return definition.check(args.data, context)
}

/** Runs a stored action. Unknown codes take nothing off. */
export function applyAction(
  operation: ConfiguredOperation,
  context: OperationContext,
): ActionEffect {
  const definition = (promotionActions as Record<string, ActionDefinition<unknown>>)[operation.code]
  if (definition === undefined) return { scope: 'items', amount: 0 }
  const args = definition.argsSchema.safeParse(operation.args)
  if (!args.success) return { scope: 'items', amount: 0 }
  return definition.apply(args.data, context)
}
