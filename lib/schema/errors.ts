import type * as z from 'zod/mini';

/** A record that failed its schema: the message names each failing field. */
export class ValidationError extends Error {
  constructor(
    readonly entity: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`${entity}: ${issues.map((i) => `${i.path || '(record)'}: ${i.message}`).join('; ')}`);
    this.name = 'ValidationError';
  }
  static from(entity: string, error: z.core.$ZodError): ValidationError {
    return new ValidationError(
      entity,
      error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
}
