import { createReadStream } from 'node:fs'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { resolveAsset } from '#services/http/precompressed_assets'

const PREFIX = '/assets/'
const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * Serves the hashed build output under /assets: the brotli or gzip file written at build time when
 * the client accepts it, with a year-long immutable cache. Every file name there carries a content
 * hash, so a new build never reuses a URL. Other requests pass through.
 */
export default class PrecompressedAssetsMiddleware {
  #root = app.publicPath('assets')

  async handle({ request, response }: HttpContext, next: NextFn) {
    const method = request.method()
    const url = request.url()
    if ((method !== 'GET' && method !== 'HEAD') || !url.startsWith(PREFIX)) return next()

    const asset = await resolveAsset(
      this.#root,
      url.slice(PREFIX.length),
      request.header('accept-encoding')
    )
    if (!asset) {
      return response.status(404).header('Cache-Control', 'no-store').send('Not found')
    }

    response.header('Content-Type', asset.contentType)
    response.header('Content-Length', String(asset.size))
    response.header('Cache-Control', IMMUTABLE)
    response.header('Vary', 'Accept-Encoding')
    if (asset.encoding) response.header('Content-Encoding', asset.encoding)

    if (method === 'HEAD') return response.status(200).send('')
    response.stream(createReadStream(asset.filePath))
  }
}
