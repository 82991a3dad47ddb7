import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Health } from '@motcua/contracts/health';
import type { Store } from '../../db/store.ts';
import { APP_VERSION } from '../../version.ts';

export function healthRoutes(store: Store): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Cheap by design (no query): it must answer even while the store is busy with a heavy query.
    let version: string | undefined;
    app.get(
      '/api/health',
      {
        config: { access: 'public' },
        schema: { tags: ['system'], summary: 'Tình trạng máy chủ', response: { 200: Health } },
      },
      async () => {
        version ??= await store.serverVersion();
        return { status: 'ok' as const, version: APP_VERSION, store: { kind: store.kind, version } };
      },
    );
  };
}
