import env from '#start/env'

/** The absolute URL of a path on the test suite's HTTP server, for requests made without the api client. */
export function testServerUrl(path: string): string {
  return `http://${env.get('HOST')}:${env.get('PORT')}${path}`
}
