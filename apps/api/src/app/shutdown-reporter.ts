import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';

/** Says in the logs when a stop begins and ends, so an operator can tell a clean stop from a crash. */
@Injectable()
export class ShutdownReporter implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`Stopping (${signal ?? 'close'}): finishing requests in progress, closing the queue and the database pool`);
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`Stopped (${signal ?? 'close'})`);
  }
}
