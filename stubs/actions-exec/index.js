// See package.json: @actions/core imports @actions/exec only for platform.getDetails(), which this
// action never calls. If it ever were called, it fails loudly instead of running a command.
export function getExecOutput() {
  throw new Error('@actions/exec is not bundled with this action: @actions/core platform.getDetails() is not supported')
}
export function exec() {
  throw new Error('@actions/exec is not bundled with this action')
}
