import { describe, expect, it } from 'vitest';
import { utcOffsetMinutes } from './audit-trail';

describe('audit time zone', () => {
  it('records the zone’s own offset, not the machine’s', () => {
    expect(utcOffsetMinutes('Asia/Shanghai', new Date('2026-07-01T00:00:00Z'))).toBe(480);
    expect(utcOffsetMinutes('UTC', new Date('2026-07-01T00:00:00Z'))).toBe(0);
    expect(utcOffsetMinutes('America/New_York', new Date('2026-01-15T12:00:00Z'))).toBe(-300);
    expect(utcOffsetMinutes('Asia/Kolkata', new Date('2026-01-15T12:00:00Z'))).toBe(330);
  });
});
