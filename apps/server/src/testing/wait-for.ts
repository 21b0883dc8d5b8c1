/**
 * Test support for asynchronous effects: polls `check` every 10 ms until it holds, or throws after
 * `milliseconds` (an effect that never comes fails the test instead of hanging it).
 */
export async function waitFor(check: () => boolean, milliseconds = 10_000): Promise<void> {
  const deadline = Date.now() + milliseconds
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** True when `promise` settles (either way) within `milliseconds`: to show something still waits. */
export function settledWithin(promise: Promise<unknown>, milliseconds: number): Promise<boolean> {
  return Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), milliseconds)),
  ])
}
