/**
 * The image checked before anything is written: one `HEAD` of each VHD with its own SAS (never a
 * token: the request goes to the storage account, not to the API), so that a SAS that does not
 * open the blob, or a copy still in progress, fails now and not hours later in certification.
 */
import { ActionError } from './errors.js'
import { header, type Http } from './http.js'
import { redactSas, type ImageSource } from './image.js'

export async function checkImages(http: Http, sources: ImageSource[], log: (line: string) => void): Promise<void> {
  const seen = new Set<string>()
  for (const source of sources) {
    if (source.kind !== 'sas' || seen.has(source.url.href)) continue
    seen.add(source.url.href)
    const shown = redactSas(source.url)
    const response = await http.request({
      method: 'HEAD',
      url: source.url,
      purpose: `check the VHD ${shown}`,
      check: 'image-source',
    })
    const fix = (what: string): never => {
      throw new ActionError(`The VHD of image-source (${shown}) ${what}. Nothing was changed.`)
    }
    if (response.status === 403 || response.status === 401) {
      fix(
        `cannot be read with its SAS (HTTP ${response.status}): check that the SAS grants read and list (sp=rl), has started (st a day in the past) and is signed by a current key`,
      )
    }
    if (response.status === 404) fix('does not exist (HTTP 404): check the container and blob name before the ?')
    if (response.status < 200 || response.status >= 300) {
      fix(`could not be checked: the storage account answered HTTP ${response.status}`)
    }
    const copy = (header(response.headers, 'x-ms-copy-status') ?? '').toLowerCase()
    if (copy === 'pending')
      fix('is still being copied (x-ms-copy-status: pending): wait for the copy to finish, then re-run')
    if (copy === 'failed' || copy === 'aborted') fix(`was not copied whole (x-ms-copy-status: ${copy}): copy it again`)
    const length = Number(header(response.headers, 'content-length') ?? '')
    log(
      `The VHD ${shown} opens with its SAS${Number.isFinite(length) && length > 0 ? ` (${Math.round(length / 2 ** 30)} GiB)` : ''}.`,
    )
  }
}
