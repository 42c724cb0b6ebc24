// See package.json: the only import of undici in the action's dependencies is ProxyAgent, in a path
// the action never takes. If it ever were taken, it fails loudly instead of silently skipping a proxy.
export class ProxyAgent {
  constructor() {
    throw new Error(
      'undici is not bundled with this action: @actions/http-client getAgentDispatcher() is not supported',
    )
  }
}
