/** Up to two capital letters for avatars: "Ada Lovelace" gives "AL", "Grace" gives "GR". */
export function initialsOf(fullName: string, fallback = ''): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean)
  if (words.length >= 2) return `${words[0][0]}${words[words.length - 1][0]}`.toUpperCase()
  return (words[0] ?? fallback).slice(0, 2).toUpperCase()
}
