import { describe, expect, it } from 'vitest';
import { checkHandoverForm, ticketNumberOf, type HandoverFormValues } from './handoverForm';

const filled: HandoverFormValues = {
  shiftDate: '2026-11-22',
  shift: 'evening',
  equipmentState: 'normal',
  equipmentNote: '',
  openIssues: '  王先生燃气费争议未结，明早回电  ',
  staffingChanges: undefined,
  notes: undefined,
};

describe('the handover write form', () => {
  it('turns a filled form into the request main takes, text trimmed and tickets as given', () => {
    const checked = checkHandoverForm(filled, ['GD20261122-0003'], 4);
    expect(checked).toEqual({
      ok: true,
      request: {
        shiftDate: '2026-11-22',
        shift: 'evening',
        equipmentState: 'normal',
        equipmentNote: '',
        openIssues: '王先生燃气费争议未结，明早回电',
        ticketNumbers: ['GD20261122-0003'],
        staffingChanges: '',
        notes: '',
        correctsId: 4,
      },
    });
  });

  it('asks for some text when every text field is blank, on the form as a whole', () => {
    const checked = checkHandoverForm({ ...filled, openIssues: '   ' }, ['GD20261122-0003'], null);
    expect(checked).toEqual({ ok: false, problems: [{ field: 'form', kind: 'empty' }] });
  });

  it('asks what is wrong when the equipment has problems but no note', () => {
    const checked = checkHandoverForm({ ...filled, equipmentState: 'problems' }, [], null);
    expect(checked).toEqual({ ok: false, problems: [{ field: 'equipmentNote', kind: 'equipmentNote' }] });
    expect(checkHandoverForm({ ...filled, equipmentState: 'problems', equipmentNote: '3 号席耳机故障，已报修' }, [], null).ok).toBe(true);
  });

  it('says everything that is missing at once, the shift, the text and the equipment note alike', () => {
    const checked = checkHandoverForm(
      { shiftDate: '2026-11-22', shift: undefined, equipmentState: 'problems', equipmentNote: ' ', openIssues: '', staffingChanges: '', notes: '' },
      [],
      null,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      { field: 'shift', kind: 'required' },
      { field: 'form', kind: 'empty' },
      { field: 'equipmentNote', kind: 'equipmentNote' },
    ]);
  });

  it('names a missing date and shift, and a text that is too long, on their fields', () => {
    const checked = checkHandoverForm({ ...filled, shiftDate: null, shift: undefined, notes: '长'.repeat(2001) }, [], null);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual(
      expect.arrayContaining([
        { field: 'shiftDate', kind: 'required' },
        { field: 'shift', kind: 'required' },
        { field: 'notes', kind: 'tooLong', max: 2000 },
      ]),
    );
    expect(checked.problems).toHaveLength(3);
  });

  it('reads typed ticket numbers the way the desk writes them and refuses anything else', () => {
    expect(ticketNumberOf(' gd20261122-0003 ')).toBe('GD20261122-0003');
    expect(ticketNumberOf('GD20261122-10000')).toBe('GD20261122-10000');
    expect(ticketNumberOf('20261122-0003')).toBeNull();
    expect(ticketNumberOf('GD2026112-0003')).toBeNull();
    expect(ticketNumberOf('')).toBeNull();
  });
});
