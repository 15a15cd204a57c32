import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { InvalidConfigurationError, loadAppConfig } from '@guichet/shared/config';
import { maskSensitiveText } from '@guichet/shared/http';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './app/worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT: stop the relay, let active jobs finish (worker.close()), then close the pools.
  app.enableShutdownHooks();
  app.get(Logger).log('Worker started: outbox relay and consumers running', 'Worker');
}

try {
  // Validated before anything starts, so a bad setting is reported plainly and by name.
  loadAppConfig(process.env);
} catch (error) {
  if (!(error instanceof InvalidConfigurationError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

bootstrap().catch((error: unknown) => {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${JSON.stringify({ level: 50, time: new Date().toISOString(), context: 'Worker', msg: 'The worker failed to start', err: maskSensitiveText(text) })}\n`);
  process.exit(1);
});
