export interface SettingProblem {
  /** Environment variable name, e.g. `DATABASE_URL`. */
  readonly setting: string;
  readonly problem: string;
}

/** Stops the start: the message names every faulty setting, never a secret's value. */
export class InvalidConfigurationError extends Error {
  override readonly name = 'InvalidConfigurationError';

  constructor(
    readonly problems: readonly SettingProblem[],
    readonly nodeEnv: string,
  ) {
    super(
      [
        `Invalid configuration (NODE_ENV=${nodeEnv}); the application does not start:`,
        ...problems.map((p) => `  - ${p.setting} ${p.problem}`),
      ].join('\n'),
    );
  }

  /** Names of the faulty settings. */
  get settings(): string[] {
    return this.problems.map((p) => p.setting);
  }
}
