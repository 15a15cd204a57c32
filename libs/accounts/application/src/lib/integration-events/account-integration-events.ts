import {
  AccountActivatedV1,
  AccountDeactivatedV1,
  AccountReactivatedV1,
  AccountRegisteredV1,
  EmailChangedV1,
  EmailChangeRequestedV1,
  NameChangedV1,
  PasswordChangedV1,
  PasswordResetRequestedV1,
  RoleGrantedV1,
  RoleWithdrawnV1,
  TrainerCertifiedV1,
} from '@guichet/accounts/contracts';
import {
  AccountDeactivated,
  AccountReactivated,
  AccountRegistered,
  EmailChanged,
  EmailChangeRequested,
  EmailConfirmed,
  NameChanged,
  PasswordChanged,
  PasswordResetRequested,
  RoleGranted,
  RoleWithdrawn,
  TrainerCertificationRecorded,
} from '@guichet/accounts/domain';
import type { DomainEvent, IntegrationEventEnvelope } from '@guichet/shared/kernel';

/**
 * What the account repository puts in the outbox for each domain event it saves (its
 * `toIntegrationEvents`). Events that concern no other context (`SetPasswordLinkIssued`) map to none.
 */
export function accountIntegrationEvents(event: DomainEvent): IntegrationEventEnvelope[] {
  const options = { occurredAt: event.occurredAt };
  const accountId = event.aggregateId;
  if (event instanceof AccountRegistered) {
    return [AccountRegisteredV1.create({ accountId, origin: event.origin, roles: [...event.roles] }, options)];
  }
  if (event instanceof EmailConfirmed) return [AccountActivatedV1.create({ accountId }, options)];
  if (event instanceof PasswordResetRequested) {
    return [PasswordResetRequestedV1.create({ accountId, requestedBy: event.by }, options)];
  }
  if (event instanceof PasswordChanged) return [PasswordChangedV1.create({ accountId, how: event.how }, options)];
  if (event instanceof EmailChangeRequested) return [EmailChangeRequestedV1.create({ accountId }, options)];
  if (event instanceof EmailChanged) {
    return [EmailChangedV1.create({ accountId, email: event.newEmail, source: event.source }, options)];
  }
  if (event instanceof NameChanged) {
    return [NameChangedV1.create({ accountId, firstName: event.firstName, lastName: event.lastName }, options)];
  }
  if (event instanceof RoleGranted) return [RoleGrantedV1.create({ accountId, role: event.role, grantedBy: event.by }, options)];
  if (event instanceof RoleWithdrawn) {
    return [RoleWithdrawnV1.create({ accountId, role: event.role, withdrawnBy: event.by }, options)];
  }
  if (event instanceof AccountDeactivated) {
    return [AccountDeactivatedV1.create({ accountId, deactivatedBy: event.by }, options)];
  }
  if (event instanceof AccountReactivated) {
    return [AccountReactivatedV1.create({ accountId, reactivatedBy: event.by }, options)];
  }
  if (event instanceof TrainerCertificationRecorded) {
    return [
      TrainerCertifiedV1.create(
        {
          accountId,
          cardNumber: event.cardNumber,
          firstName: event.firstName,
          lastName: event.lastName,
          certificationExpiresOn: event.certificationExpiresOn,
        },
        options,
      ),
    ];
  }
  return [];
}
