/**
 * A storage account's blob endpoint as a VHD's SAS URL meets it (draft-api.md §4): `HEAD` of a
 * blob answers 200 with its length and copy status when the SAS signs it, 403 when the signature
 * is wrong or the SAS has expired or grants no read, 404 when there is no such blob.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Blob {
  bytes: number
  /** `x-ms-copy-status` of a blob copied in: pending until the copy ends. */
  copyStatus?: 'pending' | 'success' | 'failed'
}

export class BlobStore {
  url = ''
  readonly blobs = new Map<string, Blob>()
  readonly requests: { method: string; path: string; query: URLSearchParams; authorization?: string }[] = []
  private server?: http.Server
  /** The signature a SAS of this account carries. */
  readonly signature = 'c2lnbmF0dXJl+b/ZGVtbw=='

  static async start(
    blobs: Record<string, Blob> = { '/vhds/image-1.2.0.vhd': { bytes: 32 * 2 ** 30 } },
  ): Promise<BlobStore> {
    const store = new BlobStore()
    for (const [path, blob] of Object.entries(blobs)) store.blobs.set(path, blob)
    store.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://blob')
      store.requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        authorization: req.headers.authorization,
      })
      const q = url.searchParams
      const expiry = Date.parse(q.get('se') ?? '')
      const signed = q.get('sig') === store.signature && (q.get('sp') ?? '').includes('r') && expiry > Date.now()
      if (!signed) {
        res.writeHead(403, { 'x-ms-error-code': 'AuthenticationFailed' })
        res.end()
        return
      }
      const blob = store.blobs.get(url.pathname)
      if (!blob) {
        res.writeHead(404, { 'x-ms-error-code': 'BlobNotFound' })
        res.end()
        return
      }
      res.writeHead(200, {
        'Content-Length': String(blob.bytes),
        'x-ms-blob-type': 'PageBlob',
        ...(blob.copyStatus ? { 'x-ms-copy-status': blob.copyStatus } : {}),
      })
      res.end()
    })
    await new Promise<void>((resolve) => store.server!.listen(0, '127.0.0.1', resolve))
    store.url = `http://127.0.0.1:${(store.server.address() as AddressInfo).port}`
    return store
  }

  /** A SAS URL of `path` as Azure writes it (`sp=rl`, container SAS), ending `days` from now. */
  sas(path = '/vhds/image-1.2.0.vhd', options: { days?: number; sp?: string; sig?: string } = {}): string {
    // From midnight: the same call gives the same URL all day, as a SAS made once would.
    const day = 86_400_000
    const today = Math.floor(Date.now() / day) * day
    const end = new Date(today + (options.days ?? 30) * day).toISOString().replace(/\.\d{3}Z$/, 'Z')
    const start = new Date(today - day).toISOString().replace(/\.\d{3}Z$/, 'Z')
    const q = new URLSearchParams({
      sv: '2022-11-02',
      st: start,
      se: end,
      sr: 'c',
      sp: options.sp ?? 'rl',
      sig: options.sig ?? this.signature,
    })
    return `${this.url}${path}?${q}`
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections()
      this.server?.close(() => resolve())
    })
  }
}
