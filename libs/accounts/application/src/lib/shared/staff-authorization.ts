import { hasPermission, type AccountsPermission } from '@guichet/accounts/contracts';
import { AccountId, AccountRepository } from '@guichet/accounts/domain';
import { isDomainError } from '@guichet/shared/kernel';
import { PermissionDenied } from './accounts-application.errors';

/**
 * Checks, in the handler, that the acting staff member may do what the command asks (the HTTP guard
 * checks roles too; this is the second line, and the one integration tests exercise). Roles are read
 * from the actor's account, not trusted from the caller.
 */
export class StaffAuthorization {
  constructor(private readonly accounts: AccountRepository) {}

  /** Returns the actor's id; throws `PermissionDenied`. */
  async require(actorId: string, permission: AccountsPermission): Promise<AccountId> {
    let id: AccountId;
    try {
      id = AccountId.from(actorId);
    } catch (error) {
      if (isDomainError(error)) throw new PermissionDenied(permission);
      throw error;
    }
    const actor = await this.accounts.findById(id);
    if (actor === null || actor.status !== 'active' || !hasPermission(actor.roles, permission)) {
      throw new PermissionDenied(permission);
    }
    return id;
  }
}
