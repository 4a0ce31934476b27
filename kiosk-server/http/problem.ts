/**
 * RFC 9457 problem details. Every error the API returns goes through here, so clients always get
 * `application/problem+json` with a type, title, status, detail and, for bad input, the field
 * paths that were wrong.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export interface FieldError {
  /** Where the bad value is, e.g. `query.lang` or `body.party.size`. */
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

const TYPE_BASE = '/problems/';

export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail ?? problem.title);
  }
}

export function problem(status: number, slug: string, title: string, detail?: string, extra: Partial<Problem> = {}): ProblemError {
  return new ProblemError({ type: `${TYPE_BASE}${slug}`, title, status, ...(detail ? { detail } : {}), ...extra });
}

export const notFound = (what: string, id: string) => problem(404, 'not-found', 'Not found', `No ${what} with id "${id}".`);

export function validationProblem(where: string, issues: z.core.$ZodIssue[]): ProblemError {
  const errors = issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  return problem(400, 'validation', 'Invalid request', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

export function problemResponse(c: Context, p: Problem, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify(p), p.status as ContentfulStatusCode, { 'Content-Type': 'application/problem+json', ...headers });
}

/** app.onError handler: known problems as they are, HTTP exceptions mapped, anything else a 500. */
export function handleError(err: Error, c: Context, log?: (err: Error) => void) {
  if (err instanceof ProblemError) return problemResponse(c, err.problem, err.headers);
  if (err instanceof HTTPException) {
    const status = err.status;
    return problemResponse(c, { type: `${TYPE_BASE}http-${status}`, title: err.message || 'Request failed', status });
  }
  log?.(err);
  return problemResponse(c, { type: `${TYPE_BASE}internal`, title: 'Internal server error', status: 500 });
}
