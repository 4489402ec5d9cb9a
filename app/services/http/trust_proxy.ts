import proxyAddr from 'proxy-addr'

/**
 * Builds the "trustProxy" function of the HTTP config from the TRUSTED_PROXIES variable: a comma
 * separated list of addresses, ranges or the names "loopback", "linklocal" and "uniquelocal"; "*"
 * trusts every hop. Unset, no proxy is trusted and the socket address is the client's.
 */
export function trustProxy(
  list: string | undefined
): (address: string, distance: number) => boolean {
  const entries = (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)

  if (entries.includes('*')) return () => true
  if (entries.length === 0) return () => false
  return proxyAddr.compile(entries)
}
