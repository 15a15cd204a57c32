import { Test } from '@nestjs/testing';
import { AppConfig } from './app-config';
import { AppConfigModule } from './app-config.module';
import { InvalidConfigurationError } from './invalid-configuration.error';

describe('AppConfigModule', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('provides the validated, typed AppConfig from the process environment', async () => {
    process.env['PORT'] = '4321';
    delete process.env['REDIS_URL'];
    const moduleRef = await Test.createTestingModule({ imports: [AppConfigModule.forRoot()] }).compile();
    const config = moduleRef.get(AppConfig);
    expect(config.port).toBe(4321);
    expect(config.queueBackend).toBe('postgres');
  });

  it('refuses to build when a setting is invalid', async () => {
    process.env['PORT'] = 'eighty';
    await expect(Test.createTestingModule({ imports: [AppConfigModule.forRoot()] }).compile()).rejects.toThrow(
      InvalidConfigurationError,
    );
  });
});
