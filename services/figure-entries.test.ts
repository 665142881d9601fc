// What a step adds to the figures (services/figure-entries.ts): the amounts of a decision, an on-the-spot fine in
// fen, only mediations that began, and a publication's period told from the publicity clock of its step.
import { describe, expect, it } from 'vitest';
import type { ClockView } from '../schema/case.js';
import { figureOf } from './figure-entries.js';

// 2026-12-03 23:30 in China: the day recorded is China's, not UTC's.
const at = '2026-12-03T15:30:00.000Z';
const step = (action: string, details: Record<string, unknown>, more: object = {}) => ({
  at,
  action,
  details,
  case: {},
  deadlines: [] as ClockView[],
  ...more,
});
const clock = (name: string, dueOn: string) => ({ name, dueOn }) as ClockView;

describe('figureOf', () => {
  it('a decision: fines, confiscated gains and property summed by kind, on the day recorded', () => {
    const outcome = {
      kind: 'penalty',
      penalties: [
        { kind: 'warning' },
        { kind: 'fine', amountFen: 500_000 },
        { kind: 'confiscate_gains', amountFen: 120_000 },
        { kind: 'confiscate_property', amountFen: 80_000, items: '过期食品' },
      ],
    };
    expect(figureOf(step('decision.made', { outcome }))).toEqual({
      kind: 'decision',
      day: '2026-12-03',
      fineFen: 500_000,
      gainsFen: 120_000,
      propertyFen: 80_000,
      met: false,
    });
    const none = figureOf(step('decision.made', { outcome: { kind: 'no_penalty', ground: 'no_fault' } }));
    expect(none).toMatchObject({ kind: 'decision', fineFen: 0, gainsFen: 0, propertyFen: 0 });
  });

  it('an on-the-spot fine is decided in yuan and counted in fen; a warning counts no amount', () => {
    expect(figureOf(step('simplified.decided', { penalty: { kind: 'fine', amount: 200 } }))).toMatchObject({
      kind: 'on_the_spot',
      fineFen: 20_000,
    });
    expect(figureOf(step('simplified.decided', { penalty: { kind: 'warning' } }))).toMatchObject({
      kind: 'on_the_spot',
      fineFen: 0,
    });
  });

  it('a mediation counts only if it began; it succeeded with an agreement; on the day it ended', () => {
    const began = { case: { details: { mediation: { startedOn: '2026-11-20' } } } };
    expect(
      figureOf(step('mediation.ended', { outcome: 'agreement', endedOn: '2026-12-01' }, began)),
    ).toMatchObject({ kind: 'mediation', day: '2026-12-01', met: true });
    expect(
      figureOf(step('mediation.ended', { outcome: 'no_agreement', endedOn: '2026-12-01' }, began)),
    ).toMatchObject({ met: false });
    const never = { case: { details: { mediation: { startedOn: null } } } };
    expect(
      figureOf(step('mediation.ended', { outcome: 'refused', endedOn: '2026-12-01' }, never)),
    ).toBeNull();
  });

  it('a publication is within its period unless published after the publicity clock’s due day; without it, unknown', () => {
    const published = (publishedOn: string, deadlines: ClockView[]) =>
      figureOf(step('publicity.published', { publishedOn, late: false }, { deadlines }));
    const due = [clock('publicity', '2026-12-10')];
    expect(published('2026-12-10', due)).toMatchObject({ kind: 'publication', day: '2026-12-10', met: true });
    expect(published('2026-12-11', due)).toMatchObject({ met: false });
    expect(published('2026-12-11', [clock('publicity-shown', '2027-03-11')])).toMatchObject({ met: null });
  });

  it('transfers decided and filed by the police count; other steps do not', () => {
    expect(figureOf(step('transfer.approved', {}))).toMatchObject({ kind: 'transfer_decided' });
    expect(figureOf(step('case.transferred_to_police', {}))).toMatchObject({ kind: 'transfer_accepted' });
    expect(figureOf(step('decision.served', {}))).toBeNull();
    expect(figureOf(step('clue.registered', {}))).toBeNull();
  });
});
