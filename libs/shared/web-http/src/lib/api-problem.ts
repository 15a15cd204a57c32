import { HttpErrorResponse } from '@angular/common/http';

/** One invalid field, already in the language of the request's `Accept-Language`. */
export interface ApiFieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/**
 * What the pages need of an API refusal (RFC 9457 problem details). Validation errors come as
 * `errors: [{field, code, message}]` (dotted paths such as `delivery.postalCode`); a domain refusal
 * about one field names it in `details.field`, its message in `detail`: both end up in `errors`.
 */
export interface ApiProblem {
  readonly status: number;
  readonly code: string;
  /** The translated explanation, or null when the server sent none (network failure). */
  readonly detail: string | null;
  readonly errors: readonly ApiFieldError[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function fieldErrorsOf(body: Record<string, unknown>): ApiFieldError[] {
  const fromList = Array.isArray(body['errors'])
    ? body['errors'].flatMap((item: unknown) =>
        isRecord(item) && typeof item['field'] === 'string' && typeof item['message'] === 'string'
          ? [{ field: item['field'], code: String(item['code'] ?? ''), message: item['message'] }]
          : [],
      )
    : [];
  if (fromList.length > 0) return fromList;
  // A domain error about one field names it in its details (e.g. the password policy).
  const details = body['details'];
  if (isRecord(details) && typeof details['field'] === 'string' && typeof body['detail'] === 'string') {
    return [{ field: details['field'], code: String(body['code'] ?? ''), message: body['detail'] }];
  }
  return [];
}

/** Reads any error thrown by HttpClient into an {@link ApiProblem}. */
export function toApiProblem(error: unknown): ApiProblem {
  if (error instanceof HttpErrorResponse && isRecord(error.error)) {
    const body = error.error;
    return {
      status: error.status,
      code: typeof body['code'] === 'string' ? body['code'] : `HTTP.${error.status}`,
      detail: typeof body['detail'] === 'string' ? body['detail'] : null,
      errors: fieldErrorsOf(body),
    };
  }
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  return { status, code: `HTTP.${status}`, detail: null, errors: [] };
}
