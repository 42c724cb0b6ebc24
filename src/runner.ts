import * as core from '@actions/core'
import { forLog } from './sanitize.js'

/** Failure lines may carry several reasons; other lines are cut at the sanitiser's default. */
const MAX_FAILURE = 8000

/**
 * The run page: the only way out of the action to the runner. Every line, annotation and group
 * name passes the sanitiser here, so no call site has to remember it. Masking (`setSecret`) and
 * outputs are written as given: they are the action's own, built from validated parts.
 */
export class RunPage {
  /** Why an output could not be written, once: the step then fails with it. */
  outputProblem?: string

  info = (line: string): void => core.info(forLog(line))
  debug = (line: string): void => core.debug(forLog(line))
  notice = (line: string): void => core.notice(forLog(line))
  warning = (line: string, title?: string): void =>
    core.warning(forLog(line, MAX_FAILURE), title ? { title: forLog(title, 200) } : {})
  error = (line: string, title?: string): void =>
    core.error(forLog(line, MAX_FAILURE), title ? { title: forLog(title, 200) } : {})
  fail = (line: string): void => core.setFailed(forLog(line, MAX_FAILURE))
  mask = (secret: string): void => core.setSecret(secret)

  group<T>(name: string, work: () => Promise<T>): Promise<T> {
    return core.group(forLog(name), work)
  }

  /**
   * Outputs are written exactly: each is built by the action from validated parts (a URL on
   * base-url's origin, the id in it, a status word), never from service text, and a later run
   * must be able to resume from them. One that cannot be written is told once, not thrown.
   */
  output(name: string, value: string): void {
    try {
      core.setOutput(name, value)
    } catch (error) {
      this.outputProblem ??= `Could not write the step output '${name}' to GITHUB_OUTPUT (${reason(error)})`
    }
  }
}

export function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException
  return (e?.code ? `${e.code}: ` : '') + (e instanceof Error ? e.message : String(error)).split('\n')[0]
}
