import { Command } from '@nestjs/cqrs';

/** « Nom » and « Prénom » in « Profil ». Throws `InvalidPersonName`, `NameManagedByRegistry` (trainers). */
export class ChangeName extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly firstName: string,
    readonly lastName: string,
  ) {
    super();
  }
}
