import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../components/saveFile';
import { nearListEnd, toAuditFilter, workstationTime } from './auditReview';

describe('audit review helpers', () => {
  it('turns the form into the filter main takes: trimmed, empty fields left out, end second included', () => {
    expect(toAuditFilter({})).toEqual({});
    expect(toAuditFilter({ agentId: '  ', action: '', objectType: undefined, time: null })).toEqual({});
    const start = dayjs('2026-11-22T10:00:05.250+08:00');
    const end = dayjs('2026-11-22T10:30:00.999+08:00');
    expect(
      toAuditFilter({ agentId: ' 1001 ', action: 'customer.*', objectType: 'customer', objectId: ' 42 ', outcome: 'refused', time: [start, end] }),
    ).toEqual({
      agentId: '1001',
      action: 'customer.*',
      objectType: 'customer',
      objectId: '42',
      outcome: 'refused',
      from: '2026-11-22T02:00:05.000Z',
      to: '2026-11-22T02:30:01.000Z',
    });
    expect(toAuditFilter({ time: [null, end] })).toEqual({ to: '2026-11-22T02:30:01.000Z' });
  });

  it('asks for the next page near the end of the list only', () => {
    expect(nearListEnd({ scrollTop: 0, clientHeight: 480, scrollHeight: 7800 }, 600)).toBe(false);
    expect(nearListEnd({ scrollTop: 6800, clientHeight: 480, scrollHeight: 7800 }, 600)).toBe(true);
    expect(nearListEnd({ scrollTop: 0, clientHeight: 480, scrollHeight: 400 }, 0)).toBe(true);
  });

  it('decodes base64 across its slices, binary bytes and UTF-8 text alike', () => {
    const toBase64 = (bytes: Uint8Array) => {
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    };
    const bytes = new Uint8Array(3 * (1 << 19) + 2).map((_, index) => (index * 31) % 256);
    const decoded = decodeBase64(toBase64(bytes));
    expect(decoded).toHaveLength(bytes.length);
    expect(decoded.every((byte, index) => byte === bytes[index])).toBe(true);
    const text = '\uFEFFseq,details\r\n1,客户要求回拨核实\r\n';
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(decodeBase64(toBase64(new TextEncoder().encode(text))))).toBe(text);
    expect(decodeBase64('')).toHaveLength(0);
  });

  it('shows an entry at the workstation time it was recorded with', () => {
    expect(workstationTime('2026-11-22T02:00:00.000Z', 480)).toBe('2026-11-22 10:00:00 +08:00');
    expect(workstationTime('2026-11-22T02:00:00.000Z', -300)).toBe('2026-11-21 21:00:00 -05:00');
  });
});
