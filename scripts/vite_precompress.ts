import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|html|txt|xml|wasm|map)$/

/**
 * Writes a brotli (.br) and a gzip (.gz) copy next to every compressible file of the browser build,
 * at the highest levels, so the server sends compressed assets without compressing per request.
 * Small files count too (a page's first load includes several chunks under 1 kB, which brotli
 * still halves); a copy is written only when it is smaller than the file.
 */
export default function precompress(): Plugin {
  return {
    name: 'atrium:precompress',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    async writeBundle(options, bundle) {
      const outDir = options.dir!
      const files = Object.keys(bundle).filter((file) => COMPRESSIBLE.test(file))

      await Promise.all(
        files.map(async (file) => {
          const path = join(outDir, file)
          const source = await readFile(path)
          const [br, gz] = await Promise.all([
            brotli(source, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength,
              },
            }),
            gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }),
          ])
          await Promise.all(
            [
              { copy: br, extension: '.br' },
              { copy: gz, extension: '.gz' },
            ]
              .filter(({ copy }) => copy.byteLength < source.byteLength)
              .map(({ copy, extension }) => writeFile(`${path}${extension}`, copy))
          )
        })
      )
    },
  }
}
