import type { ApiProblem } from '@guichet/portal/card-requests/data-access';
import type { KitKey } from '@guichet/shared/ui';
import type { CardRequestsKey } from '../card-requests.translations';

/** What to say about a refusal: the API's own words (already in the screen's language), else ours. */
export function problemText(problem: ApiProblem, t: (key: CardRequestsKey | KitKey) => string): string {
  if (problem.detail) return problem.detail;
  if (problem.status === 401) return t('cards.errors.session');
  return t('cards.errors.generic');
}
