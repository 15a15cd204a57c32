import { InvalidConfigurationError } from './invalid-configuration.error';
import { DEVELOPMENT_SESSION_SECRET, SETTINGS, loadSettings } from './settings';

const PRODUCTION = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://guichet.example.org/',
  DATABASE_URL: 'postgres://app:s3cret-db-password@db:5432/guichet',
  SMTP_URL: 'smtps://mailer:pw@smtp.example.org:465',
  MAIL_FROM: 'Guichet <no-reply@example.org>',
  SESSION_SECRET: 'x'.repeat(48),
  PAYMENT_PROVIDER_URL: 'https://api.processor.example',
  PAYMENT_PROVIDER_PUBLIC_URL: 'https://pay.processor.example',
  PAYMENT_SECRET_KEY: 'sk_live_' + 'k'.repeat(24),
  PAYMENT_PUBLISHABLE_KEY: 'pk_live_abc',
  PAYMENT_WEBHOOK_SECRET: 'whsec_' + 'w'.repeat(24),
  BILLING_ISSUER_NAME: 'Centre de formation inc.',
  BILLING_ISSUER_ADDRESS: '1 rue Principale | Québec (Québec)  G1R 1A1',
  BILLING_CHEQUE_PAYABLE_TO: 'Centre de formation inc.',
  BILLING_DEPOSIT_INSTRUCTIONS: 'Institution 001, transit 00001, compte 7654321',
};

function problemsOf(env: Record<string, string | undefined>): InvalidConfigurationError {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadSettings', () => {
  it('starts with embedded defaults only, outside production', () => {
    const settings = loadSettings({});
    expect(settings).toEqual({
      nodeEnv: 'development',
      runMode: 'serve',
      migrateOnStart: true,
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: 'postgres://guichet:guichet@127.0.0.1:5433/guichet',
      redisUrl: undefined,
      smtpUrl: 'smtp://127.0.0.1:1025',
      mailFrom: 'Guichet <no-reply@guichet.localhost>',
      logLevel: 'info',
      logFormat: 'json',
      bodyLimit: '100kb',
      trustProxy: false,
      staticDir: 'dist/apps',
      sessionSecret: DEVELOPMENT_SESSION_SECRET,
      demoData: true,
      paymentProviderUrl: 'http://127.0.0.1:4400',
      paymentProviderPublicUrl: 'http://127.0.0.1:4400',
      paymentSecretKey: 'sk_sandbox_guichet_dev',
      paymentPublishableKey: 'pk_sandbox_guichet_dev',
      paymentWebhookSecret: 'whsec_sandbox_guichet_dev',
      billingIssuerName: 'Guichet des services de formation',
      billingIssuerAddress: ['1000, rue Sherbrooke Ouest', 'Montréal (Québec)  H3A 0A1'],
      billingGstNumber: undefined,
      billingQstNumber: undefined,
      billingChequePayableTo: 'Guichet des services de formation',
      billingDepositInstructions: 'Institution 815, transit 30000, compte 1234567 — indiquez le numéro de facture dans la description du virement.',
    });
  });

  it('splits the issuer address into lines and refuses the sandbox keys in production', () => {
    expect(loadSettings(PRODUCTION).billingIssuerAddress).toEqual(['1 rue Principale', 'Québec (Québec)  G1R 1A1']);
    const error = problemsOf({ ...PRODUCTION, PAYMENT_SECRET_KEY: 'sk_sandbox_guichet_dev', PAYMENT_WEBHOOK_SECRET: 'whsec_sandbox_guichet_dev' });
    expect(error.settings).toEqual(['PAYMENT_SECRET_KEY', 'PAYMENT_WEBHOOK_SECRET']);
    expect(error.message).not.toContain('whsec_sandbox_guichet_dev');
    expect(problemsOf({ PAYMENT_WEBHOOK_SECRET: 'short' }).settings).toEqual(['PAYMENT_WEBHOOK_SECRET']);
  });

  it('types the given values and treats empty variables as unset', () => {
    const settings = loadSettings({ PORT: '8080', REDIS_URL: '', TRUST_PROXY: '1', BODY_LIMIT: '1MB', LOG_LEVEL: 'DEBUG' });
    expect(settings.port).toBe(8080);
    expect(settings.redisUrl).toBeUndefined();
    expect(settings.trustProxy).toBe(1);
    expect(settings.bodyLimit).toBe('1mb');
    expect(settings.logLevel).toBe('debug');
    expect(loadSettings({ LOG_FORMAT: 'Pretty' }).logFormat).toBe('pretty');
    expect(loadSettings({ RUN_MODE: 'migrate', MIGRATE_ON_START: 'false' })).toMatchObject({ runMode: 'migrate', migrateOnStart: false });
    expect(loadSettings({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(loadSettings({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('refuses invalid values in every mode, naming each setting', () => {
    const error = problemsOf({ PORT: 'abc', REDIS_URL: 'http://cache:6379', LOG_LEVEL: 'loud', LOG_FORMAT: 'xml', BODY_LIMIT: '10gb', MIGRATE_ON_START: 'maybe' });
    expect(error.settings).toEqual(['MIGRATE_ON_START', 'PORT', 'REDIS_URL', 'LOG_LEVEL', 'LOG_FORMAT', 'BODY_LIMIT']);
    expect(error.message).toContain('PORT must be an integer between 1 and 65535 (got "abc")');
    expect(error.message).toContain('LOG_LEVEL must be one of');
  });

  it('accepts a complete production environment', () => {
    const settings = loadSettings(PRODUCTION);
    expect(settings.nodeEnv).toBe('production');
    expect(settings.publicUrl).toBe('https://guichet.example.org');
  });

  it('turns the demo data off in production and keeps it on elsewhere unless told', () => {
    expect(loadSettings(PRODUCTION).demoData).toBe(false);
    expect(loadSettings({ ...PRODUCTION, DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(loadSettings({ NODE_ENV: 'test' }).demoData).toBe(true);
    expect(loadSettings({ DEMO_DATA: 'off', RUN_MODE: 'seed-demo' })).toMatchObject({ demoData: false, runMode: 'seed-demo' });
  });

  it('refuses a production start that relies on embedded defaults for required settings', () => {
    const error = problemsOf({ NODE_ENV: 'production' });
    expect(error.settings).toEqual(SETTINGS.filter((s) => s.requiredInProduction).map((s) => s.name));
    expect(error.message).toMatch(/NODE_ENV=production/);
    expect(error.message).toContain('DATABASE_URL is required in production');
  });

  it.each([
    ['DATABASE_URL', 'mysql://db/guichet'],
    ['SMTP_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://example.org'],
    ['MAIL_FROM', 'nobody'],
    ['SESSION_SECRET', 'short'],
    ['SESSION_SECRET', DEVELOPMENT_SESSION_SECRET],
    ['SESSION_SECRET', ` ${DEVELOPMENT_SESSION_SECRET} `],
    ['DEMO_DATA', 'true'],
    ['LOG_FORMAT', 'pretty'],
  ])('refuses %s=%s in production', (name, value) => {
    expect(problemsOf({ ...PRODUCTION, [name]: value }).settings).toEqual([name]);
  });

  it('never echoes a secret value in its message', () => {
    const error = problemsOf({ DATABASE_URL: 'mysql://root:hunter2@db/guichet', SESSION_SECRET: 'tiny-secret' });
    expect(error.settings).toEqual(['DATABASE_URL', 'SESSION_SECRET']);
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('tiny-secret');
  });

  it('documents every setting with a description', () => {
    for (const setting of SETTINGS) {
      expect(setting.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(setting.description.length).toBeGreaterThan(10);
    }
    expect(new Set(SETTINGS.map((s) => s.name)).size).toBe(SETTINGS.length);
  });
});
