import { describe, expect, it } from 'vitest';
import { categoryForIntent, preconditionsByCategory, businessCategories, ticketCategories } from './categories';
import { defaultSlaPolicies, policyFor, slaPolicySchema } from './sla-policy';

describe('SLA policies and categories', () => {
  it('gives every category a valid default policy with the brief’s commitments', () => {
    expect(defaultSlaPolicies.map((policy) => policy.category)).toEqual([...ticketCategories]);
    for (const policy of defaultSlaPolicies) expect(slaPolicySchema.safeParse(policy).success, policy.category).toBe(true);
    expect(policyFor(defaultSlaPolicies, 'complaint')).toMatchObject({ firstResponse: { amount: 48, unit: 'hours' }, reply: { amount: 72, unit: 'hours' } });
    expect(policyFor(defaultSlaPolicies, 'consultation').reply).toEqual({ amount: 2, unit: 'workingDays' });
    expect(policyFor(defaultSlaPolicies, 'repair')).toMatchObject({ firstResponse: { amount: 6, unit: 'hours' }, resolve: { amount: 24, unit: 'hours' } });
    expect(policyFor(defaultSlaPolicies, 'emergency').firstResponse).toEqual({ amount: 15, unit: 'minutes' });
    expect(policyFor(defaultSlaPolicies, 'complaint').callback).toEqual({ amount: 72, unit: 'hours' });
    // A stored policy wins over the default.
    expect(policyFor([{ category: 'complaint', firstResponse: null, reply: null, resolve: null, callback: null }], 'complaint').reply).toBeNull();
  });

  it('guesses the category from the intent and checks identity for every business request', () => {
    expect(categoryForIntent('complaint')).toBe('complaint');
    expect(categoryForIntent(null)).toBe('consultation');
    expect(categoryForIntent('other')).toBe('consultation');
    expect(categoryForIntent('business')).toBe('data_change');
    for (const category of businessCategories) expect(preconditionsByCategory[category], category).toContain('identity_seen');
    expect(preconditionsByCategory.transfer_ownership).toEqual(['identity_seen', 'arrears_cleared', 'company_seal']);
  });
});
