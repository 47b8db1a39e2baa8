// Time as a dependency: real timers in the app, shrunken policies in tests.
export interface Clock {
  now(): number
  /** Resolves after `ms`, or early when `wake` resolves. */
  sleep(ms: number, wake?: Promise<unknown>): Promise<void>
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep(ms, wake) {
    return new Promise<void>((resolve) => {
      const t = setTimeout(resolve, Math.max(0, ms))
      wake?.then(() => {
        clearTimeout(t)
        resolve()
      })
    })
  },
}
