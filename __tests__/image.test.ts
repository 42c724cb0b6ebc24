/**
 * src/image.ts: the image inputs checked before any request, and the one rule both APIs decide a
 * draft change by. Each case states the rule the service or the user needs (draft-api.md: published
 * versions cannot be edited, one new version per submission, at most 100 versions, a SAS that
 * lasts three weeks), not the value the code happens to return.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  blobKey,
  confirmLive,
  describeImage,
  goLiveRefusal,
  imageSecrets,
  MAX_VERSIONS,
  noSuchPlan,
  planImage,
  readImage,
  redactSas,
  SAS_WARN_MS,
  sourceKey,
  WARN_VERSIONS,
  withoutSas,
  type ImageInputs,
  type ImageRequest,
  type PlanView,
  type VersionView,
} from '../src/image.js'

const NOW = Date.parse('2026-12-07T12:00:00Z')
const DAY = 86_400_000
const sas = (se = new Date(NOW + 30 * DAY).toISOString(), more = 'sp=rl&sig=abc%2Bdef') =>
  `https://store.blob.core.windows.net/vhds/image.vhd?sv=2022-11-02&se=${encodeURIComponent(se)}&${more}`
const GALLERY_ID =
  '/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i/versions/1.2.0'

function read(inputs: Partial<ImageInputs>, galleries = true) {
  const remarks: { level: 'notice' | 'warning'; text: string }[] = []
  const request = readImage(
    { planId: 'gen2', version: '1.2.0', source: sas(), tenantId: 'tenant', ...inputs },
    { now: NOW, galleries, apiName: galleries ? 'product-ingestion' : 'cloud-partner-portal', remarks },
  )
  return { request, remarks }
}
const refused = (inputs: Partial<ImageInputs>, message: RegExp, galleries = true) =>
  assert.throws(() => read(inputs, galleries), { message })

test('readImage: nothing given is no image; plan-id and image-version need each other', () => {
  assert.equal(read({ planId: '', version: '', source: '' }).request, undefined)
  refused({ planId: '' }, /^Input 'plan-id' is required with image-version/)
  refused({ version: '' }, /^Input 'image-version' is required with plan-id/)
  refused({ planId: 'p'.repeat(101) }, /^Input 'plan-id' is 101 characters long/)
  assert.equal(read({ planId: 'p'.repeat(100) }).request?.planId, 'p'.repeat(100))
})

test('readImage: a version is three numbers, at most 32 characters, as the Marketplace takes it', () => {
  for (const ok of ['1.2.0', '0.0.1', '9.7.2025121501']) assert.equal(read({ version: ok }).request?.version, ok)
  for (const bad of ['1.2', '1.2.0.4', 'v1.2.0', '1.2.x', ' 1.2.0', `1.2.${'1'.repeat(29)}`]) {
    refused({ version: bad }, /^Input 'image-version' is '.*'; the Marketplace takes three numbers/)
  }
  assert.equal(read({ version: `1.2.${'1'.repeat(28)}` }).request?.version.length, 32)
})

test('readImage: a SAS must be https (http on loopback only), signed, readable and unexpired', () => {
  refused({ source: sas().replace('https:', 'http:') }, /is not https: the service reads VHDs over https only/)
  const loopback = read({ source: 'http://127.0.0.1:9/vhds/a.vhd?sp=r&sig=x&se=2027-01-30T00:00:00Z' })
  assert.equal(loopback.request?.all?.kind, 'sas')
  refused({ source: sas(undefined, 'sp=rl') }, /has no signature \(sig\)/)
  refused({ source: sas(undefined, 'sp=wl&sig=x') }, /does not grant read \(sp has no r\)/)
  refused({ source: sas(undefined, 'sig=x') }, /does not grant read/)
  refused({ source: sas('not-a-date') }, /has no readable expiry \(se\)/)
  refused({ source: sas(new Date(NOW).toISOString()) }, /expired on 2026-12-07T12:00:00\.000Z/)
  refused({ source: 'store/vhds/image.vhd' }, /is neither a URL nor a gallery image id/)
  // The token never appears in a refusal: the blob is named, its SAS shown as <SAS>.
  assert.throws(
    () => read({ source: sas(undefined, 'sp=wl&sig=secret-signature') }),
    (e: Error) => !e.message.includes('secret-signature') && e.message.includes('image.vhd?<SAS>'),
  )
})

test('readImage: a SAS that ends within three weeks is taken, with a warning; at three weeks, none', () => {
  const soon = read({ source: sas(new Date(NOW + SAS_WARN_MS - 60_000).toISOString()) })
  assert.equal(soon.request?.all?.kind, 'sas')
  assert.equal(soon.remarks.length, 1)
  assert.equal(soon.remarks[0].level, 'warning')
  assert.match(soon.remarks[0].text, /in less than three weeks/)
  assert.deepEqual(read({ source: sas(new Date(NOW + SAS_WARN_MS).toISOString()) }).remarks, [])
  assert.equal(SAS_WARN_MS, 21 * DAY)
})

test('readImage: one source for all, or one line per image type; each type once, known types only', () => {
  const all = read({}).request!
  assert.equal(all.all?.kind, 'sas')
  assert.deepEqual(all.byType, {})
  const typed = read({ source: `x64Gen2=${GALLERY_ID}\n  X64GEN1 = ${sas()}  \n\n` }).request!
  assert.equal(typed.all, undefined)
  assert.deepEqual(Object.keys(typed.byType).sort(), ['x64Gen1', 'x64Gen2'])
  assert.deepEqual(typed.byType.x64Gen2, { kind: 'gallery', resourceId: GALLERY_ID, tenantId: 'tenant' })
  refused({ source: `x64Gen2=${GALLERY_ID}\n${sas()}` }, /has several lines: give one source for every image type/)
  refused({ source: `${sas()}\n${sas()}` }, /has several lines/)
  refused({ source: `x86Gen3=${sas()}` }, /names the image type 'x86Gen3'; use x64Gen1, x64Gen2, arm64Gen2/)
  refused({ source: `x64Gen2=${sas()}\nx64gen2=${sas()}` }, /gives image type x64Gen2 twice/)
  // Errors of a line say which line.
  refused({ source: `x64Gen1=${sas()}\nx64Gen2=ftp://x` }, /\(line 2\)/)
})

test('readImage: galleries and one source per type only where the API takes them', () => {
  refused({ source: GALLERY_ID }, /is a gallery image, which api: cloud-partner-portal does not take/, false)
  refused(
    { source: `x64Gen2=${sas()}` },
    /one source per image type, which api: cloud-partner-portal does not take/,
    false,
  )
  refused({ source: GALLERY_ID.replace('/images/', '/pictures/') }, /is not an Azure Compute Gallery image version id/)
  refused({ source: GALLERY_ID, tenantId: '' }, /^Input 'image-tenant-id' is required for a gallery image/)
  assert.equal(read({}, false).request?.all?.kind, 'sas')
})

test('redactSas and withoutSas: a SAS never shows, wherever it sits in a configuration', () => {
  const url = new URL(sas())
  assert.equal(redactSas(url), 'https://store.blob.core.windows.net/vhds/image.vhd?<SAS>')
  assert.equal(redactSas(new URL('https://store/vhds/a.vhd')), 'https://store/vhds/a.vhd')
  const config = {
    vmImageVersions: [{ versionNumber: '1.0.0', uri: sas(), note: 'keep', n: 3, ok: true, none: null }],
    other: 'https://example.test/?SIG=upper',
    text: 'sig=looks-like-one but is no URL',
  }
  assert.deepEqual(withoutSas(config), {
    vmImageVersions: [
      {
        versionNumber: '1.0.0',
        uri: 'https://store.blob.core.windows.net/vhds/image.vhd?<SAS>',
        note: 'keep',
        n: 3,
        ok: true,
        none: null,
      },
    ],
    other: 'https://example.test/?<SAS>',
    text: 'sig=looks-like-one but is no URL',
  })
})

test('sourceKey and blobKey: the same blob whatever its SAS or host case; a gallery id without case', () => {
  const a = new URL(sas(undefined, 'sp=rl&sig=one'))
  const b = new URL(sas(undefined, 'sp=r&sig=two').replace('store.blob', 'STORE.blob'))
  assert.equal(sourceKey({ kind: 'sas', url: a }), sourceKey({ kind: 'sas', url: b }))
  assert.notEqual(
    sourceKey({ kind: 'sas', url: a }),
    sourceKey({ kind: 'sas', url: new URL(a.href.replace('image.vhd', 'other.vhd')) }),
  )
  assert.equal(
    sourceKey({ kind: 'gallery', resourceId: GALLERY_ID.toUpperCase(), tenantId: 't' }),
    sourceKey({ kind: 'gallery', resourceId: GALLERY_ID, tenantId: 'u' }),
  )
  assert.equal(blobKey('not a url'), 'not a url')
  assert.equal(blobKey(sas()), 'https://store.blob.core.windows.net/vhds/image.vhd')
})

test('imageSecrets: each SAS whole, its query, and its signature as given and encoded', () => {
  assert.deepEqual(imageSecrets(undefined), [])
  const request = read({ source: `x64Gen1=${sas(undefined, 'sp=rl&sig=a%2Bb')}\nx64Gen2=${GALLERY_ID}` }).request!
  const secrets = imageSecrets(request)
  const url = (request.byType.x64Gen1 as { url: URL }).url
  assert.ok(secrets.includes(url.href))
  assert.ok(secrets.includes(url.search.slice(1)))
  assert.ok(secrets.includes('a+b'))
  assert.ok(secrets.includes('a%2Bb'))
  assert.ok(!secrets.some((s) => s.includes('subscriptions')), 'a gallery id is no secret')
})

const version = (number: string, sources: Record<string, string> = {}, state = 'generallyAvailable'): VersionView => ({
  number,
  state,
  sources,
})
const view = (versions: VersionView[], types = ['x64Gen1', 'x64Gen2']): PlanView => ({ types, versions })
const request = (source = sas()): ImageRequest => read({ source }).request!
const KEY = blobKey(sas())
const both = { x64Gen1: KEY, x64Gen2: KEY }

test('planImage: a new version is added for every image type the plan has, from the one source', () => {
  const plan = planImage({ draft: view([version('1.1.0', both)]), live: view([version('1.1.0', both)]) }, request())
  assert.equal(plan.kind, 'add')
  assert.deepEqual(plan.kind === 'add' && Object.keys(plan.sources), ['x64Gen1', 'x64Gen2'])
  assert.equal(plan.kind === 'add' && plan.warning, undefined)
})

test('planImage: the plan must have the image types the sources name, and a source for each', () => {
  const none = planImage({ draft: view([], []) }, request())
  assert.match(none.kind === 'refuse' ? none.line : '', /has no image type \(sku\)/)
  const extra = planImage({ draft: view([], ['x64Gen2']) }, request(`x64Gen1=${sas()}\nx64Gen2=${sas()}`))
  assert.match(
    extra.kind === 'refuse' ? extra.line : '',
    /image-source names x64Gen1, and plan 'gen2' has skus for x64Gen2 only/,
  )
  const missing = planImage({ draft: view([]) }, request(`x64Gen2=${sas()}`))
  assert.match(missing.kind === 'refuse' ? missing.line : '', /gives no image for x64Gen1: add a line x64Gen1=SOURCE/)
})

test('planImage: the same version with the same image anywhere changes nothing; with another image it is refused', () => {
  for (const where of ['live', 'preview', 'draft'] as const) {
    const views = { draft: view([]), [where]: view([version('1.2.0', both)]) }
    if (where === 'draft') views.draft = view([version('1.2.0', both)])
    assert.deepEqual(planImage(views, request()), { kind: 'unchanged', where, types: ['x64Gen1', 'x64Gen2'] }, where)
    const other = { x64Gen1: KEY, x64Gen2: 'https://store/vhds/other.vhd' }
    const otherViews = { draft: view([]), [where]: view([version('1.2.0', other)]) }
    if (where === 'draft') otherViews.draft = view([version('1.2.0', other)])
    const plan = planImage(otherViews, request())
    assert.equal(plan.kind, 'refuse', where)
    assert.match(
      plan.kind === 'refuse' ? plan.line : '',
      where === 'draft' ? /holds it already with another image/ : /published versions cannot be edited/,
    )
  }
})

test('planImage: a draft holding an unpublished version takes no second one; deleted ones do not count', () => {
  const pending = planImage(
    { draft: view([version('1.1.0', both), version('1.1.5', both)]), live: view([version('1.1.0', both)]) },
    request(),
  )
  assert.match(pending.kind === 'refuse' ? pending.line : '', /already holds version 1\.1\.5, not yet published/)
  const deleted = planImage(
    { draft: view([version('1.1.0', both), version('1.1.5', both, 'deleted')]), live: view([version('1.1.0', both)]) },
    request(),
  )
  assert.equal(deleted.kind, 'add')
})

test(`planImage: at most ${MAX_VERSIONS} active versions; a warning from ${WARN_VERSIONS}; the oldest named`, () => {
  const many = (n: number, extra: VersionView[] = []) => {
    const versions = [...Array.from({ length: n }, (_, i) => version(`0.${n - i}.0`, both)), ...extra]
    return planImage({ draft: view(versions), live: view(versions) }, request())
  }
  const full = many(MAX_VERSIONS)
  assert.match(
    full.kind === 'refuse' ? full.line : '',
    new RegExp(`has ${MAX_VERSIONS} active versions.*: 0\\.1\\.0, 0\\.2\\.0, 0\\.3\\.0\\.$`),
  )
  // Deprecated versions are not active: they leave room.
  assert.equal(many(MAX_VERSIONS - 1, [version('0.0.9', both, 'deprecated')]).kind, 'add')
  const near = many(WARN_VERSIONS - 1)
  assert.match(
    near.kind === 'add' ? (near.warning ?? '') : '',
    new RegExp(`will have ${WARN_VERSIONS} active versions`),
  )
  const below = many(WARN_VERSIONS - 2)
  assert.equal(below.kind === 'add' && below.warning, undefined)
})

test('describeImage: the types and where their image comes from', () => {
  const r = request(`x64Gen1=${sas()}\nx64Gen2=${GALLERY_ID}`)
  assert.equal(
    describeImage(['x64Gen1', 'x64Gen2'], r.byType),
    'x64Gen1, x64Gen2 from a VHD (SAS URL) and a gallery image',
  )
  assert.equal(describeImage(['x64Gen2'], { x64Gen2: r.all ?? r.byType.x64Gen1 }), 'x64Gen2 from a VHD (SAS URL)')
})

test('goLiveRefusal and confirmLive: an image reaches live only through preview, and is confirmed there', () => {
  const r = request()
  assert.equal(goLiveRefusal({ preview: view([version('1.2.0')]) }, r), undefined)
  assert.equal(goLiveRefusal({ live: view([version('1.2.0')]) }, r), undefined)
  const older = Array.from({ length: 7 }, (_, i) => version(`1.0.${i}`))
  assert.match(
    goLiveRefusal({ preview: view(older) }, r) ?? '',
    /does not hold it \(it has 1\.0\.2, 1\.0\.3, 1\.0\.4, 1\.0\.5, 1\.0\.6 and 2 older\)\. Publish it to preview first/,
  )
  assert.match(goLiveRefusal({}, r) ?? '', /\(it has no version\)/)
  assert.equal(
    confirmLive(view([version('1.2.0', { x64Gen2: KEY })]), r),
    "Confirmed: version 1.2.0 of plan 'gen2' is live (x64Gen2).",
  )
  assert.throws(() => confirmLive(view([version('1.1.0')]), r), /does not list version 1\.2\.0: live has 1\.1\.0/)
  assert.throws(() => confirmLive(undefined, r), /live has no version/)
})

test('noSuchPlan: the plans the offer has, at most 20, inert', () => {
  const plans = Array.from({ length: 25 }, (_, i) => `plan-${i}`)
  const e = noSuchPlan('contoso', 'gen3', plans, 'Partner Center')
  assert.match(e.message, /^Offer 'contoso' has no plan 'gen3'; its plans are 'plan-0', .*'plan-19': check plan-id/)
  assert.doesNotMatch(e.message, /plan-20/)
  assert.match(noSuchPlan('contoso', 'gen3', [], 'x').message, /\(it lists no plans\)/)
  assert.doesNotMatch(noSuchPlan('c', 'p', ['a\n::error::b'], 'x').message, /\n/)
})

test('readImage: the rules in full: many-digit versions, a source alone, loopback for http only, one-line messages', () => {
  assert.equal(read({ version: '10.20.30' }).request?.version, '10.20.30')
  // A source without the plan and version it is for is a mistake, not "no image".
  refused({ planId: '', version: '', source: sas() }, /^Input 'plan-id' is required/)
  refused({ planId: 'gen2', version: '', source: '' }, /^Input 'image-version' is required/)
  refused({ source: 'ftp://127.0.0.1/vhds/a.vhd?sp=r&sig=x&se=2027-01-30T00:00:00Z' }, /is not https/)
  // A single source's errors name no line.
  assert.throws(
    () => read({ source: sas(undefined, 'sp=rl') }),
    (e: Error) => !/\(line/.test(e.message),
  )
  const long = GALLERY_ID.replace('/galleries/g/', '/galleries/gallery-one/').replace('/images/i/', '/images/ubuntu/')
  assert.equal(read({ source: long }).request?.all?.kind, 'gallery')
  refused({ source: `/x${long}` }, /is not an Azure Compute Gallery image version id/)
  refused({ source: `${long}/extra` }, /is not an Azure Compute Gallery image version id/)
})

test('withoutSas: text that only looks signed is kept as it is', () => {
  assert.equal(withoutSas('see ?sig=abc, not a URL'), 'see ?sig=abc, not a URL')
})

test('imageSecrets: exactly the SAS, its query and its signature in both forms; nothing for a request without sig', () => {
  const url = new URL(sas(undefined, 'sp=rl&sig=a%2Bb'))
  assert.deepEqual(imageSecrets({ planId: 'p', version: '1.0.0', all: { kind: 'sas', url }, byType: {} }), [
    url.href,
    url.search.slice(1),
    'a+b',
    'a%2Bb',
  ])
  const unsigned = new URL('https://s/vhds/a.vhd?sp=r')
  assert.deepEqual(imageSecrets({ planId: 'p', version: '1.0.0', all: { kind: 'sas', url: unsigned }, byType: {} }), [
    unsigned.href,
    'sp=r',
  ])
})

test('planImage: a gallery image is the same image whatever the case of its id', () => {
  const r = read({ source: GALLERY_ID.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/') }).request!
  const key = GALLERY_ID.toLowerCase()
  const plan = planImage({ draft: view([]), live: view([version('1.2.0', { x64Gen1: key, x64Gen2: key })]) }, r)
  assert.equal(plan.kind, 'unchanged')
})

test('planImage: every name in its lines, versions in numeric order, a preview without live', () => {
  const two = planImage({ draft: view([], ['x64Gen2', 'x64Gen1']) }, request(`arm64Gen2=${sas()}\nx64Gen2=${sas()}`))
  assert.match(
    two.kind === 'refuse' ? two.line : '',
    /names arm64Gen2, and plan 'gen2' has skus for x64Gen2, x64Gen1 only/,
  )
  const missing = planImage({ draft: view([], ['x64Gen1', 'x64Gen2', 'arm64Gen2']) }, request(`x64Gen2=${sas()}`))
  assert.match(
    missing.kind === 'refuse' ? missing.line : '',
    /has skus for x64Gen1, x64Gen2, arm64Gen2, and image-source gives no image for x64Gen1, arm64Gen2: add a line x64Gen1=SOURCE/,
  )
  const pending = planImage({ draft: view([version('1.1.5', both), version('1.1.6', both)]) }, request())
  assert.match(
    pending.kind === 'refuse' ? pending.line : '',
    /already holds version 1\.1\.5, 1\.1\.6, not yet published/,
  )
  // Published to preview only (never live): the preview's versions are published.
  assert.equal(
    planImage({ draft: view([version('1.1.0', both)]), preview: view([version('1.1.0', both)]) }, request()).kind,
    'add',
  )
  // The oldest by number, not by text: 1.9.0 before 1.10.0.
  const numbers = Array.from({ length: WARN_VERSIONS - 1 }, (_, i) => version(`1.${i + 2}.0`, both)).reverse()
  const r = { ...request(), version: '9.0.0' }
  const near = planImage({ draft: view(numbers), live: view(numbers) }, r)
  assert.match(
    near.kind === 'add' ? (near.warning ?? '') : '',
    /Deprecate the oldest soon: 1\.2\.0, 1\.3\.0, 1\.4\.0\.$/,
  )
})

test('goLiveRefusal and confirmLive: the version among others, five listed in order, every image type named', () => {
  const r = request()
  assert.equal(goLiveRefusal({ preview: view([version('1.1.0'), version('1.2.0')]) }, r), undefined)
  const five = ['1.0.10', '1.0.9', '1.0.2', '1.0.1', '1.0.3'].map((n) => version(n))
  assert.match(
    goLiveRefusal({ preview: view(five) }, r) ?? '',
    /\(it has 1\.0\.1, 1\.0\.2, 1\.0\.3, 1\.0\.9, 1\.0\.10\)/,
  )
  assert.equal(
    confirmLive(view([version('1.2.0', { x64Gen1: KEY, x64Gen2: KEY })]), r),
    "Confirmed: version 1.2.0 of plan 'gen2' is live (x64Gen1, x64Gen2).",
  )
  assert.equal(confirmLive(view([version('1.2.0')]), r), "Confirmed: version 1.2.0 of plan 'gen2' is live (its image).")
})

test('the last rules: a single source is named in its message; an unsigned URL is kept; every unknown type is named', () => {
  assert.throws(() => read({ source: sas(undefined, 'sp=rl') }), {
    message:
      /^Input 'image-source' \(https:\/\/store\.blob\.core\.windows\.net\/vhds\/image\.vhd\?<SAS>\) has no signature/,
  })
  assert.equal(withoutSas('https://example.test/a?x=1'), 'https://example.test/a?x=1')
  const two = planImage({ draft: view([], ['x64Gen2']) }, request(`arm64Gen2=${sas()}\nx64Gen1=${sas()}`))
  assert.match(two.kind === 'refuse' ? two.line : '', /image-source names arm64Gen2, x64Gen1, and/)
})
