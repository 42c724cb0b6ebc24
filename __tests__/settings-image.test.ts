/**
 * The image inputs as settings reads them with the rest (src/settings.ts): which target takes which
 * of plan-id, image-version and image-source, where a gallery image's tenant comes from when
 * image-tenant-id is left out, and that every id among them goes through the one id check, naming
 * the input. Each refusal is one line that says what to change, before any request.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { APIS } from '../src/apis.js'
import { readSettings } from '../src/settings.js'

const NOW = Date.parse('2026-12-07T12:00:00Z')
const SAS = `https://store.blob.core.windows.net/vhds/image.vhd?sv=2022-11-02&se=${encodeURIComponent(
  new Date(NOW + 30 * 86_400_000).toISOString(),
)}&sp=rl&sig=abc`
const GALLERY_ID =
  '/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i/versions/1.2.0'
const PI = { api: 'product-ingestion', 'offer-id': 'contoso-offer' }
const TOKEN = { token: 't0k3n' }
const read = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? '', APIS, NOW)
const refused = (inputs: Record<string, string>, message: string) =>
  assert.throws(() => read(inputs), { name: 'ActionError', message })

test('image-version with target: preview and no image-source is refused: preview adds an image, live confirms one', () => {
  refused(
    { ...PI, ...TOKEN, target: 'preview', 'plan-id': 'gen2', 'image-version': '1.2.0' },
    "Input 'image-version' with target: preview needs image-source (the image to add before the publish); to check that a version went live, use target: live.",
  )
  // The same inputs with target: live are the confirmation the refusal points to.
  const live = read({ ...PI, ...TOKEN, target: 'live', 'plan-id': 'gen2', 'image-version': '1.2.0' })
  assert.deepEqual([live.target, live.image?.planId, live.image?.version], ['live', 'gen2', '1.2.0'])
  // With a source, preview adds the image before its publish.
  const preview = read({
    ...PI,
    ...TOKEN,
    target: 'preview',
    'plan-id': 'gen2',
    'image-version': '1.2.0',
    'image-source': SAS,
  })
  assert.equal(preview.image?.all?.kind, 'sas')
})

test('an image-source of spaces alone is no source: target: draft asks for one', () => {
  refused(
    { ...PI, ...TOKEN, target: 'draft', 'plan-id': 'gen2', 'image-version': '1.2.0', 'image-source': '  \n ' },
    "Input 'target' is draft, which adds an image version to a plan: set plan-id, image-version and image-source.",
  )
})

test('a publisher-id of spaces alone is not given: the API is chosen as if it were left out', () => {
  const s = read({ 'offer-id': 'contoso-offer', token: 't', 'publisher-id': '   ' })
  assert.equal(s.api.name, 'product-ingestion')
  assert.equal(s.apiAssumed, true)
  assert.deepEqual(s.remarks, [], 'no warning about a publisher-id nobody gave')
})

test("a gallery image without image-tenant-id is in the sign-in's tenant; a token names no tenant, so it is asked for", () => {
  const app = { ...PI, 'tenant-id': 'sign-in-tenant', 'client-id': 'app', 'client-secret': 's' }
  const image = { target: 'draft', 'plan-id': 'gen2', 'image-version': '1.2.0', 'image-source': GALLERY_ID }
  assert.deepEqual(read({ ...app, ...image }).image?.all, {
    kind: 'gallery',
    resourceId: GALLERY_ID,
    tenantId: 'sign-in-tenant',
  })
  assert.deepEqual(
    read({ ...app, ...image, 'image-tenant-id': 'gallery-tenant' }).image?.all,
    { kind: 'gallery', resourceId: GALLERY_ID, tenantId: 'gallery-tenant' },
    'image-tenant-id, when given, wins over the sign-in tenant',
  )
  assert.throws(
    () => read({ ...PI, ...TOKEN, ...image }),
    /^ActionError: Input 'image-tenant-id' is required for a gallery image/,
  )
})

test('plan-id and preview-id go through the id check, each named in its refusal', () => {
  const refusal = (name: string, value: string) =>
    `Input '${name}' is '${value}', which is not an id: it must not contain '/', '?', '#', '%', '\\' or spaces, nor be '.' or '..'.`
  refused(
    { ...PI, ...TOKEN, target: 'live', 'plan-id': 'gen2/../x', 'image-version': '1.2.0' },
    refusal('plan-id', 'gen2/../x'),
  )
  refused({ ...PI, ...TOKEN, target: 'live', 'preview-id': 'a?b' }, refusal('preview-id', 'a?b'))
  // A look-alike that NFKC folds into '/' is named as one, with the value as given.
  refused(
    { ...PI, ...TOKEN, target: 'live', 'preview-id': 'a／b' },
    "Input 'preview-id' is 'a／b', which is not an id: it must not contain '/', '?', '#', '%', '\\' or spaces, nor be '.' or '..', nor characters that read as those (such as fullwidth ones).",
  )
})
