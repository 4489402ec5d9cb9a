/**
 * A personal access token for the benchmark, from the API's token login (`POST /api/v1/tokens`),
 * as a third-party client gets one. Named after the moment, since a user's token names are unique.
 */
export async function apiTokenOf(baseUrl: string, email: string, password: string) {
  const response = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept': 'application/json' },
    body: JSON.stringify({ email, password, name: `Benchmark ${new Date().toISOString()}` }),
  })
  const body = (await response.json().catch(() => null)) as { data?: { token?: string } } | null
  const token = body?.data?.token
  if (response.status !== 201 || !token) {
    throw new Error(`POST /api/v1/tokens answered ${response.status}: ${JSON.stringify(body)}`)
  }
  return token
}
