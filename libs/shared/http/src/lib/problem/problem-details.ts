import type { ErrorDetails } from '@guichet/shared/kernel';

export const PROBLEM_JSON = 'application/problem+json';

/** One invalid field of a request, in the request's language. */
export interface ProblemFieldError {
  /** Dotted path from the body root, e.g. `address.postalCode`. */
  readonly field: string;
  /** class-validator constraint name, e.g. `isString`, `whitelistValidation`. */
  readonly code: string;
  readonly message: string;
}

/**
 * RFC 9457 problem details, as every error of the API is answered (`application/problem+json`), with
 * the platform's extension members.
 */
export interface ProblemDetails {
  /** URI naming the problem type: `urn:guichet:problem:<code>`. */
  readonly type: string;
  /** Short summary of the status, in the request's language. */
  readonly title: string;
  readonly status: number;
  /** What went wrong for this request, in the request's language. */
  readonly detail: string;
  /** The request path (without query string). */
  readonly instance: string;
  /** Stable error code, e.g. `HTTP.VALIDATION_FAILED` or a domain code like `KERNEL.INVALID_EMAIL`. */
  readonly code: string;
  /** Same as the `X-Request-Id` response header; quote it to support. */
  readonly requestId: string;
  /** Present on validation failures. */
  readonly errors?: readonly ProblemFieldError[];
  /** Plain facts given by a domain error (a limit, a field name). */
  readonly details?: ErrorDetails;
}

export function problemType(code: string): string {
  return `urn:guichet:problem:${code.toLowerCase()}`;
}
