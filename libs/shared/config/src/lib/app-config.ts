import {
  loadSettings,
  type AppSettings,
  type Environment,
  type LogFormat,
  type LogLevel,
  type NodeEnv,
  type RunMode,
  type TrustProxy,
} from './settings';

/**
 * The validated settings, typed. Injectable by class (its own DI token) once `AppConfigModule.forRoot()`
 * is imported; scripts without Nest use `loadAppConfig()`.
 */
export class AppConfig implements AppSettings {
  readonly nodeEnv: NodeEnv;
  readonly runMode: RunMode;
  readonly migrateOnStart: boolean;
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly databaseUrl: string;
  readonly redisUrl: string | undefined;
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly logLevel: LogLevel;
  readonly logFormat: LogFormat;
  readonly bodyLimit: string;
  readonly trustProxy: TrustProxy;
  readonly staticDir: string;
  readonly sessionSecret: string;
  readonly demoData: boolean;
  readonly paymentProviderUrl: string;
  readonly paymentProviderPublicUrl: string;
  readonly paymentSecretKey: string;
  readonly paymentPublishableKey: string;
  readonly paymentWebhookSecret: string;
  readonly billingIssuerName: string;
  readonly billingIssuerAddress: readonly string[];
  readonly billingGstNumber: string | undefined;
  readonly billingQstNumber: string | undefined;
  readonly billingChequePayableTo: string;
  readonly billingDepositInstructions: string;

  constructor(settings: AppSettings) {
    this.nodeEnv = settings.nodeEnv;
    this.runMode = settings.runMode;
    this.migrateOnStart = settings.migrateOnStart;
    this.host = settings.host;
    this.port = settings.port;
    this.publicUrl = settings.publicUrl;
    this.databaseUrl = settings.databaseUrl;
    this.redisUrl = settings.redisUrl;
    this.smtpUrl = settings.smtpUrl;
    this.mailFrom = settings.mailFrom;
    this.logLevel = settings.logLevel;
    this.logFormat = settings.logFormat;
    this.bodyLimit = settings.bodyLimit;
    this.trustProxy = settings.trustProxy;
    this.staticDir = settings.staticDir;
    this.sessionSecret = settings.sessionSecret;
    this.demoData = settings.demoData;
    this.paymentProviderUrl = settings.paymentProviderUrl;
    this.paymentProviderPublicUrl = settings.paymentProviderPublicUrl;
    this.paymentSecretKey = settings.paymentSecretKey;
    this.paymentPublishableKey = settings.paymentPublishableKey;
    this.paymentWebhookSecret = settings.paymentWebhookSecret;
    this.billingIssuerName = settings.billingIssuerName;
    this.billingIssuerAddress = settings.billingIssuerAddress;
    this.billingGstNumber = settings.billingGstNumber;
    this.billingQstNumber = settings.billingQstNumber;
    this.billingChequePayableTo = settings.billingChequePayableTo;
    this.billingDepositInstructions = settings.billingDepositInstructions;
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  /** Which BullMQ backend the settings select. */
  get queueBackend(): 'redis' | 'postgres' {
    return this.redisUrl ? 'redis' : 'postgres';
  }
}

/**
 * Validates the environment (default `process.env`) without Nest: for `main.ts` before bootstrap, and for scripts.
 *
 * @throws InvalidConfigurationError naming the faulty settings.
 */
export function loadAppConfig(env: Environment = process.env): AppConfig {
  return new AppConfig(loadSettings(env));
}
