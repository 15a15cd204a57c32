import { EntityId } from '@guichet/shared/kernel';

/** Identifies an account; other contexts keep this id (as a string) to refer to a person. */
export class AccountId extends EntityId<'AccountId'> {}
