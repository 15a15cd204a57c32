export { AppConfig, loadAppConfig } from './lib/app-config';
export { AppConfigModule } from './lib/app-config.module';
export { InvalidConfigurationError, type SettingProblem } from './lib/invalid-configuration.error';
export {
  DEVELOPMENT_SESSION_SECRET,
  LOG_FORMATS,
  LOG_LEVELS,
  NODE_ENVS,
  RUN_MODES,
  SETTINGS,
  loadSettings,
  type AppSettings,
  type Environment,
  type LogFormat,
  type LogLevel,
  type NodeEnv,
  type RunMode,
  type SettingDescription,
  type TrustProxy,
} from './lib/settings';
export { settingsMarkdownTable } from './lib/settings-table';
