import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { DomainFailure } from '@motcua/domain/errors';
import { APP_VERSION } from '../version.ts';
import { registerAccessControl, type CitizenAuthenticator } from './access.ts';
import { sendProblem, toProblem } from './problem.ts';
import { PROBLEM_TITLES, pickLang } from './messages.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';

export interface ServerOptions {
  logger: Logger;
  auth: AuthService;
  /** Sessions of the citizen portal, for routes with access 'citizen'. */
  citizens?: CitizenAuthenticator;
  trustProxy: boolean;
  webRoot?: string | undefined;
  routes: ((app: FastifyInstance) => Promise<void>)[];
}

function makeAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}
// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const strictAjv = makeAjv(false);
const coercingAjv = makeAjv('array');

export async function buildServer(options: ServerOptions) {
  const app = Fastify({
    loggerInstance: options.logger as unknown as FastifyBaseLogger,
    trustProxy: options.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    // Over-long path parameters and similar router errors get the same problem+json as everything else.
    frameworkErrors: (error, request, reply) => {
      void sendProblem(reply, toProblem(error, request));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Query strings and path parameters are text and get coerced ("?limit=5"); JSON bodies are checked strictly,
  // so 42 is never accepted where the contract says a string.
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema),
  );

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'motcua API',
        version: APP_VERSION,
        description:
          'Một cửa và IOC cho chính quyền địa phương — one-stop administrative procedures and IOC. Errors are RFC 9457 problem+json.',
      },
      security: [{ session: [] }, { token: [] }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });

  app.setErrorHandler((error, request, reply) => {
    const body = toProblem(error, request);
    if (body.status >= 500) request.log.error({ err: error, requestId: request.id }, 'request failed');
    if (error instanceof DomainFailure && error.error.kind === 'TooManyAttempts') {
      reply.header('retry-after', String(error.error.retryAfterSeconds));
    }
    return sendProblem(reply, body);
  });

  registerAccessControl(app, options.auth, options.citizens);

  for (const routes of options.routes) await app.register(routes);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const webRoot =
    options.webRoot && fs.existsSync(path.join(options.webRoot, 'index.html')) ? options.webRoot : undefined;
  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }

  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && webRoot !== undefined;
    if (wantsPage && (request.headers.accept ?? '').includes('text/html')) {
      // The web app routes on the client: every page path gets its shell.
      return reply.type('text/html').sendFile('index.html');
    }
    const lang = pickLang(request.headers['accept-language']);
    return sendProblem(reply, {
      type: '/problems/route-not-found',
      title: PROBLEM_TITLES['route-not-found'][lang],
      status: 404,
      detail: `${request.method} ${request.url.split('?')[0]}`,
      requestId: request.id,
    });
  });

  return app;
}
