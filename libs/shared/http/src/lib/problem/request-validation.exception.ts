import { BadRequestException } from '@nestjs/common';
import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { FieldViolation } from '../i18n/validation-messages';

/**
 * A request DTO failed validation. Carries the violations untranslated: the exception filter knows the
 * request's language and writes the messages.
 */
export class RequestValidationException extends BadRequestException {
  constructor(readonly violations: readonly FieldViolation[]) {
    super('Request validation failed');
  }
}

/** The constraint's arguments (e.g. `[80]` for `@MaxLength(80)`), read back from class-validator's metadata. */
function constraintArgs(error: ValidationError, constraint: string): readonly unknown[] {
  const target = error.target;
  if (!target || typeof target !== 'object') return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === constraint);
  return metadata?.constraints ?? [];
}

/** Flattens class-validator's error tree into one violation per broken constraint, with dotted field paths. */
export function toFieldViolations(errors: readonly ValidationError[], parentPath = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({
      field,
      constraint,
      args: constraintArgs(error, constraint),
    }));
    return [...own, ...toFieldViolations(error.children ?? [], field)];
  });
}

/** `ValidationPipe` `exceptionFactory`: keeps the violations structured for the problem+json filter. */
export function requestValidationExceptionFactory(errors: ValidationError[]): RequestValidationException {
  return new RequestValidationException(toFieldViolations(errors));
}
