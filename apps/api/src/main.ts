import 'reflect-metadata';
import path from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InvalidConfigurationError, loadAppConfig, type AppConfig } from '@guichet/shared/config';
import { configureHttpApp, maskSensitiveText } from '@guichet/shared/http';
import { migrateDatabase } from '@guichet/shared/persistence';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app/app.module';
import { seedDemoData } from './app/demo-data';
import { MIGRATIONS } from './app/migrations';
import { platformWebApps, webAppsMiddleware } from './app/web/web-apps.middleware';

/**
 * One line on stderr for what happens before or without the Nest logger: JSON shaped like the pino logs,
 * or, with LOG_FORMAT=pretty, a short line like pino-pretty's (an error's text on the lines after it).
 */
function report(level: 'info' | 'error', msg: string, extra: Record<string, unknown> = {}): void {
  if (process.env['LOG_FORMAT']?.trim().toLowerCase() === 'pretty') {
    const { err, ...fields } = extra;
    const details = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    const now = new Date();
    const time = `${now.toTimeString().slice(0, 8)}.${String(now.getMilliseconds()).padStart(3, '0')}`;
    process.stderr.write(`[${time}] ${level.toUpperCase()}: [Bootstrap] ${msg}${details}${err ? `\n${String(err)}` : ''}\n`);
    return;
  }
  process.stderr.write(`${JSON.stringify({ level: level === 'info' ? 30 : 50, time: new Date().toISOString(), context: 'Bootstrap', msg, ...extra })}\n`);
}

function configurationOrExit(): AppConfig {
  try {
    return loadAppConfig(process.env);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** RUN_MODE=migrate: apply pending migrations and exit (`npm run migrate`, the Compose migrate step). */
async function migrate(config: AppConfig): Promise<void> {
  const ran = await migrateDatabase({ url: config.databaseUrl, migrations: [...MIGRATIONS], applicationName: 'guichet-migrate' });
  report('info', ran.length ? `Ran migrations: ${ran.join(', ')}` : 'Database schema is up to date', { migrations: ran });
}

/** RUN_MODE=seed-demo: create the README's demo accounts (never in production) and exit; `npm start` runs it after the migrations. */
async function seedDemo(config: AppConfig): Promise<void> {
  if (!config.demoData) {
    report('info', config.isProduction ? 'Demo data is never seeded in production' : 'Demo data is off (DEMO_DATA=false)');
    return;
  }
  const app = await NestFactory.createApplicationContext(AppModule, { bufferLogs: true, abortOnError: false });
  try {
    const seeded = await seedDemoData(app.get(CommandBus), config.nodeEnv);
    const count = (outcome: string) => seeded.filter((s) => s.outcome === outcome).length;
    report('info', 'Demo accounts ready (see README, « Comptes de démonstration »)', {
      created: count('created'),
      completed: count('completed'),
      unchanged: count('unchanged'),
    });
  } finally {
    await app.close();
  }
}

async function serve(config: AppConfig): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, abortOnError: false });
  await configureHttpApp(app);
  // After the API setup (request ids, helmet), before Nest's routes: the portal at /, the back-office at /admin/.
  app.use(webAppsMiddleware(platformWebApps(path.resolve(config.staticDir))));
  await app.listen(config.port, config.host);
  app.get(Logger).log(`API listening on http://${config.host}:${config.port}/api (docs /api/docs)`, 'Bootstrap');
}

// Validated before anything starts, so a bad setting is reported plainly and by name.
const config = configurationOrExit();

const modes = {
  migrate: { run: migrate, failure: 'Migration failed' },
  'seed-demo': { run: seedDemo, failure: 'Seeding the demo accounts failed' },
  serve: { run: serve, failure: 'The API failed to start' },
} as const;
const mode = modes[config.runMode];

mode.run(config).catch((error: unknown) => {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  report('error', mode.failure, { err: maskSensitiveText(text) });
  process.exit(1);
});
