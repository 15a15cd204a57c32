import { Query } from '@nestjs/cqrs';
import type { Profile } from './read-models';

/** The signed-in person's « Profil ». Throws `AccountNotFound`. */
export class GetProfile extends Query<Profile> {
  constructor(readonly accountId: string) {
    super();
  }
}
