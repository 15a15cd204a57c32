export { configureHttpApp, API_PREFIX, CALLBACK_PATH_SEGMENT, type ConfigureHttpAppOptions } from './lib/configure-http-app';
export { HttpFoundationModule, type HttpFoundationOptions } from './lib/http-foundation.module';
export { HealthModule } from './lib/health/health.module';
export { HttpMetrics } from './lib/metrics/http-metrics';
export { negotiateLanguage } from './lib/i18n/accept-language';
export { translateViolation, TRANSLATED_CONSTRAINTS, type FieldViolation } from './lib/i18n/validation-messages';
export { PROBLEM_JSON, problemType, type ProblemDetails, type ProblemFieldError } from './lib/problem/problem-details';
export {
  ProblemDetailsFilter,
  toProblemDetails,
  DOMAIN_ERROR_STATUS,
  type ProblemContext,
  type ProblemLogger,
} from './lib/problem/problem-details.filter';
export {
  RequestValidationException,
  requestValidationExceptionFactory,
  toFieldViolations,
} from './lib/problem/request-validation.exception';
export { REQUEST_ID_HEADER, requestIdMiddleware, resolveRequestId, requestIdOf } from './lib/request-id/request-id.middleware';
export { REDACTED, REDACTED_PATHS, httpLoggerOptions, loggerOptions, maskUrl, requestLine } from './lib/logging/logger.options';
export { pinoHttpWith } from './lib/logging/log-format';
export { maskCardNumbers, maskSensitiveText } from './lib/logging/sensitive-text.mask';
export {
  RequestBodyRefusedException,
  bodyParserErrorBridge,
  isBodyParserError,
  type BodyParserError,
} from './lib/problem/request-body-refused.exception';
export { Public, IS_PUBLIC_KEY } from './lib/public.decorator';
