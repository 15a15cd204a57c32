import { InvalidConfigurationError, type SettingProblem } from './invalid-configuration.error';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const RUN_MODES = ['serve', 'migrate', 'seed-demo'] as const;
export type RunMode = (typeof RUN_MODES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Express `trust proxy`: off, on, a hop count, or a list of addresses/subnets/names (`loopback, 10.0.0.0/8`). */
export type TrustProxy = boolean | number | string;

/** Every setting of the platform, typed and with its embedded default applied. */
export interface AppSettings {
  readonly nodeEnv: NodeEnv;
  readonly runMode: RunMode;
  readonly migrateOnStart: boolean;
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly databaseUrl: string;
  /** Unset: BullMQ runs on the PostgreSQL backend of the application's own database. */
  readonly redisUrl: string | undefined;
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly logLevel: LogLevel;
  readonly logFormat: LogFormat;
  readonly bodyLimit: string;
  readonly trustProxy: TrustProxy;
  readonly staticDir: string;
  readonly sessionSecret: string;
  /** Seed the demo accounts (`RUN_MODE=seed-demo`); always false in production. */
  readonly demoData: boolean;
  /** Card and PayPal processor, server to server. */
  readonly paymentProviderUrl: string;
  /** Card and PayPal processor as the payer's browser reaches it (hosted card page, PayPal approval). */
  readonly paymentProviderPublicUrl: string;
  readonly paymentSecretKey: string;
  readonly paymentPublishableKey: string;
  readonly paymentWebhookSecret: string;
  readonly billingIssuerName: string;
  /** Lines of the issuer's address, separated by `|` in the environment. */
  readonly billingIssuerAddress: readonly string[];
  readonly billingGstNumber: string | undefined;
  readonly billingQstNumber: string | undefined;
  readonly billingChequePayableTo: string;
  readonly billingDepositInstructions: string;
}

/** A setting as documented to operators (the README table is generated from this list). */
export interface SettingDescription {
  /** Environment variable name. */
  readonly name: string;
  readonly description: string;
  /** Embedded default as written in the environment; `undefined` means "unset" (the feature is off). */
  readonly default: string | undefined;
  /** In production the embedded default is refused: the variable must be set explicitly. */
  readonly requiredInProduction: boolean;
  /** Its value is never echoed, not even in a validation message. */
  readonly secret: boolean;
}

interface SettingSpec<K extends keyof AppSettings> extends SettingDescription {
  readonly key: K;
  /** Returns the typed value or throws an `Error` whose message says what is expected. */
  parse(raw: string): AppSettings[K];
}

/** Recognised by validation: a production start with it fails. */
export const DEVELOPMENT_SESSION_SECRET = 'development-only-secret-never-use-in-production';

const MIN_SECRET_LENGTH = 32;

function url(protocols: readonly string[]): (raw: string) => string {
  return (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error(`must be a URL (${protocols.map((p) => `${p}//…`).join(' or ')})`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new Error(`must use ${protocols.join(' or ')} (got ${parsed.protocol})`);
    }
    if (!parsed.hostname) throw new Error('must name a host');
    return raw;
  };
}

function oneOf<T extends string>(values: readonly T[]): (raw: string) => T {
  return (raw) => {
    const value = raw.trim().toLowerCase();
    if (!(values as readonly string[]).includes(value)) throw new Error(`must be one of ${values.join(', ')}`);
    return value as T;
  };
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port < 1 || port > 65535) throw new Error('must be an integer between 1 and 65535');
  return port;
}

function parseHost(raw: string): string {
  const host = raw.trim();
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) throw new Error('must be a host name or an IP address');
  return host;
}

function parsePublicUrl(raw: string): string {
  return url(['http:', 'https:'])(raw).replace(/\/+$/, '');
}

function parseMailFrom(raw: string): string {
  // Either `name@domain` or `Display Name <name@domain>`.
  if (!/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(raw.trim())) {
    throw new Error('must be an address like "Guichet <no-reply@example.org>"');
  }
  return raw.trim();
}

function parseBodyLimit(raw: string): string {
  const match = /^(\d+)\s*(b|kb|mb)$/i.exec(raw.trim());
  if (!match) throw new Error('must be a size like 100kb or 1mb');
  const bytes = Number(match[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2].toLowerCase() as 'b' | 'kb' | 'mb'];
  if (bytes < 1024 || bytes > 50 * 1024 * 1024) throw new Error('must be between 1kb and 50mb');
  return `${match[1]}${match[2].toLowerCase()}`;
}

function parseTrustProxy(raw: string): TrustProxy {
  const value = raw.trim();
  if (/^(false|no|0|off)$/i.test(value)) return false;
  if (/^(true|yes|on)$/i.test(value)) return true;
  if (/^\d+$/.test(value)) return Number(value);
  if (/^[A-Za-z0-9.:/,\s-]+$/.test(value)) return value;
  throw new Error('must be true, false, a hop count, or a comma-separated list of addresses or subnets');
}

function parseStaticDir(raw: string): string {
  return raw.trim();
}

function parseBoolean(raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new Error('must be true or false');
}

function parseText(raw: string): string {
  const value = raw.trim();
  if (value.length > 300) throw new Error('must be at most 300 characters');
  return value;
}

function parseLines(raw: string): readonly string[] {
  const lines = raw.split('|').map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length === 0 || lines.length > 6) throw new Error('must be 1 to 6 lines separated by |');
  return lines;
}

function parseProviderSecret(raw: string): string {
  if (raw.trim().length < 16) throw new Error('must be at least 16 characters long');
  return raw.trim();
}

/** Sandbox keys of the embedded run: refused in production like the development session secret. */
export const DEVELOPMENT_PAYMENT_SECRETS = ['sk_sandbox_guichet_dev', 'whsec_sandbox_guichet_dev'] as const;

function parseSessionSecret(raw: string): string {
  if (raw.length < MIN_SECRET_LENGTH) throw new Error(`must be at least ${MIN_SECRET_LENGTH} characters long`);
  return raw;
}

/**
 * The settings, in the order of the README table. Adding a setting here is the whole job: validation,
 * the typed `AppConfig` and the documentation all follow.
 */
const SPECS = [
  {
    key: 'nodeEnv',
    name: 'NODE_ENV',
    description: 'Run mode: `development`, `test` or `production`. In production every setting marked required must be set explicitly.',
    default: 'development',
    requiredInProduction: false,
    secret: false,
    parse: oneOf(NODE_ENVS),
  },
  {
    key: 'runMode',
    name: 'RUN_MODE',
    description: '`serve` runs the application; `migrate` applies the pending migrations of every context, then exits (`npm run migrate`, the Compose `migrate` step); `seed-demo` creates the demo accounts when `DEMO_DATA` is on, then exits (the embedded run does it after the migrations).',
    default: 'serve',
    requiredInProduction: false,
    secret: false,
    parse: oneOf(RUN_MODES),
  },
  {
    key: 'migrateOnStart',
    name: 'MIGRATE_ON_START',
    description: 'Apply pending migrations when the api starts (`false` when a separate migration step runs them; the worker never migrates).',
    default: 'true',
    requiredInProduction: false,
    secret: false,
    parse: parseBoolean,
  },
  {
    key: 'host',
    name: 'HOST',
    description: 'Interface the HTTP server listens on (`0.0.0.0` in a container).',
    default: '127.0.0.1',
    requiredInProduction: false,
    secret: false,
    parse: parseHost,
  },
  {
    key: 'port',
    name: 'PORT',
    description: 'HTTP port of the API, which also serves the portal at `/` and the back-office at `/admin/`.',
    default: '3000',
    requiredInProduction: false,
    secret: false,
    parse: parsePort,
  },
  {
    key: 'publicUrl',
    name: 'PUBLIC_URL',
    description: 'Address users reach the platform at; used in links sent by mail.',
    default: 'http://localhost:3000',
    requiredInProduction: true,
    secret: false,
    parse: parsePublicUrl,
  },
  {
    key: 'databaseUrl',
    name: 'DATABASE_URL',
    description: 'PostgreSQL connection URL. The embedded run starts its own PostgreSQL and sets it.',
    default: 'postgres://guichet:guichet@127.0.0.1:5433/guichet',
    requiredInProduction: true,
    secret: true,
    parse: url(['postgres:', 'postgresql:']),
  },
  {
    key: 'redisUrl',
    name: 'REDIS_URL',
    description: 'Redis connection URL for BullMQ. Unset: BullMQ uses its PostgreSQL backend on `DATABASE_URL`.',
    default: undefined,
    requiredInProduction: false,
    secret: true,
    parse: url(['redis:', 'rediss:']),
  },
  {
    key: 'smtpUrl',
    name: 'SMTP_URL',
    description: 'SMTP server for outgoing mail (`smtp://` or `smtps://`, credentials in the URL). The embedded run starts a mail catcher on port 1025.',
    default: 'smtp://127.0.0.1:1025',
    requiredInProduction: true,
    secret: true,
    parse: url(['smtp:', 'smtps:']),
  },
  {
    key: 'mailFrom',
    name: 'MAIL_FROM',
    description: 'Sender of outgoing mail.',
    default: 'Guichet <no-reply@guichet.localhost>',
    requiredInProduction: true,
    secret: false,
    parse: parseMailFrom,
  },
  {
    key: 'logLevel',
    name: 'LOG_LEVEL',
    description: `Minimum level of the logs: ${LOG_LEVELS.join(', ')}.`,
    default: 'info',
    requiredInProduction: false,
    secret: false,
    parse: oneOf(LOG_LEVELS),
  },
  {
    key: 'logFormat',
    name: 'LOG_FORMAT',
    description:
      '`json` (one JSON object per line, for log collectors; the only format allowed in production) or `pretty` (one short line per entry for a terminal, through pino-pretty, a development dependency). `npm start` and `npm run dev` choose `pretty` when their output is a terminal.',
    default: 'json',
    requiredInProduction: false,
    secret: false,
    parse: oneOf(LOG_FORMATS),
  },
  {
    key: 'bodyLimit',
    name: 'BODY_LIMIT',
    description: 'Largest accepted request body (JSON and forms), e.g. `100kb`, `1mb`; larger bodies get a 413.',
    default: '100kb',
    requiredInProduction: false,
    secret: false,
    parse: parseBodyLimit,
  },
  {
    key: 'trustProxy',
    name: 'TRUST_PROXY',
    description: 'Express `trust proxy`: `false`, `true`, a hop count, or addresses/subnets of the reverse proxies.',
    default: 'false',
    requiredInProduction: false,
    secret: false,
    parse: parseTrustProxy,
  },
  {
    key: 'staticDir',
    name: 'STATIC_DIR',
    description: 'Folder holding the Angular builds (`portal/browser`, `admin/browser`), relative to the working directory.',
    default: 'dist/apps',
    requiredInProduction: false,
    secret: false,
    parse: parseStaticDir,
  },
  {
    key: 'sessionSecret',
    name: 'SESSION_SECRET',
    description: `Secret signing sessions and cookies, at least ${MIN_SECRET_LENGTH} characters.`,
    default: DEVELOPMENT_SESSION_SECRET,
    requiredInProduction: true,
    secret: true,
    parse: parseSessionSecret,
  },
  {
    key: 'demoData',
    name: 'DEMO_DATA',
    description:
      'Create the demo accounts of the README (« Comptes de démonstration », published passwords) with `RUN_MODE=seed-demo`. Off in production, where `true` is refused.',
    default: 'true',
    requiredInProduction: false,
    secret: false,
    parse: parseBoolean,
  },
  {
    key: 'paymentProviderUrl',
    name: 'PAYMENT_PROVIDER_URL',
    description: 'Card and PayPal processor\'s API, server to server. The embedded run starts the sandbox processor (`apps/payment-sandbox`) there.',
    default: 'http://127.0.0.1:4400',
    requiredInProduction: true,
    secret: false,
    parse: parsePublicUrl,
  },
  {
    key: 'paymentProviderPublicUrl',
    name: 'PAYMENT_PROVIDER_PUBLIC_URL',
    description: 'The processor as the payer\'s browser reaches it: hosted card page (card numbers are typed there, never on our pages) and PayPal approval.',
    default: 'http://127.0.0.1:4400',
    requiredInProduction: true,
    secret: false,
    parse: parsePublicUrl,
  },
  {
    key: 'paymentSecretKey',
    name: 'PAYMENT_SECRET_KEY',
    description: 'Secret API key at the processor (charges, PayPal orders, refunds).',
    default: 'sk_sandbox_guichet_dev',
    requiredInProduction: true,
    secret: true,
    parse: parseProviderSecret,
  },
  {
    key: 'paymentPublishableKey',
    name: 'PAYMENT_PUBLISHABLE_KEY',
    description: 'Publishable key of the hosted card page (not a secret).',
    default: 'pk_sandbox_guichet_dev',
    requiredInProduction: true,
    secret: false,
    parse: parseText,
  },
  {
    key: 'paymentWebhookSecret',
    name: 'PAYMENT_WEBHOOK_SECRET',
    description: 'Secret the processor signs its callbacks with (HMAC-SHA256 over timestamp and body; 5-minute tolerance).',
    default: 'whsec_sandbox_guichet_dev',
    requiredInProduction: true,
    secret: true,
    parse: parseProviderSecret,
  },
  {
    key: 'billingIssuerName',
    name: 'BILLING_ISSUER_NAME',
    description: 'Name of the issuer printed on invoices and credit notes.',
    default: 'Guichet des services de formation',
    requiredInProduction: true,
    secret: false,
    parse: parseText,
  },
  {
    key: 'billingIssuerAddress',
    name: 'BILLING_ISSUER_ADDRESS',
    description: 'Issuer\'s address on invoices, lines separated by `|`.',
    default: '1000, rue Sherbrooke Ouest|Montréal (Québec)  H3A 0A1',
    requiredInProduction: true,
    secret: false,
    parse: parseLines,
  },
  {
    key: 'billingGstNumber',
    name: 'BILLING_GST_NUMBER',
    description: 'GST registration number printed on invoices (« No TPS »); unset: not printed.',
    default: undefined,
    requiredInProduction: false,
    secret: false,
    parse: parseText,
  },
  {
    key: 'billingQstNumber',
    name: 'BILLING_QST_NUMBER',
    description: 'QST registration number printed on invoices (« No TVQ »); unset: not printed.',
    default: undefined,
    requiredInProduction: false,
    secret: false,
    parse: parseText,
  },
  {
    key: 'billingChequePayableTo',
    name: 'BILLING_CHEQUE_PAYABLE_TO',
    description: 'Payee of cheques, printed on cheque invoices (manual 001).',
    default: 'Guichet des services de formation',
    requiredInProduction: true,
    secret: false,
    parse: parseText,
  },
  {
    key: 'billingDepositInstructions',
    name: 'BILLING_DEPOSIT_INSTRUCTIONS',
    description: 'Bank details for direct deposits, printed on deposit invoices.',
    default: 'Institution 815, transit 30000, compte 1234567 — indiquez le numéro de facture dans la description du virement.',
    requiredInProduction: true,
    secret: false,
    parse: parseText,
  },
] as const satisfies readonly SettingSpec<keyof AppSettings>[];

/** The documented settings (names, descriptions, defaults), in README order. */
export const SETTINGS: readonly SettingDescription[] = SPECS.map(
  ({ name, description, default: fallback, requiredInProduction, secret }) => ({
    name,
    description,
    default: fallback,
    requiredInProduction,
    secret,
  }),
);

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads, validates and types the settings. Empty variables count as unset. Invalid values are refused
 * in every mode; in production, settings marked `requiredInProduction` must also be set explicitly.
 *
 * @throws InvalidConfigurationError naming every faulty setting at once.
 */
export function loadSettings(env: Environment): AppSettings {
  const problems: SettingProblem[] = [];
  const rawNodeEnv = env['NODE_ENV']?.trim().toLowerCase();
  const production = rawNodeEnv === 'production';
  const values: Record<string, unknown> = {};

  for (const spec of SPECS as readonly SettingSpec<keyof AppSettings>[]) {
    const given = env[spec.name];
    const isSet = given !== undefined && given.trim() !== '';
    if (!isSet && production && spec.requiredInProduction) {
      problems.push({ setting: spec.name, problem: 'is required in production (the embedded default is refused)' });
      continue;
    }
    const raw = isSet ? given : spec.default;
    if (raw === undefined) {
      values[spec.key] = undefined;
      continue;
    }
    try {
      values[spec.key] = spec.parse(raw);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const shown = spec.secret ? '' : ` (got "${raw}")`;
      problems.push({ setting: spec.name, problem: `${reason}${shown}` });
    }
  }

  if (production && env['SESSION_SECRET']?.trim() === DEVELOPMENT_SESSION_SECRET) {
    problems.push({ setting: 'SESSION_SECRET', problem: 'must not be the development secret in production' });
  }
  for (const name of ['PAYMENT_SECRET_KEY', 'PAYMENT_WEBHOOK_SECRET']) {
    if (production && (DEVELOPMENT_PAYMENT_SECRETS as readonly string[]).includes(env[name]?.trim() ?? '')) {
      problems.push({ setting: name, problem: 'must not be the sandbox development key in production' });
    }
  }
  // pino-pretty is a development dependency: the production images do not have it.
  if (production && values['logFormat'] === 'pretty') {
    problems.push({ setting: 'LOG_FORMAT', problem: 'must be json in production (pretty needs pino-pretty, a development dependency)' });
  }
  // Demo accounts have published passwords: never in production, whatever the default says.
  if (production && values['demoData'] === true) {
    if (env['DEMO_DATA'] !== undefined && env['DEMO_DATA'].trim() !== '') {
      problems.push({ setting: 'DEMO_DATA', problem: 'must not be true in production (demo accounts have published passwords)' });
    }
    values['demoData'] = false;
  }
  if (problems.length > 0) throw new InvalidConfigurationError(problems, rawNodeEnv ?? 'development');
  return values as unknown as AppSettings;
}
