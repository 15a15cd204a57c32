import { HttpErrorResponse } from '@angular/common/http';

/**
 * What the pages need of an API refusal (RFC 9457 problem details): validation errors come as
 * `errors: [{field, message}]` (dotted paths such as `activities.0.label.fr`), a domain refusal about
 * one field as `details.field` with the message in `detail`; both end up in `errors`. The same reading as
 * libs/portal/accounts/data-access's `toApiProblem`, which this context may not import.
 */
export interface ApiFieldError {
  readonly field: string;
  readonly message: string;
}

export interface ApiProblem {
  readonly status: number;
  /** `CARD_REQUESTS.NOT_DRAFT`, …; `HTTP.<status>` when the body says nothing. */
  readonly code: string;
  /** Already in the request's language; null when the server sent none (network failure). */
  readonly detail: string | null;
  readonly errors: readonly ApiFieldError[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads any error thrown by HttpClient into an {@link ApiProblem}. */
export function toApiProblem(error: unknown): ApiProblem {
  if (error instanceof HttpErrorResponse && isRecord(error.error)) {
    const body = error.error;
    const detail = typeof body['detail'] === 'string' ? body['detail'] : null;
    const listed = Array.isArray(body['errors'])
      ? body['errors'].flatMap((item: unknown) =>
          isRecord(item) && typeof item['field'] === 'string' && typeof item['message'] === 'string'
            ? [{ field: item['field'], message: item['message'] }]
            : [],
        )
      : [];
    // A domain refusal about one field (`CARD_REQUESTS.INVALID_FIELD`…) names it in `details.field`.
    const details = body['details'];
    const domainField = isRecord(details) && typeof details['field'] === 'string' && detail !== null ? details['field'] : null;
    const errors = listed.length === 0 && domainField !== null && detail !== null ? [{ field: domainField, message: detail }] : listed;
    return {
      status: error.status,
      code: typeof body['code'] === 'string' ? body['code'] : `HTTP.${error.status}`,
      detail,
      errors,
    };
  }
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  return { status, code: `HTTP.${status}`, detail: null, errors: [] };
}
