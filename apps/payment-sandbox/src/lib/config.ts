import type { SandboxLogger } from './logger';

export interface SandboxOptions {
  /** Interface to listen on (127.0.0.1). */
  readonly host?: string;
  /** 0 (the default of `startSandbox`) picks a free port. */
  readonly port?: number;
  /** The address browsers use for the hosted pages; defaults to the address it listens on. */
  readonly publicUrl?: string;
  readonly secretKey?: string;
  readonly publishableKey?: string;
  /** Where webhooks go; null (the default of `startSandbox`) keeps them in memory only. */
  readonly webhookUrl?: string | null;
  readonly webhookSecret?: string;
  /** How long a charge stays `processing` before its webhook (200 ms). */
  readonly settleDelayMs?: number;
  /** Waits between webhook attempts (0.5 s, 1 s, 2 s, 4 s, 8 s). */
  readonly webhookRetryDelaysMs?: readonly number[];
  /** pino level when no logger is given ('info'). */
  readonly logLevel?: string;
  /** `json` lines (the default) or `pretty`, one short line per entry for a terminal (pino-pretty, a development dependency). */
  readonly logFormat?: 'json' | 'pretty';
  readonly logger?: SandboxLogger;
  readonly now?: () => Date;
}

export const SANDBOX_DEFAULTS = {
  host: '127.0.0.1',
  port: 4400,
  secretKey: 'sk_sandbox_guichet_dev',
  publishableKey: 'pk_sandbox_guichet_dev',
  webhookUrl: 'http://127.0.0.1:3000/api/billing/webhooks/sandbox',
  webhookSecret: 'whsec_sandbox_guichet_dev',
  settleDelayMs: 200,
} as const;

/** The standalone process's settings: SANDBOX_* variables, with the defaults of the protocol. */
export function sandboxOptionsFromEnv(env: NodeJS.ProcessEnv): SandboxOptions {
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const host = value('SANDBOX_HOST') ?? SANDBOX_DEFAULTS.host;
  const portText = value('SANDBOX_PORT');
  const port = portText === undefined ? SANDBOX_DEFAULTS.port : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SANDBOX_PORT must be a port number, not "${portText}"`);
  const webhookUrl = value('SANDBOX_WEBHOOK_URL') ?? SANDBOX_DEFAULTS.webhookUrl;
  return {
    host,
    port,
    publicUrl: (value('SANDBOX_PUBLIC_URL') ?? `http://${host}:${port}`).replace(/\/+$/, ''),
    secretKey: value('SANDBOX_SECRET_KEY') ?? SANDBOX_DEFAULTS.secretKey,
    publishableKey: value('SANDBOX_PUBLISHABLE_KEY') ?? SANDBOX_DEFAULTS.publishableKey,
    webhookUrl: /^(none|off|false)$/i.test(webhookUrl) ? null : webhookUrl,
    webhookSecret: value('SANDBOX_WEBHOOK_SECRET') ?? SANDBOX_DEFAULTS.webhookSecret,
    logLevel: value('LOG_LEVEL') ?? 'info',
    logFormat: value('LOG_FORMAT')?.toLowerCase() === 'pretty' ? 'pretty' : 'json',
  };
}
