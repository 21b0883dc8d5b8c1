/** One step of a workflow and how to undo it when a later step fails. */
export interface Step {
  readonly name: string
  run(): Promise<void>
  undo?(): Promise<void>
}

/** Thrown when undoing failed too; carries both errors so nothing is hidden. */
export class CompensationError extends Error {
  constructor(
    readonly step: string,
    readonly original: unknown,
    cause: unknown,
  ) {
    super(`undoing step ${step} failed`, { cause })
    this.name = 'CompensationError'
  }
}

/**
 * Runs steps in order; when one throws, undoes the completed steps (and the failing one, whose
 * undo must cope with a partial run) in reverse order, then rethrows the original error.
 * `keepOnFailure` names steps whose effects must stay for this error (a paused checkout).
 */
export async function runSteps(
  steps: readonly Step[],
  keepOnFailure: (error: unknown) => readonly string[] = () => [],
): Promise<void> {
  const started: Step[] = []
  for (const step of steps) {
    started.push(step)
    try {
      await step.run()
    } catch (error) {
      const kept = keepOnFailure(error)
      for (const done of started.reverse()) {
        if (done.undo === undefined || kept.includes(done.name)) continue
        try {
          await done.undo()
        } catch (undoError) {
          throw new CompensationError(done.name, error, undoError)
        }
      }
      throw error
    }
  }
}
