import type { BillingActor } from '@guichet/billing/contracts';
import { BACK_OFFICE_CHANNEL, type Principal } from '@guichet/shared/auth';

/** The finance role counts only on a back-office session: on the portal, finance staff are payers like anyone. */
export function actorOf(principal: Principal): BillingActor {
  return { accountId: principal.accountId, finance: principal.channel === BACK_OFFICE_CHANNEL && principal.roles.includes('finance') };
}

/** `attachment; filename="F-2026-000123.pdf"`: the file names we build are ASCII only. */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}
