import { EntityId } from '@guichet/shared/kernel';

/** Identifies a session (not the secret: the cookie carries a random token whose hash is stored). */
export class SessionId extends EntityId<'SessionId'> {}
