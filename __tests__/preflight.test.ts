/**
 * The VHD checked before anything is written (src/preflight.ts), against the storage account's
 * answers to `HEAD` as draft-api.md §4 gives them: any answer but a 2xx, and a copy that did not
 * end whole, refuse the run in one line that says what to fix and that nothing was changed; a VHD
 * that opens is said with its size. The request carries the SAS alone, and the log shows no SAS.
 */
import assert from 'node:assert/strict'
import type { IncomingHttpHeaders } from 'node:http'
import { test } from 'node:test'
import type { Http, HttpRequest } from '../src/http.js'
import type { ImageSource } from '../src/image.js'
import { checkImages } from '../src/preflight.js'

const URL_ = 'https://store.blob.core.windows.net/vhds/image.vhd?sv=2022-11-02&sp=rl&sig=c2lnbmF0dXJl'
const SHOWN = 'https://store.blob.core.windows.net/vhds/image.vhd?<SAS>'
const sas = (url = URL_): ImageSource => ({ kind: 'sas', url: new URL(url) })

/** The storage account answering every HEAD with `status` and `headers`. */
function storage(status: number, headers: IncomingHttpHeaders = {}) {
  const sent: HttpRequest[] = []
  const http = {
    request: async (request: HttpRequest) => {
      sent.push(request)
      return { status, headers, text: '', json: undefined }
    },
  } as unknown as Http
  return { http, sent }
}
async function check(status: number, headers: IncomingHttpHeaders = {}, sources = [sas()]) {
  const { http, sent } = storage(status, headers)
  const log: string[] = []
  await checkImages(http, sources, (line) => log.push(line))
  return { log, sent }
}
const refusal = (what: string) => ({
  name: 'ActionError',
  message: `The VHD of image-source (${SHOWN}) ${what}. Nothing was changed.`,
})

test('any answer but a 2xx refuses the run, naming the status; a 2xx other than 200 is an answer', async () => {
  for (const status of [500, 503, 300, 304, 199]) {
    await assert.rejects(
      check(status),
      refusal(`could not be checked: the storage account answered HTTP ${status}`),
      String(status),
    )
  }
  for (const status of [401, 403]) {
    await assert.rejects(check(status), (e: Error) =>
      e.message.includes(`cannot be read with its SAS (HTTP ${status})`),
    )
  }
  assert.deepEqual((await check(206, { 'content-length': String(2 * 2 ** 30) })).log, [
    `The VHD ${SHOWN} opens with its SAS (2 GiB).`,
  ])
})

test('a copy that failed or was aborted is refused, in any case of the word; a finished copy opens', async () => {
  for (const copy of ['failed', 'aborted', 'Failed', 'ABORTED']) {
    await assert.rejects(
      check(200, { 'x-ms-copy-status': copy }),
      refusal(`was not copied whole (x-ms-copy-status: ${copy.toLowerCase()}): copy it again`),
      copy,
    )
  }
  assert.equal((await check(200, { 'x-ms-copy-status': 'success' })).log.length, 1)
})

test('the VHD that opens is said with its size in GiB, and with none when the length is missing or zero', async () => {
  assert.deepEqual((await check(200, { 'content-length': String(30 * 2 ** 30 + 5) })).log, [
    `The VHD ${SHOWN} opens with its SAS (30 GiB).`,
  ])
  for (const headers of [{}, { 'content-length': '0' }, { 'content-length': 'many' }]) {
    assert.deepEqual((await check(200, headers)).log, [`The VHD ${SHOWN} opens with its SAS.`], JSON.stringify(headers))
  }
})

test('one HEAD a VHD, with its SAS alone and no token; the log and the purpose show no SAS', async () => {
  const other = URL_.replace('image.vhd', 'other.vhd')
  const { sent, log } = await check(200, {}, [sas(), sas(), sas(other)])
  assert.deepEqual(
    sent.map((q) => [q.method, q.url.href, q.headers?.authorization]),
    [
      ['HEAD', URL_, undefined],
      ['HEAD', other, undefined],
    ],
  )
  for (const text of [...log, ...sent.map((q) => q.purpose)]) assert.doesNotMatch(text, /sig=/)
  assert.equal(sent[0].purpose, `check the VHD ${SHOWN}`)
  assert.equal(sent[0].check, 'image-source', 'a redirect or an unreachable host names image-source to check')
})
