import type { ApiProblem } from '@guichet/portal/billing/data-access';
import type { KitKey } from '@guichet/shared/ui';
import type { BillingKey } from '../billing.translations';

/** What to say about a refusal: the API's own words (already in the screen's language), else ours. */
export function problemText(problem: ApiProblem, t: (key: BillingKey | KitKey) => string): string {
  if (problem.detail) return problem.detail;
  if (problem.status === 401) return t('billing.errors.session');
  return t('billing.errors.generic');
}
