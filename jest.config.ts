import { getJestProjectsAsync } from '@nx/jest';
import type { Config } from 'jest';

/** Unit tests of every project (`*.spec.ts`); integration specs have their own config (jest.int.config.ts). */
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
});
