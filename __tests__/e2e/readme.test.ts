/**
 * Every step of the README that uses the action runs as pasted against the simulator: its `with:`
 * is kept as written, expressions get test values, and only `base-url` and `authority-host` are
 * added to point at the simulator. Sign-in is as the snippet says: GitHub OIDC when it gives no
 * client secret (the simulator plays GitHub's ID-token endpoint), else the secret.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { errors, ROOT, runAction } from '../harness.js'
import { BlobStore } from '../blob-store.js'
import { IngestionSimulator } from '../ingestion-simulator.js'

const sims: IngestionSimulator[] = []
after(() => Promise.all(sims.map((s) => s.close())))

const TENANT = 'f2b6c1d0-0000-4000-8000-00000000aaaa'
const CLIENT = 'c1d2e3f4-0000-4000-8000-00000000bbbb'
const SECRET = 'readme-client-secret'
// The one federated credential the README's keyless recipe registers: the environment, whatever
// the tag or the branch the workflow runs on.
const ENVIRONMENT = 'marketplace'
const SUBJECT = `repo:contoso/release:environment:${ENVIRONMENT}`

/** What a workflow run would put in place of each expression the README uses. */
const EXPRESSIONS: Record<string, string> = {
  'secrets.AZURE_TENANT_ID': TENANT,
  'secrets.AZURE_CLIENT_ID': CLIENT,
  'secrets.AZURE_CLIENT_SECRET': SECRET,
  'matrix.offer': 'contoso-saas',
  'inputs.wait || false': 'false',
  // Filled per step: the go-live the step cancels (see the test below).
  'inputs.operation-location': '{operation-location}',
  // The VM release: the version from the tag, the VHD's SAS (a blob store of the test's own).
  'steps.version.outputs.number': '1.2.0',
  'needs.preview.outputs.version': '1.2.0',
  'secrets.VHD_SAS_URL': '{sas}',
  // The go-live after an approval: the preview the preview job reported (filled per step).
  'needs.preview.outputs.preview-id': '{preview-id}',
  'steps.preview.outputs.preview-id': '{preview-id}',
}
const blobs = await BlobStore.start()
after(() => blobs.close())

/** The `with:` of every step that uses the action, in README order. */
async function readmeSteps(): Promise<Record<string, string>[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
  const steps: Record<string, string>[] = []
  for (const [, yaml] of readme.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    for (const [, block] of yaml.matchAll(
      /uses: cpp-go-live-action\/cpp-go-live-action@v1\n\s+with:\n((?:\s+[a-z-]+: .*\n)+)/g,
    )) {
      steps.push(
        Object.fromEntries(
          [...block.matchAll(/^\s+([a-z-]+): (.*?)(?:\s+#.*)?$/gm)].map(([, key, value]) => [
            key,
            value.replace(/\$\{\{ (.*?) \}\}/g, (_, e: string) => {
              assert.ok(e in EXPRESSIONS, `the README uses an expression this test does not know: ${e}`)
              return EXPRESSIONS[e]
            }),
          ]),
        ),
      )
    }
  }
  return steps
}

test('every README step that uses the action runs as pasted against the simulator', async () => {
  const steps = await readmeSteps()
  assert.ok(steps.length >= 5, `${steps.length} steps found in the README`)
  for (const input of ['cancel', 'dry-run', 'target']) {
    assert.ok(
      steps.some((s) => s[input] && s[input] !== 'false'),
      `the README shows ${input}`,
    )
  }
  for (const [i, pasted] of steps.entries()) {
    // A cancel step cancels a go-live a run of the action started just before, in the same account;
    // a go-live follow-up (start: false) follows the one the release workflow started.
    const cancelling = pasted.cancel === 'true'
    const followingUp = pasted.start === 'false' && (pasted.target ?? 'live') === 'live'
    const sim = await IngestionSimulator.start({
      job: { durationMs: cancelling ? 600_000 : 1 },
      preview: { durationMs: 1 },
      aad: {
        tenantId: TENANT,
        clientId: CLIENT,
        clientSecret: SECRET,
        tokenLifetimeMs: 3_600_000,
        federatedSubject: SUBJECT,
      },
      github: { requestToken: 'github-request-token', subject: SUBJECT },
      // A VM step runs against a VM plan: a go-live finds the version in the newest preview.
      ...(pasted['plan-id']
        ? {
            offerId: pasted['offer-id'],
            vm: {
              planId: pasted['plan-id'],
              published: [{ version: '1.1.0', uri: `${blobs.url}/vhds/image-1.1.0.vhd?sp=rl&sig=old` }],
              previewOnly:
                pasted.target === 'live'
                  ? [{ version: '1.2.0', uri: `${blobs.url}/vhds/image-1.2.0.vhd?sp=rl&sig=a` }]
                  : [],
            },
          }
        : {}),
    })
    sims.push(sim)
    const inputs = { ...pasted }
    if (inputs['image-source'] === '{sas}') inputs['image-source'] = blobs.sas()
    if (inputs['preview-id'] === '{preview-id}') inputs['preview-id'] = sim.preview!.n
    if (cancelling || followingUp) {
      const started = await runAction({
        inputs: {
          ...pasted,
          cancel: 'false',
          start: 'true',
          'operation-location': '',
          'base-url': sim.url,
          token: sim.scenario.token,
          'tenant-id': '',
          'client-id': '',
        },
      })
      assert.equal(started.code, 0, errors(started.stdout).join('\n'))
      if (cancelling) inputs['operation-location'] = started.outputs['operation-location']
    }
    const postsBefore = sim.apiRequests.filter((r) => r.method === 'POST').length
    const run = await runAction({
      inputs: { ...inputs, 'base-url': sim.url, 'authority-host': sim.loginUrl },
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${sim.loginUrl}/idtoken?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'github-request-token',
      },
    })
    const what = `README step ${i + 1} (${JSON.stringify(inputs)})`
    assert.equal(run.code, 0, `${what}: ${errors(run.stdout).join('\n')}`)
    assert.equal(run.outputs.status, cancelling ? 'canceled' : 'succeeded', what)
    const federated = !inputs['client-secret']
    const tokenRequest = sim.requests.find((r) => r.route === 'token')
    assert.ok(tokenRequest, what)
    assert.equal(new URLSearchParams(tokenRequest.body).has('client_assertion'), federated, what)
    // A status workflow (start: false) never sends a go-live request.
    if (inputs.start === 'false') {
      assert.equal(sim.apiRequests.filter((r) => r.method === 'POST').length, postsBefore, what)
    }
    // A dry run never writes.
    if (inputs['dry-run'] === 'true') assert.equal(sim.apiRequests.filter((r) => r.method !== 'GET').length, 0, what)
  }
})

test("every README workflow that signs in with GitHub OIDC runs in the recipe's environment", async () => {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
  const workflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .filter((y) => /^jobs:/m.test(y) && /cpp-go-live-action@v1/.test(y))
  const keyless = workflows.filter((y) => /client-id:/.test(y) && !/client-secret:/.test(y))
  assert.ok(keyless.length >= 4, `${keyless.length} keyless workflows`)
  for (const y of keyless) {
    assert.match(y, new RegExp(`^ {4}environment: ${ENVIRONMENT}\\b`, 'm'), y.split('\n')[0])
    assert.match(y, /id-token: write/, y.split('\n')[0])
  }
})

test('README workflows do not collide: each has its own file and workflow name, and every file a step switches on is shown', async () => {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
  const workflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((y) => /^on:/m.test(y))
  assert.ok(workflows.length >= 8, `${workflows.length} workflows`)
  const files = workflows.map((y) => /^# ([a-z-]+\.yml)\b/.exec(y)?.[1])
  const names = workflows.map((y) => /^name: (.+)$/m.exec(y)?.[1])
  for (const [i, y] of workflows.entries()) {
    assert.ok(files[i], `a README workflow names no file in its first line:\n${y.slice(0, 200)}`)
    assert.ok(names[i], `${files[i]} has no name`)
  }
  assert.equal(new Set(files).size, files.length, `file names repeat: ${files.join(', ')}`)
  assert.equal(new Set(names).size, names.length, `workflow names repeat: ${names.join(', ')}`)
  for (const [, file] of readme.matchAll(/gh workflow (?:enable|disable) ([a-z-]+\.yml)/g)) {
    assert.ok(files.includes(file), `a step switches ${file} on or off, which the README does not show`)
  }
})
