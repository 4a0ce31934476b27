/** The server's problems with one body field, for showing next to its input. */
import { ApiError } from './api.ts';

/** Messages for `body.<path>` (validation) or `<path>` (rules checked in a service). */
export function fieldProblems(error: unknown, path: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.filter((e) => e.path === `body.${path}` || e.path === path).map((e) => e.message);
}
