import { describe, expect, it } from 'vitest';
import { defaultScripts } from '../call-scripts/default-scripts';
import { computeCallChecks, type CallCheckFacts } from './call-checks';

const answeredAt = '2026-11-22T02:00:00.000Z';
const after = (seconds: number) => new Date(Date.parse(answeredAt) + seconds * 1000).toISOString();
const scriptOf = (id: string) => {
  const script = defaultScripts.find((candidate) => candidate.id === id)!;
  return { kind: script.kind, steps: script.steps };
};

/** A phone call done by the book: every step in time, a known customer, no phrases, 150 s, a complaint with its ticket. */
const byTheBook: CallCheckFacts = {
  direction: 'inbound',
  answeredAt,
  durationSeconds: 150,
  intent: 'complaint',
  script: scriptOf('phone'),
  stepsDone: [
    { stepId: 'greeting', doneAt: after(5) },
    { stepId: 'identify', doneAt: after(20) },
    { stepId: 'confirm-identity', doneAt: after(40) },
    { stepId: 'closing', doneAt: after(148) },
  ],
  phraseHits: [{ source: 'customer', severity: 'warn', count: 2 }],
  customer: 'withSurname',
  tickets: 1,
};

describe('automatic call checks', () => {
  it('passes a phone call done by the book, with the figures behind each check', () => {
    expect(computeCallChecks(byTheBook)).toEqual({
      greeting: { status: 'pass', reason: null, stepId: 'greeting', seconds: 5, limitSeconds: 30 },
      surname: { status: 'pass', reason: null, stepId: 'identify', customerIdentified: true, stepDone: true },
      identity: { status: 'pass', reason: null, stepId: 'confirm-identity', seconds: 40 },
      // The customer's own words never count against the agent.
      bannedPhrases: { status: 'pass', reason: null, spoken: { warn: 0, block: 0 }, typed: { warn: 0, block: 0 }, customer: 2 },
      closing: { status: 'pass', reason: null, stepId: 'closing', seconds: 148 },
      handleTime: { status: 'pass', reason: null, seconds: 150, targetSeconds: 180 },
      ticket: { status: 'pass', reason: null, intent: 'complaint', tickets: 1 },
    });
  });

  it('fails a greeting after 30 s, and one never ticked; 30 s exactly still passes', () => {
    const greetingAt = (seconds: number) =>
      computeCallChecks({ ...byTheBook, stepsDone: [{ stepId: 'greeting', doneAt: after(seconds) }] }).greeting;
    expect(greetingAt(30)).toMatchObject({ status: 'pass', seconds: 30 });
    expect(greetingAt(31)).toMatchObject({ status: 'fail', reason: 'late', seconds: 31 });
    // Ticked while it still rang: as at the answer.
    expect(greetingAt(-4)).toMatchObject({ status: 'pass', seconds: 0 });
    expect(computeCallChecks({ ...byTheBook, stepsDone: [] }).greeting).toMatchObject({ status: 'fail', reason: 'notDone', seconds: null });
  });

  it('credits the surname only for an identified caller with a Chinese surname whose title step was ticked', () => {
    expect(computeCallChecks({ ...byTheBook, customer: 'none' }).surname).toEqual({
      status: 'fail',
      reason: 'noCustomer',
      stepId: 'identify',
      customerIdentified: false,
      stepDone: true,
    });
    expect(computeCallChecks({ ...byTheBook, stepsDone: byTheBook.stepsDone.filter((step) => step.stepId !== 'identify') }).surname).toMatchObject({
      status: 'fail',
      reason: 'notDone',
      stepDone: false,
    });
    expect(computeCallChecks({ ...byTheBook, customer: 'withoutSurname' }).surname).toMatchObject({ status: 'notApplicable', reason: 'noSurname' });
    // A call-back asks for the person by title in its opening.
    expect(computeCallChecks({ ...byTheBook, direction: 'outbound', script: scriptOf('callback'), stepsDone: [{ stepId: 'opening', doneAt: after(3) }] }).surname).toMatchObject({
      status: 'pass',
      stepId: 'opening',
    });
  });

  it('counts the agent’s spoken and typed banned phrases by severity, and fails on any', () => {
    const checks = computeCallChecks({
      ...byTheBook,
      phraseHits: [
        { source: 'agent', severity: 'warn', count: 2 },
        { source: 'typed', severity: 'block', count: 1 },
        { source: 'customer', severity: 'block', count: 3 },
      ],
    });
    expect(checks.bannedPhrases).toEqual({ status: 'fail', reason: 'phrasesUsed', spoken: { warn: 2, block: 0 }, typed: { warn: 0, block: 1 }, customer: 3 });
    expect(computeCallChecks({ ...byTheBook, phraseHits: [{ source: 'customer', severity: 'block', count: 5 }] }).bannedPhrases.status).toBe('pass');
  });

  it('judges handle time for phone calls only, against 180 s', () => {
    expect(computeCallChecks({ ...byTheBook, durationSeconds: 180 }).handleTime.status).toBe('pass');
    expect(computeCallChecks({ ...byTheBook, durationSeconds: 181 }).handleTime).toEqual({ status: 'fail', reason: 'overTarget', seconds: 181, targetSeconds: 180 });
    expect(computeCallChecks({ ...byTheBook, direction: 'walk_in', script: scriptOf('counter'), durationSeconds: 900 }).handleTime).toMatchObject({
      status: 'notApplicable',
      reason: 'notPhone',
      seconds: 900,
    });
  });

  it('asks for a ticket when the intent needs one', () => {
    expect(computeCallChecks({ ...byTheBook, tickets: 0 }).ticket).toEqual({ status: 'fail', reason: 'noTicket', intent: 'complaint', tickets: 0 });
    expect(computeCallChecks({ ...byTheBook, intent: 'business', tickets: 0 }).ticket.status).toBe('fail');
    expect(computeCallChecks({ ...byTheBook, intent: 'consultation', tickets: 0 }).ticket).toMatchObject({ status: 'notApplicable', reason: 'noTicketNeeded' });
    expect(computeCallChecks({ ...byTheBook, intent: null, tickets: 0 }).ticket).toMatchObject({ status: 'notApplicable', reason: 'notClassified' });
  });

  it('uses each kind of script’s own steps: the counter confirms identity with the document, a call-back has no identity step', () => {
    const counter = computeCallChecks({
      ...byTheBook,
      direction: 'walk_in',
      script: scriptOf('counter'),
      stepsDone: [{ stepId: 'identify', doneAt: after(50) }],
    });
    expect(counter.identity).toEqual({ status: 'pass', reason: null, stepId: 'identify', seconds: 50 });
    expect(counter.closing).toMatchObject({ status: 'fail', reason: 'notDone', stepId: 'closing' });
    const callback = computeCallChecks({ ...byTheBook, direction: 'outbound', script: scriptOf('callback'), stepsDone: [{ stepId: 'opening', doneAt: after(50) }] });
    expect(callback.identity).toMatchObject({ status: 'notApplicable', reason: 'noStep' });
    expect(callback.greeting).toMatchObject({ status: 'fail', reason: 'late', stepId: 'opening', seconds: 50 });
    // An edited script without a closing step: the check does not apply.
    const edited = { kind: 'phone' as const, steps: scriptOf('phone').steps.filter((step) => step.id !== 'closing') };
    expect(computeCallChecks({ ...byTheBook, script: edited }).closing).toMatchObject({ status: 'notApplicable', reason: 'noStep' });
  });

  it('applies nothing to a call that was never answered', () => {
    const checks = computeCallChecks({ ...byTheBook, answeredAt: null, durationSeconds: 0, stepsDone: [] });
    expect(Object.values(checks).map((check) => [check.status, check.reason])).toEqual(Array.from({ length: 7 }, () => ['notApplicable', 'notAnswered']));
  });
});
