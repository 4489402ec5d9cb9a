/** "in 45 seconds", "in 5 minutes": how long a throttled person has to wait, in words. */
export function waitTimeInWords(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds))
  if (whole < 60) return `${whole} ${whole === 1 ? 'second' : 'seconds'}`
  const minutes = Math.ceil(whole / 60)
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
}
