import type { Operation } from './operation.js'

/**
 * An expected failure: its message is the one line the user reads, so it says what went wrong and
 * what to do. Anything that is not an ActionError is a bug and keeps its stack.
 */
export class ActionError extends Error {
  override name = 'ActionError'
}

/** The run was cancelled (SIGINT/SIGTERM from the runner); the go-live keeps running on the service. */
export class Cancelled extends Error {
  override name = 'Cancelled'
  constructor() {
    super('cancelled')
  }
}

/** A failure worth trying again: a network fault, a throttled or unavailable service, a broken body. */
export class TransientError extends Error {
  override name = 'TransientError'
  constructor(
    message: string,
    /** Milliseconds the service asked us to wait (Retry-After), if it did. */
    readonly retryAfterMs?: number,
  ) {
    super(message)
  }
}

/**
 * A request that must not run twice was throttled (429: the service did not act on it). Its caller
 * waits, looks at what the service did meanwhile (another run may have done the same thing), and
 * only then sends it again.
 */
export class Throttled extends TransientError {
  override name = 'Throttled'
}

/** A request that kept failing transiently until its retry budget ran out. A poll loop may go on. */
export class GaveUp extends ActionError {
  override name = 'GaveUp'
}

/** The service says the thing read does not exist (HTTP 404): right after a start, maybe not yet. */
export class NotFound extends ActionError {
  override name = 'NotFound'
}

/** A request that must not be repeated blindly failed in a way that may have reached the service. */
export class MaybeSent extends Error {
  override name = 'MaybeSent'
  constructor(
    message: string,
    /** Milliseconds the service asked to wait before the request goes again (Retry-After), if it did. */
    readonly retryAfterMs?: number,
  ) {
    super(message)
  }
}

/**
 * The service refused the operation the run follows (it ended without acting): the step fails with
 * this line, the service's own words in it, and the operation's last read as its status.
 */
export class Refused extends ActionError {
  override name = 'Refused'
  constructor(
    message: string,
    readonly op: Operation,
  ) {
    super(message)
  }
}
