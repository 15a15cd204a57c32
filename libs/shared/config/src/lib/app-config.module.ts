import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig } from './app-config';
import { loadSettings, type AppSettings } from './settings';

/** Where the validated settings live inside `ConfigService` (not an environment variable name). */
const SETTINGS_KEY = '__guichetSettings';

/**
 * Global configuration: `@nestjs/config` validates the environment with `loadSettings` when the module is
 * built, and `AppConfig` is then injectable everywhere. Only the process environment is read (no `.env` file),
 * so what `main.ts` checks before bootstrap is exactly what the module sees.
 */
@Module({})
export class AppConfigModule {
  static forRoot(): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: (env) => ({ [SETTINGS_KEY]: loadSettings(env) }),
        }),
      ],
      providers: [
        {
          provide: AppConfig,
          inject: [ConfigService],
          useFactory: (config: ConfigService) => new AppConfig(config.getOrThrow<AppSettings>(SETTINGS_KEY)),
        },
      ],
      exports: [AppConfig],
    };
  }
}
