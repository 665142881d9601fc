// One error type for the API, mapped to HTTP statuses in one place and rendered as RFC 9457 problem details
// with a stable code, a message in the caller's language (Accept-Language) and per-field errors for forms.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_MESSAGES, type ErrorCode } from '../schema/errors.js';
import { PhaseHandoverError } from '../services/matter-workflows.js';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  DATE_IN_FUTURE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 429,
  RATE_LIMITED: 429,
  WEAK_PASSWORD: 400,
  FORBIDDEN_ROLE: 403,
  FORBIDDEN_UNIT: 403,
  CASE_NOT_FOUND: 404,
  NOT_FOUND: 404,
  STAGE_NOT_ALLOWED: 409,
  REWARD_INSIDER_NOT_HIGHER: 422,
  REWARD_OVER_CAP: 422,
  PHASE_ENDED: 409,
  PAYLOAD_TOO_LARGE: 413,
  EXTENSION_USED: 409,
  PERIOD_EXPIRED: 409,
  ALREADY_EXISTS: 409,
  DOCUMENT_NOT_DUE: 409,
  DOCUMENT_ALREADY_ISSUED: 409,
  DOCUMENT_SERVED_BY_PROCEDURE: 409,
  CASE_FILE_ARCHIVED: 409,
  CASE_NOT_CLOSED: 409,
  DOCUMENT_FONTS_MISSING: 503,
  IDEMPOTENCY_KEY_REUSED: 422,
  LIMITATION_EXPIRED: 409,
  EXEMPTION_UNKNOWN: 422,
  TEAM_TOO_SMALL: 422,
  OFFICER_NOT_CERTIFIED: 422,
  ACTOR_NOT_IN_TEAM: 403,
  REVIEWER_INVESTIGATED: 409,
  APPROVAL_NOT_PENDING: 409,
  MEASURE_NOT_ACTIVE: 409,
  CASE_EXTENSION_USED: 409,
  COLLECTIVE_TOO_EARLY: 409,
  CASE_SUSPENDED: 409,
  CASE_NOT_SUSPENDED: 409,
  SIMPLIFIED_OVER_LIMIT: 422,
  PENALTY_BARRED_BY_TRANSFER: 409,
  TRANSFER_STEP_NOT_ALLOWED: 409,
  NOT_FOUND_IN_CASE: 404,
  OPEN_STEPS: 409,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  COMPLAINT_NOT_FOUND: 404,
  COMMAND_NOT_AUTHENTICATED: 503,
  LISTING_NOT_FOUND: 404,
  LISTING_APPROVAL_ELSEWHERE: 403,
  LISTING_REMOVAL_TOO_EARLY: 409,
  LISTING_REMOVAL_PENDING: 409,
  LISTING_NO_REMOVAL_PENDING: 409,
  LISTING_CASE_INVALID: 422,
  MEDIATION_CONSENT_REQUIRED: 409,
  MEDIATION_ALREADY_PAUSED: 409,
  MEDIATION_NOT_PAUSED: 409,
  TRANSFER_TARGET_INVALID: 400,
  REVIEW_DONE: 409,
  LEGAL_QUALIFICATION_MISSING: 403,
  LEGAL_REVIEW_MISSING: 409,
  COLLECTIVE_DISCUSSION_REQUIRED: 422,
  PENALTY_EXCEEDS_NOTICE: 422,
  NOTICE_REQUIRED: 409,
  NO_HEARING_RIGHT: 409,
  DEFENCE_PERIOD_OVER: 409,
  HEARING_NOTICE_TOO_LATE: 422,
  ESERVICE_NO_CONSENT: 422,
  LIST_FULL: 422,
  CASE_TOO_LARGE: 422,
  PAYMENT_NOT_OWED: 409,
  ARRANGEMENT_INVALID: 422,
  ENFORCEMENT_NOT_YET: 409,
  ENFORCEMENT_TOO_EARLY: 409,
  ENFORCEMENT_TOO_LATE: 409,
  REMEDY_NOT_PENDING: 409,
  PUBLICITY_NOT_DUE: 409,
  REPAIR_EXCLUDED: 409,
  REPAIR_TOO_EARLY: 409,
  REPAIR_NOT_CARRIED_OUT: 409,
  REPAIR_CONDITIONS_UNMET: 409,
  REPAIR_NOT_NEEDED: 409,
  CLOSURE_CONDITIONS_OPEN: 409,
  REWARD_NOT_APPLICABLE: 409,
};

export { AppError };

export type Lang = 'zh' | 'en';
export function langOf(req: FastifyRequest): Lang {
  const al = String(req.headers['accept-language'] ?? '').toLowerCase();
  return al.startsWith('en') ? 'en' : 'zh';
}

export function problem(err: AppError, lang: Lang, instance?: string) {
  return {
    type: `urn:tiean:problem:${err.code}`,
    title: ERROR_MESSAGES[err.code][lang],
    status: HTTP_STATUS[err.code],
    code: err.code,
    ...(err.detail ? { detail: err.detail } : {}),
    ...(instance ? { instance } : {}),
    errors: err.fields,
  };
}

/** A failed workflow Update carries the validator's code; an unknown or completed workflow is told apart by the caller. */
export function fromTemporal(err: unknown): AppError | undefined {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const code = err.cause.type as ErrorCode;
    if (code in ERROR_MESSAGES) return new AppError(code, [], err.cause.message);
  }
  if (err instanceof WorkflowNotFoundError) return new AppError('STAGE_NOT_ALLOWED', [], 'case is closed');
  // Between two phases under load: not applied; the client sends it again with the same Idempotency-Key.
  if (err instanceof PhaseHandoverError) return new AppError('SERVICE_UNAVAILABLE', [], err.message);
  if (isUnavailable(err)) return new AppError('SERVICE_UNAVAILABLE');
  return undefined;
}

/** gRPC UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED: Temporal cannot take the request now. */
const RETRYABLE_GRPC = new Set([14, 4, 8]);

/** Temporal or PostgreSQL cannot be reached: the client should retry (with the same Idempotency-Key). */
function isUnavailable(err: unknown, depth = 0): boolean {
  const e = err as { code?: unknown; name?: string; cause?: unknown } | null | undefined;
  if (!e || depth > 5) return false;
  if (typeof e.code === 'number' && RETRYABLE_GRPC.has(e.code)) return true;
  if (e.code === 'ECONNREFUSED' || e.code === 'P1001' || e.name === 'PrismaClientInitializationError')
    return true;
  return isUnavailable(e.cause, depth + 1);
}

const toPath = (p: string) => p.replace(/^\//, '').replaceAll('/', '.');

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError | Error, req, reply) => {
    let e: AppError;
    if (error instanceof AppError) e = error;
    else if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as FastifyError).validationContext ?? 'body';
      e = new AppError(
        'VALIDATION_FAILED',
        error.validation.map((v) => ({
          path: [where, toPath(v.instancePath)].filter(Boolean).join('.'),
          message: v.message ?? 'invalid',
        })),
      );
    } else if ((error as FastifyError).statusCode === 400 || (error as FastifyError).statusCode === 415) {
      e = new AppError('VALIDATION_FAILED', [{ path: 'body', message: error.message }]);
    } else if ((error as FastifyError).statusCode === 413) {
      e = new AppError('PAYLOAD_TOO_LARGE');
    } else if ((error as FastifyError).statusCode === 404) {
      e = new AppError('NOT_FOUND');
    } else {
      e = fromTemporal(error) ?? new AppError('INTERNAL');
      if (e.code === 'INTERNAL') req.log.error({ err: error }, 'unhandled error');
    }
    (req as { problemCode?: string }).problemCode = e.code;
    void reply
      .status(HTTP_STATUS[e.code])
      .type('application/problem+json')
      .send(problem(e, langOf(req), req.url));
  });
  app.setNotFoundHandler((req, reply) => {
    (req as { problemCode?: string }).problemCode = 'NOT_FOUND';
    void reply
      .status(404)
      .type('application/problem+json')
      .send(problem(new AppError('NOT_FOUND'), langOf(req), req.url));
  });
}
