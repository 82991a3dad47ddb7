import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { S3StoreOptions } from './modules/files/s3-file-store.ts';
import type { OidcSettings } from './modules/citizens/oidc/oidc-client.ts';
import {
  DeliveryConfigError,
  parseDeliveryConfig,
  type DeliveryConfig,
} from './modules/delivery/delivery-config.ts';

/** Every environment variable motcua reads (the README's configuration table mirrors this). */
const Env = Type.Object({
  NODE_ENV: Type.Optional(Type.String()),
  PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  HOST: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  MOTCUA_DATA_DIR: Type.Optional(Type.String({ minLength: 1 })),
  MOTCUA_DEMO_PASSWORD: Type.Optional(Type.String({ minLength: 10 })),
  MOTCUA_SESSION_HOURS: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  MOTCUA_LOGIN_MAX_FAILURES: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  MOTCUA_LOGIN_WINDOW_MINUTES: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  MOTCUA_MAINTENANCE_MINUTES: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  MOTCUA_MAX_WAL_MB: Type.Optional(Type.String({ pattern: '^[0-9]{2,6}$' })),
  MOTCUA_MAX_UPLOAD_MB: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,3}$' })),
  MOTCUA_TRUST_PROXY: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  MOTCUA_PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+(/[^?#]*)?$' })),
  MOTCUA_S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+/?$' })),
  MOTCUA_S3_BUCKET: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' })),
  MOTCUA_S3_REGION: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{2,40}$' })),
  MOTCUA_S3_PREFIX: Type.Optional(Type.String({ pattern: '^([a-z0-9_-]+/)*$' })),
  MOTCUA_S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  MOTCUA_S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  MOTCUA_OIDC_ISSUER: Type.Optional(Type.String({ pattern: '^https?://[^?#]+$' })),
  MOTCUA_OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  MOTCUA_OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  MOTCUA_OIDC_REDIRECT_URL: Type.Optional(Type.String({ pattern: '^https?://[^?#]+$' })),
  LOG_LEVEL: Type.Optional(Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
});
type Env = Static<typeof Env>;

export interface Config {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoPassword: string | undefined;
  sessionHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  maintenanceMinutes: number;
  maxWalMb: number;
  /** Largest accepted upload (a scanned dossier page or a PDF); files are stored under `<dataDir>/files`. */
  maxUploadMb: number;
  trustProxy: boolean;
  /** S3-compatible object storage for files instead of `<dataDir>/files`, when MOTCUA_S3_ENDPOINT is set. */
  s3: S3StoreOptions | undefined;
  /** E-mail (SMTP) and SMS (HTTP gateway) to citizens, when MOTCUA_SMTP_* / MOTCUA_SMS_* are set. */
  delivery: DeliveryConfig;
  /** Citizens' sign-in through an OpenID Connect provider (VNeID), when MOTCUA_OIDC_ISSUER is set. */
  oidc: OidcSettings | undefined;
  /** The address citizens reach (the QR code on the slip points here); taken from each request when unset. */
  publicUrl: string | undefined;
  logLevel: string;
}

export class ConfigError extends Error {}

function oidcOf(e: Env): OidcSettings | undefined {
  if (!e.MOTCUA_OIDC_ISSUER) return undefined;
  for (const name of ['MOTCUA_OIDC_CLIENT_ID', 'MOTCUA_OIDC_CLIENT_SECRET'] as const)
    if (!e[name])
      throw new ConfigError(`Invalid environment variable ${name}: required with MOTCUA_OIDC_ISSUER`);
  const base = e.MOTCUA_PUBLIC_URL?.replace(/\/+$/, '');
  const redirectUri = e.MOTCUA_OIDC_REDIRECT_URL ?? (base ? `${base}/api/citizen/oidc/callback` : undefined);
  if (!redirectUri)
    throw new ConfigError(
      'Invalid environment variable MOTCUA_OIDC_REDIRECT_URL: required with MOTCUA_OIDC_ISSUER unless MOTCUA_PUBLIC_URL is set',
    );
  return {
    issuer: e.MOTCUA_OIDC_ISSUER,
    clientId: e.MOTCUA_OIDC_CLIENT_ID!,
    clientSecret: e.MOTCUA_OIDC_CLIENT_SECRET!,
    redirectUri,
    // Plain http only to a provider on this machine (a local test provider); never across a network.
    ...(LOOPBACK.has(hostOf(e.MOTCUA_OIDC_ISSUER)) ? { allowHttp: true } : {}),
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    throw new ConfigError('Invalid environment variable MOTCUA_OIDC_ISSUER: not a URL');
  }
};

function deliveryOf(env: NodeJS.ProcessEnv): DeliveryConfig {
  try {
    return parseDeliveryConfig(env);
  } catch (error) {
    if (error instanceof DeliveryConfigError) throw new ConfigError(error.message);
    throw error;
  }
}

function s3Of(e: Env): S3StoreOptions | undefined {
  if (!e.MOTCUA_S3_ENDPOINT) return undefined;
  const missing = (
    ['MOTCUA_S3_BUCKET', 'MOTCUA_S3_ACCESS_KEY_ID', 'MOTCUA_S3_SECRET_ACCESS_KEY'] as const
  ).filter((k) => !e[k]);
  if (missing.length > 0)
    throw new ConfigError(`Invalid environment variable ${missing[0]}: required with MOTCUA_S3_ENDPOINT`);
  return {
    endpoint: e.MOTCUA_S3_ENDPOINT.replace(/\/+$/, ''),
    bucket: e.MOTCUA_S3_BUCKET!,
    region: e.MOTCUA_S3_REGION ?? 'us-east-1',
    accessKeyId: e.MOTCUA_S3_ACCESS_KEY_ID!,
    secretAccessKey: e.MOTCUA_S3_SECRET_ACCESS_KEY!,
    ...(e.MOTCUA_S3_PREFIX ? { prefix: e.MOTCUA_S3_PREFIX } : {}),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const picked = Object.fromEntries(
    Object.keys(Env.properties).flatMap((key) =>
      env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]],
    ),
  );
  const errors = [...Value.Errors(Env, picked)];
  if (errors.length > 0) {
    const first = errors[0]!;
    const name = first.instancePath.replace(/^\//, '') || 'environment';
    throw new ConfigError(`Invalid environment variable ${name}: ${first.message}`);
  }
  const e = picked as Env;
  const production = e.NODE_ENV === 'production';
  return {
    production,
    port: e.PORT === undefined ? 3000 : Number(e.PORT),
    host: e.HOST ?? 'localhost',
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.MOTCUA_DATA_DIR ?? 'data'),
    demoPassword: e.MOTCUA_DEMO_PASSWORD,
    sessionHours: Number(e.MOTCUA_SESSION_HOURS ?? 8),
    loginMaxFailures: Number(e.MOTCUA_LOGIN_MAX_FAILURES ?? 5),
    loginWindowMinutes: Number(e.MOTCUA_LOGIN_WINDOW_MINUTES ?? 15),
    maintenanceMinutes: Number(e.MOTCUA_MAINTENANCE_MINUTES ?? 60),
    maxWalMb: Number(e.MOTCUA_MAX_WAL_MB ?? 256),
    maxUploadMb: Number(e.MOTCUA_MAX_UPLOAD_MB ?? 20),
    trustProxy: e.MOTCUA_TRUST_PROXY === 'true',
    publicUrl: e.MOTCUA_PUBLIC_URL?.replace(/\/+$/, ''),
    s3: s3Of(e),
    delivery: deliveryOf(env),
    oidc: oidcOf(e),
    logLevel: e.LOG_LEVEL ?? (production ? 'info' : 'info'),
    ...overrides,
  };
}
