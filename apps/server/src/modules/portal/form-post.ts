import type { FastifyInstance, FastifyRequest } from 'fastify';

/** HTML forms post urlencoded; no global parser is registered, so a plugin that needs one adds it here. */
export function useUrlEncoded(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * A post from another site: its Origin (or, when a browser sends none, its Referer) is neither this host nor
 * the configured public address. A request with neither header (a non-browser client) is let through: the
 * forms also carry a token or a key.
 */
export function crossSite(request: FastifyRequest, publicUrl: string | undefined): boolean {
  const allowed = new Set<string>();
  try {
    // Through URL, as a browser writes its Origin: "http://localhost:80" is "http://localhost".
    allowed.add(new URL(`${request.protocol}://${request.host}`).origin);
    if (publicUrl) allowed.add(new URL(publicUrl).origin);
  } catch {
    return true;
  }
  const origin = first(request.headers.origin);
  if (origin !== undefined) return !allowed.has(origin);
  const referer = first(request.headers.referer);
  if (referer === undefined) return false;
  try {
    return !allowed.has(new URL(referer).origin);
  } catch {
    return true;
  }
}
