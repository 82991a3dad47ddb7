/**
 * Where to send a citizen after signing in: only a path of this site. "//evil.example" or "https://…" would
 * turn the sign-in into an open redirect.
 */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/[a-z0-9-]/i.test(value) && !value.startsWith('//')
    ? value.slice(0, 300)
    : '/cong-dan';
}
