import { useState } from 'react'
import { Button } from '~/components/ui/button'

/**
 * New recovery codes, shown this once with a button that copies them: the server keeps only
 * their hashes.
 */
export function RecoveryCodesNotice({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false)

  async function copy() {
    await navigator.clipboard.writeText(codes.join('\n'))
    setCopied(true)
  }

  return (
    <div
      role="status"
      className="rounded-lg border border-success/40 bg-success/10 p-4"
      data-test="recovery-codes"
    >
      <p className="text-sm font-medium">Your recovery codes</p>
      <p className="mt-1 text-sm text-muted-foreground">
        Save them somewhere safe now: they will not be shown again. Each one logs you in once if you
        lose your authenticator app.
      </p>
      <ul className="mt-3 grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((code) => (
          <li key={code} data-test="recovery-code">
            {code}
          </li>
        ))}
      </ul>
      <Button type="button" variant="secondary" className="mt-3" onClick={copy}>
        {copied ? 'Copied' : 'Copy codes'}
      </Button>
    </div>
  )
}
