import type { Username } from './username.value-object';

/**
 * Port: tells whether a username is free. The infrastructure answers from the accounts table
 * (a unique index on the username is the last line of defence against two imports racing).
 */
export abstract class UsernameAvailability {
  /** True when no account, active or not, holds `username`. Usernames are never recycled. */
  abstract isAvailable(username: Username): Promise<boolean>;
}
