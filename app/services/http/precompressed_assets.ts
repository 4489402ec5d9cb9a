import { stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import mime from 'mime-types'

/** Encodings written next to each built asset, in the order the server prefers them. */
export const PRECOMPRESSED_ENCODINGS = [
  { name: 'br', extension: '.br' },
  { name: 'gzip', extension: '.gz' },
] as const

/** The file to send for one asset request and the headers that describe it. */
export type ResolvedAsset = {
  filePath: string
  size: number
  contentType: string
  encoding?: 'br' | 'gzip'
}

/**
 * Parses an Accept-Encoding header into the set of encodings the client accepts (q > 0).
 * `*` stands for every encoding not named explicitly.
 */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>()
  const refused = new Set<string>()
  let wildcard = false

  for (const part of (header ?? '').split(',')) {
    const [rawName, ...params] = part.trim().toLowerCase().split(';')
    if (!rawName) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const quality = q ? Number.parseFloat(q.slice(2)) : 1
    if (rawName === '*') wildcard = quality > 0
    else if (quality > 0) accepted.add(rawName)
    else refused.add(rawName)
  }

  if (wildcard) {
    for (const { name } of PRECOMPRESSED_ENCODINGS) if (!refused.has(name)) accepted.add(name)
  }
  return accepted
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const stats = await stat(path)
    return stats.isFile() ? stats.size : undefined
  } catch {
    return undefined
  }
}

/**
 * Maps a URL path below the assets prefix to a file in the assets folder, choosing a precompressed
 * variant the client accepts. Returns undefined for anything that is not a public asset: paths
 * escaping the folder, dotfiles and dot-folders (such as Vite's manifest), and missing files.
 */
export async function resolveAsset(
  assetsRoot: string,
  relativeUrlPath: string,
  acceptEncoding: string | undefined
): Promise<ResolvedAsset | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(relativeUrlPath)
  } catch {
    return undefined
  }

  const segments = decoded.split('/').filter(Boolean)
  if (segments.length === 0 || segments.some((s) => s.startsWith('.') || s.includes('\0'))) {
    return undefined
  }

  const filePath = normalize(join(assetsRoot, ...segments))
  if (!filePath.startsWith(assetsRoot + sep)) return undefined

  const contentType = mime.contentType(extname(filePath)) || 'application/octet-stream'
  const accepted = acceptedEncodings(acceptEncoding)

  for (const { name, extension } of PRECOMPRESSED_ENCODINGS) {
    if (!accepted.has(name)) continue
    const size = await fileSize(filePath + extension)
    if (size !== undefined)
      return { filePath: filePath + extension, size, contentType, encoding: name }
  }

  const size = await fileSize(filePath)
  return size === undefined ? undefined : { filePath, size, contentType }
}
