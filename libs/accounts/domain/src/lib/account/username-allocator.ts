import { UsernameTaken } from './accounts.errors';
import type { UsernameAvailability } from './username-availability';
import type { Username } from './username.value-object';

/** How many candidates are tried: `ethc003`, `ethc003-2`, … `ethc003-99`. */
export const MAX_USERNAME_CANDIDATES = 99;

/**
 * Resolves username collisions: the base candidate when free, otherwise the first free of
 * `base-2`, `base-3`, … The hyphen keeps the printed prefix intact (`ethc003` is still what the
 * card shows) and cannot be mistaken for a different card series, as a trailing digit would
 * (`ethc0032`). The trainer learns the exact username from the mail that sets the password and
 * from « Abrégé » in « Profil ».
 */
export class UsernameAllocator {
  constructor(private readonly availability: UsernameAvailability) {}

  /** Throws {@link UsernameTaken} when all {@link MAX_USERNAME_CANDIDATES} candidates are taken. */
  async allocate(base: Username): Promise<Username> {
    if (await this.availability.isAvailable(base)) return base;
    for (let n = 2; n <= MAX_USERNAME_CANDIDATES; n++) {
      const candidate = base.withSuffix(n);
      if (await this.availability.isAvailable(candidate)) return candidate;
    }
    throw new UsernameTaken();
  }
}
