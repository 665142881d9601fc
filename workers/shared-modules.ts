// The modules every workflow shares in the worker. Workflows run in one reusable V8 context per worker thread,
// where each cached workflow gets its own instance of every module of the bundle (their module state must not
// leak between workflows) — unless the module is preloaded: then it is loaded once, frozen, and shared. The
// domain rules and the schemas (with zod, their biggest part) hold no state, so they are preloaded; without it,
// every cached case paid for its own copy of them (several MiB; README, "Sizing"). Only stateless modules may be
// listed: a module here must not keep anything between calls, and its exports must never be changed (they are
// frozen). `test/unit/shared-modules.test.ts` checks that every domain or schema module a workflow imports is
// here, and nothing from workflows/ or Temporal.
import path from 'node:path';
import { projectRoot } from '../platform/config.js';

export const SHARED_WORKFLOW_MODULES = [
  'domain/calendar/calendar.ts',
  'domain/calendar/sources.ts',
  'domain/case/execution.ts',
  'domain/case/guards.ts',
  'domain/case/investigation-state.ts',
  'domain/case/limits.ts',
  'domain/case/proceedings-guards.ts',
  'domain/case/proceedings.ts',
  'domain/case/publicity.ts',
  'domain/case/rewards.ts',
  'domain/clock/clock.ts',
  'domain/complaint/guards.ts',
  'domain/credit/listing.ts',
  'domain/rules/complaint-periods.ts',
  'domain/rules/packs/merge.ts',
  'domain/rules/packs/national.ts',
  'domain/rules/periods.ts',
  'schema/complaint.ts',
  'schema/credit-list.ts',
  'schema/errors.ts',
  'schema/roles.ts',
  'schema/values/dates.ts',
] as const;

/** The bundler's preload list: absolute paths. */
export const preloadModules = SHARED_WORKFLOW_MODULES.map((m) => path.join(projectRoot, m));
