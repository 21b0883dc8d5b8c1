/** The sandbox payment provider: deterministic test cards and hosted test pages, no account needed. */
export {
  createSandboxPaymentProvider,
  sandboxSignatureHeader,
  signSandboxWebhook,
  type SandboxPaymentProviderOptions,
  type SandboxWebhookBody,
} from './sandbox-payment-provider.ts'
export {
  sandboxCardBehaviours,
  sandboxTestCards,
  tokenizeSandboxCard,
  type SandboxCardBehaviour,
} from './sandbox-test-cards.ts'
