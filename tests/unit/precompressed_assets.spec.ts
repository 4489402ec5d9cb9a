import { test } from '@japa/runner'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { acceptedEncodings, resolveAsset } from '#services/http/precompressed_assets'

test.group('acceptedEncodings', () => {
  test('reads the encodings a client accepts', ({ assert }) => {
    assert.deepEqual(
      [...acceptedEncodings('gzip, deflate, br, zstd')],
      ['gzip', 'deflate', 'br', 'zstd']
    )
  })

  test('drops encodings refused with q=0', ({ assert }) => {
    assert.deepEqual([...acceptedEncodings('br;q=0, gzip;q=0.8')], ['gzip'])
  })

  test('a wildcard accepts what is not refused', ({ assert }) => {
    assert.deepEqual([...acceptedEncodings('*, br;q=0')], ['gzip'])
  })

  test('no header accepts nothing but identity', ({ assert }) => {
    assert.equal(acceptedEncodings(undefined).size, 0)
  })
})

test.group('resolveAsset', (group) => {
  let root: string

  group.each.setup(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atrium-assets-'))
    root = join(dir, 'assets')
    await mkdir(join(root, '.vite'), { recursive: true })
    await writeFile(join(root, 'app-abc123.js'), 'console.log(1)')
    await writeFile(join(root, 'app-abc123.js.br'), 'BR')
    await writeFile(join(root, 'app-abc123.js.gz'), 'GZ')
    await writeFile(join(root, 'plain-def456.css'), 'body{}')
    await writeFile(join(root, '.vite', 'manifest.json'), '{}')
    await writeFile(join(dir, 'secret.txt'), 'secret')
    return () => rm(dir, { recursive: true, force: true })
  })

  test('prefers brotli when the client accepts it', async ({ assert }) => {
    const asset = await resolveAsset(root, 'app-abc123.js', 'gzip, br')

    assert.deepEqual(asset, {
      filePath: join(root, 'app-abc123.js.br'),
      size: 2,
      contentType: 'text/javascript; charset=utf-8',
      encoding: 'br',
    })
  })

  test('falls back to gzip, then to the plain file', async ({ assert }) => {
    const gzip = await resolveAsset(root, 'app-abc123.js', 'gzip')
    assert.equal(gzip?.encoding, 'gzip')

    const plain = await resolveAsset(root, 'app-abc123.js', undefined)
    assert.equal(plain?.filePath, join(root, 'app-abc123.js'))
    assert.isUndefined(plain?.encoding)
  })

  test('serves a file without compressed copies as is', async ({ assert }) => {
    const asset = await resolveAsset(root, 'plain-def456.css', 'br, gzip')

    assert.equal(asset?.filePath, join(root, 'plain-def456.css'))
    assert.equal(asset?.contentType, 'text/css; charset=utf-8')
  })

  test('refuses paths that leave the assets folder', async ({ assert }) => {
    assert.isUndefined(await resolveAsset(root, '../secret.txt', undefined))
    assert.isUndefined(await resolveAsset(root, '..%2Fsecret.txt', undefined))
    assert.isUndefined(await resolveAsset(root, '%2e%2e/secret.txt', undefined))
  })

  test('refuses dotfiles and dot-folders such as the Vite manifest', async ({ assert }) => {
    assert.isUndefined(await resolveAsset(root, '.vite/manifest.json', undefined))
  })

  test('answers undefined for missing files and malformed URLs', async ({ assert }) => {
    assert.isUndefined(await resolveAsset(root, 'missing.js', 'br'))
    assert.isUndefined(await resolveAsset(root, '%E0%A4%A', undefined))
  })
})
