import type { Page } from 'playwright'
import { getRaw, type RawResponse } from '#tests/helpers/production_server'

/** The Accept-Encoding that Chrome sends over HTTPS, as in production. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd'

/** The JavaScript of one first load: which files, and the bytes the server sends for them. */
export type FirstLoadJs = {
  /** The JavaScript files (URL paths) the browser requested, from the HTML to the hydrated page. */
  requested: string[]
  /** The JavaScript files the HTML names: module scripts and modulepreload links. */
  announced: string[]
  /** Bytes sent for all of them to a browser accepting brotli, gzip only, or no encoding. */
  brotli: number
  gzip: number
  raw: number
  /** The files' code, decoded. */
  sources: string[]
}

/** The JavaScript URL paths that an HTML document loads or preloads. */
export function announcedScripts(html: string): string[] {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? []
  const paths = tags
    .filter((tag) => tag.startsWith('<script') || /\brel="modulepreload"/.test(tag))
    .map((tag) => tag.match(/\b(?:src|href)="([^"]+\.js)"/)?.[1])
    .filter((path): path is string => path !== undefined)
  return [...new Set(paths)]
}

async function sent(url: string, acceptEncoding: string): Promise<RawResponse> {
  const response = await getRaw(url, { 'accept-encoding': acceptEncoding })
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`)
  return response
}

/**
 * Opens `path` in a real browser tab and waits until the network is idle (the page hydrated,
 * every lazy module loaded), recording each JavaScript file it requested from the server. Then
 * fetches those files and the ones the HTML names again, as a browser accepting brotli, gzip
 * only, or nothing, and adds up the bytes of the bodies as sent.
 */
export async function firstLoadJs(page: Page, origin: string, path: string): Promise<FirstLoadJs> {
  const requested = new Set<string>()
  const record = (request: { url(): string }) => {
    const url = new URL(request.url())
    if (url.origin === origin && url.pathname.endsWith('.js')) requested.add(url.pathname)
  }
  page.on('request', record)
  const response = await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' })
  page.off('request', record)
  if (!response || response.status() !== 200) {
    throw new Error(`GET ${path} answered ${response?.status()}`)
  }

  const announced = announcedScripts(await response.text())
  const files = [...new Set([...requested, ...announced])]
  const load: FirstLoadJs = {
    requested: [...requested],
    announced,
    brotli: 0,
    gzip: 0,
    raw: 0,
    sources: [],
  }
  for (const file of files) {
    const br = await sent(`${origin}${file}`, BROWSER_ACCEPT_ENCODING)
    const gzip = await sent(`${origin}${file}`, 'gzip')
    const raw = await sent(`${origin}${file}`, 'identity')
    load.brotli += br.body.length
    load.gzip += gzip.body.length
    load.raw += raw.body.length
    load.sources.push(raw.body.toString('utf8'))
  }
  return load
}
