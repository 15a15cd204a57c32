import { UsernameAvailability, type Username } from '@guichet/accounts/domain';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { Injectable } from '@nestjs/common';

/** Asks `accounts.accounts`; its unique index on `username` settles two imports racing for the same name. */
@Injectable()
export class SqlUsernameAvailability extends UsernameAvailability {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async isAvailable(username: Username): Promise<boolean> {
    const rows: unknown[] = await this.unitOfWork.manager.query(`SELECT 1 FROM accounts.accounts WHERE username = $1`, [username.value]);
    return rows.length === 0;
  }
}
