import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Radio, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  equipmentStates,
  handoverHasText,
  handoverShifts,
  handoverTextLimits,
  handoverTicketLimit,
  type HandoverView,
  type LinkedTicket,
} from '../../../common/ipc/handovers';
import type { ErrorCode, IpcFailure } from '../../../common/ipc/result';
import { FailureAlert } from '../../components/FailureAlert';
import { useSubmission } from '../../forms/useSubmission';
import { errorMessage, useT, type Translate } from '../../i18n/translate';
import { checkHandoverForm, handoverFormFields, ticketNumberOf, type HandoverFormField, type HandoverFormProblem } from './handoverForm';
import { LinkedTicketTag } from './LinkedTicketTag';
import { useHandoversStore } from './useHandoversStore';

type WriteFormValues = {
  shiftDate: Dayjs | null;
  shift: string | undefined;
  equipmentState: string;
  equipmentNote: string;
  openIssues: string;
  staffingChanges: string;
  notes: string;
};

const dateFormat = 'YYYY-MM-DD';

function describeProblem(problem: Exclude<HandoverFormProblem, { field: 'form' }>, translate: Translate): string {
  switch (problem.kind) {
    case 'required':
      return translate(problem.field === 'shiftDate' ? 'handovers.problem.shiftDate' : 'handovers.problem.shift');
    case 'date':
      return translate('handovers.problem.date');
    case 'equipmentNote':
      return translate('handovers.problem.equipmentNote');
    case 'tooLong':
      return translate('handovers.problem.tooLong', { max: problem.max });
    case 'invalid':
      return translate('validation.serverIssue');
  }
}

/** The form's date as `YYYY-MM-DD`, or null. */
function dateOf(value: Dayjs | null | undefined): string | null {
  return value === null || value === undefined || !value.isValid() ? null : value.format(dateFormat);
}

/**
 * The outgoing lead writes an entry of the team's log: the shift, the equipment, difficult open
 * issues with the tickets they concern (each checked with main as it is added: it must exist and
 * be the team's), staffing changes and notes. `correcting` writes a correction of that entry
 * (entries are never edited). Checked here with the schema main uses; main checks again.
 */
export function HandoverWriteModal({ today, correcting, onClose }: { today: string; correcting: HandoverView | null; onClose: () => void }) {
  const translate = useT();
  const { message } = App.useApp();
  const write = useHandoversStore((state) => state.write);
  const lookupTicket = useHandoversStore((state) => state.lookupTicket);
  const [form] = Form.useForm<WriteFormValues>();
  const { submitting, submit } = useSubmission();
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);
  const [empty, setEmpty] = useState(false);
  const [tickets, setTickets] = useState<LinkedTicket[]>(() => (correcting === null ? [] : [...correcting.tickets]));
  const [typedTicket, setTypedTicket] = useState('');
  const [ticketProblem, setTicketProblem] = useState<string | null>(null);
  const [checkingTicket, setCheckingTicket] = useState(false);
  const todayValue = today === '' ? dayjs().startOf('day') : dayjs(today);

  function showProblems(problems: readonly HandoverFormProblem[]): void {
    setEmpty(problems.some((problem) => problem.field === 'form'));
    form.setFields(
      handoverFormFields.map((name: HandoverFormField) => ({
        name,
        errors: [
          ...new Set(
            problems.flatMap((problem) => (problem.field !== 'form' && problem.field === name ? [describeProblem(problem, translate)] : [])),
          ),
        ],
      })),
    );
  }

  async function addTicket(): Promise<void> {
    const number = ticketNumberOf(typedTicket);
    if (number === null) {
      setTicketProblem(translate('handovers.problem.ticketNumber'));
      return;
    }
    if (tickets.some((ticket) => ticket.number === number)) {
      setTypedTicket('');
      setTicketProblem(null);
      return;
    }
    if (tickets.length >= handoverTicketLimit) {
      setTicketProblem(translate('handovers.problem.tooManyTickets', { max: handoverTicketLimit }));
      return;
    }
    setCheckingTicket(true);
    const result = await lookupTicket(number);
    setCheckingTicket(false);
    if (!result.ok) {
      setTicketProblem(translate('handovers.problem.ticket', { number, reason: errorMessage(result.code) }));
      return;
    }
    setTickets((current) => (current.some((ticket) => ticket.number === number) ? current : [...current, result.value.ticket]));
    setTypedTicket('');
    setTicketProblem(null);
  }

  function showFailure(failure: IpcFailure): void {
    if (failure.code === 'HANDOVER_SHIFT_IN_FUTURE') {
      form.setFields([{ name: 'shiftDate', errors: [errorMessage(failure.code)] }]);
      return;
    }
    if (failure.code === 'HANDOVER_TICKET_NOT_FOUND' || failure.code === 'HANDOVER_TICKET_OTHER_TEAM') {
      // Linked before and changed since (moved to another team): main's message names the ticket.
      const number = /GD\d{8}-\d{4,5}/.exec(failure.message)?.[0] ?? '';
      setTicketProblem(translate('handovers.problem.ticket', { number, reason: errorMessage(failure.code) }));
      return;
    }
    setFailureCode(failure.code);
  }

  async function handleFinish(values: WriteFormValues): Promise<void> {
    await submit(async () => {
      setFailureCode(null);
      const checked = checkHandoverForm(
        { ...values, shiftDate: dateOf(values.shiftDate) },
        tickets.map((ticket) => ticket.number),
        correcting?.id ?? null,
      );
      if (!checked.ok) {
        showProblems(checked.problems);
        return;
      }
      showProblems([]);
      const result = await write(checked.request);
      if (!result.ok) {
        showFailure(result);
        return;
      }
      void message.success(translate('handovers.write.done'));
      onClose();
    });
  }

  const initialValues: WriteFormValues = {
    shiftDate: correcting === null ? todayValue : dayjs(correcting.shiftDate),
    shift: correcting?.shift,
    equipmentState: correcting?.equipmentState ?? 'normal',
    equipmentNote: '',
    openIssues: '',
    staffingChanges: '',
    notes: '',
  };

  return (
    <Modal
      open
      width={760}
      title={correcting === null ? translate('handovers.write.title') : translate('handovers.write.correctionTitle', { id: correcting.id })}
      onCancel={onClose}
      footer={null}
      mask={{ closable: false }}
    >
      <div data-testid="handover-write">
        <FailureAlert code={failureCode} testId="handover-write-error" />
        {empty ? <Alert className="form-alert" type="error" showIcon title={translate('handovers.problem.empty')} data-testid="handover-write-empty" /> : null}
        <Typography.Paragraph type="secondary">
          {translate(correcting === null ? 'handovers.write.hint' : 'handovers.write.correctionHint')}
        </Typography.Paragraph>
        <Form<WriteFormValues>
          form={form}
          name="handoverWrite"
          layout="vertical"
          requiredMark="optional"
          initialValues={initialValues}
          onValuesChange={(changed, values) => {
            // A problem shown on a field goes once the field is changed; the save checks again.
            const cleared = Object.keys(changed) as (keyof WriteFormValues)[];
            if ('equipmentState' in changed) cleared.push('equipmentNote');
            form.setFields(cleared.map((name) => ({ name, errors: [] })));
            if (empty && handoverHasText(values)) setEmpty(false);
          }}
          onFinish={(values) => void handleFinish(values)}
        >
          <div className="form-row">
            <Form.Item name="shiftDate" label={translate('handovers.field.shiftDate')} required>
              <DatePicker
                format={dateFormat}
                style={{ width: '100%' }}
                allowClear={false}
                disabledDate={(date) => date.isAfter(todayValue, 'day')}
                data-testid="handover-field-shift-date"
              />
            </Form.Item>
            <Form.Item name="shift" label={translate('handovers.field.shift')} required>
              <Radio.Group
                optionType="button"
                options={handoverShifts.map((shift) => ({ value: shift, label: translate(`handovers.shift.${shift}`) }))}
                data-testid="handover-field-shift"
              />
            </Form.Item>
          </div>
          <Form.Item name="equipmentState" label={translate('handovers.field.equipment')} required>
            <Radio.Group
              optionType="button"
              options={equipmentStates.map((state) => ({ value: state, label: translate(`handovers.equipment.${state}`) }))}
              data-testid="handover-field-equipment-state"
            />
          </Form.Item>
          <Form.Item name="equipmentNote" label={translate('handovers.field.equipmentNote')} extra={translate('handovers.field.equipmentNoteHint')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={handoverTextLimits.equipmentNote} showCount data-testid="handover-field-equipment-note" />
          </Form.Item>
          <Form.Item name="openIssues" label={translate('handovers.field.openIssues')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={handoverTextLimits.openIssues} showCount data-testid="handover-field-open-issues" />
          </Form.Item>
          <Form.Item
            label={translate('handovers.field.tickets')}
            extra={translate('handovers.field.ticketsHint', { max: handoverTicketLimit })}
            validateStatus={ticketProblem === null ? undefined : 'error'}
            help={ticketProblem ?? undefined}
          >
            <Flex vertical gap={8}>
              <Flex gap={8}>
                <Input
                  value={typedTicket}
                  onChange={(event) => {
                    setTypedTicket(event.target.value);
                    setTicketProblem(null);
                  }}
                  onPressEnter={(event) => {
                    event.preventDefault();
                    void addTicket();
                  }}
                  placeholder="GD20261122-0001"
                  autoComplete="off"
                  maxLength={20}
                  aria-label={translate('handovers.field.ticketNumber')}
                  style={{ maxWidth: 260 }}
                  data-testid="handover-ticket-input"
                />
                <Button onClick={() => void addTicket()} loading={checkingTicket} data-testid="handover-ticket-add">
                  {translate('handovers.field.addTicket')}
                </Button>
              </Flex>
              {tickets.length === 0 ? null : (
                <Flex wrap gap={8} data-testid="handover-write-tickets">
                  {tickets.map((ticket) => (
                    <LinkedTicketTag
                      key={ticket.number}
                      ticket={ticket}
                      onRemove={() => setTickets((current) => current.filter((candidate) => candidate.number !== ticket.number))}
                    />
                  ))}
                </Flex>
              )}
            </Flex>
          </Form.Item>
          <Form.Item name="staffingChanges" label={translate('handovers.field.staffingChanges')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={handoverTextLimits.staffingChanges} showCount data-testid="handover-field-staffing-changes" />
          </Form.Item>
          <Form.Item name="notes" label={translate('handovers.field.notes')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} maxLength={handoverTextLimits.notes} showCount data-testid="handover-field-notes" />
          </Form.Item>
          {correcting === null ? null : (
            <Tag color="purple" data-testid="handover-write-corrects">
              {translate('handovers.corrects', { id: correcting.id })}
            </Tag>
          )}
          <div className="modal-actions">
            <Button onClick={onClose} data-testid="handover-write-cancel">
              {translate('common.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="handover-write-submit">
              {translate('handovers.write.submit')}
            </Button>
          </div>
        </Form>
      </div>
    </Modal>
  );
}
