import { router } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { AuthCard } from '~/components/auth_card'

type VerifyEmailProps = { email: string }

export default function VerifyEmail({ email }: VerifyEmailProps) {
  return (
    <AuthCard
      title="Verify your email address"
      description={`We sent a link to ${email}. Follow it to start using Atrium.`}
    >
      <Button
        variant="secondary"
        className="w-full"
        onClick={() => router.post(urlFor('verification.send'))}
      >
        Send the link again
      </Button>
    </AuthCard>
  )
}
