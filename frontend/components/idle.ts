// Runs a task when the browser has nothing else to do, and within a second at the latest. Math and
// charts use it to stay out of the way of a page's first exchanges with the server. Safari has no
// requestIdleCallback: there the next task does.
export const whenIdle: (task: (idle?: IdleDeadline) => void) => void =
  typeof window.requestIdleCallback === 'function'
    ? (task) => window.requestIdleCallback(task, { timeout: 1000 })
    : (task) => window.setTimeout(task, 0);
