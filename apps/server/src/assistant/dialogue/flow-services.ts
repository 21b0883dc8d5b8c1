import type { PolicyService } from '../../domains/policies/index.ts'

/** The domain services flows may call; each is optional so a flow degrades to a hand-over offer. */
export interface FlowServices {
  readonly policies?: PolicyService
}
