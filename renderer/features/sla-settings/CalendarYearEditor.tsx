import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CalendarYear } from '../../../common/deadline-calendar/working-calendar';
import type { IpcFailure } from '../../../common/ipc/result';
import { calendarProblemsOfMessage, type CalendarYearView } from '../../../common/ipc/sla-settings';
import { FailureAlert } from '../../components/FailureAlert';
import { useSubmission } from '../../forms/useSubmission';
import { useT } from '../../i18n/translate';
import { describeCalendarProblem, weekdayLabel } from './slaLabels';
import { useSlaSettingsStore } from './useSlaSettingsStore';

type DayValues = { date: Dayjs | null; name: string };
type YearFormValues = { year: number | null; source: string; holidays: DayValues[]; makeUpWorkdays: DayValues[] };
type DayList = 'holidays' | 'makeUpWorkdays';

const dateFormat = 'YYYY-MM-DD';
/** The calendar schema's bounds (`calendarYearSchema`). */
const limits = { name: 20, source: 200, holidays: 60, makeUpWorkdays: 20, firstYear: 2000, lastYear: 2100 } as const;

function daysOf(days: readonly { date: string; name: string }[]): DayValues[] {
  return days.map((day) => ({ date: dayjs(day.date, dateFormat), name: day.name }));
}

/** The form's days as the channel takes them, in date order. */
function storedDays(days: readonly DayValues[] | undefined): CalendarYear['holidays'] {
  return (days ?? [])
    .map((day) => ({ date: day.date?.format(dateFormat) ?? '', name: day.name.trim() }))
    .sort((first, second) => first.date.localeCompare(second.date));
}

/** "周六" beside a chosen date, so a make-up day on a weekday shows before saving. */
function WeekdayOf({ form, list, index }: { form: FormInstance<YearFormValues>; list: DayList; index: number }) {
  const translate = useT();
  const date = Form.useWatch([list, index, 'date'], form) as Dayjs | null | undefined;
  const text = date === null || date === undefined ? '' : weekdayLabel(date.format(dateFormat), translate);
  return (
    <Typography.Text type="secondary" style={{ width: 40 }} data-testid="calendar-day-weekday">
      {text}
    </Typography.Text>
  );
}

/** One editable list of days (holidays or make-up working days): date, name, remove. */
function DayListField({ form, list, year, canEdit }: { form: FormInstance<YearFormValues>; list: DayList; year: number | null; canEdit: boolean }) {
  const translate = useT();
  const firstOfYear = year === null ? undefined : dayjs(`${year}-01-01`, dateFormat);
  return (
    <Form.List name={list}>
      {(fields, { add, remove }) => (
        <div data-testid={`calendar-year-${list}`}>
          <Typography.Text strong>{translate(list === 'holidays' ? 'slaSettings.calendar.holidays' : 'slaSettings.calendar.makeUpWorkdays')}</Typography.Text>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="start" style={{ marginTop: 8 }} data-testid="calendar-day-row">
              <Form.Item name={[field.name, 'date']} rules={[{ required: true, message: translate('slaSettings.yearEditor.dateRequired') }]} style={{ marginBottom: 0 }}>
                <DatePicker
                  format={dateFormat}
                  defaultPickerValue={firstOfYear}
                  allowClear={false}
                  aria-label={translate('slaSettings.yearEditor.date')}
                  data-testid="calendar-day-date"
                />
              </Form.Item>
              <div style={{ paddingTop: 5 }}>
                <WeekdayOf form={form} list={list} index={field.name} />
              </div>
              <Form.Item
                name={[field.name, 'name']}
                rules={[{ required: true, whitespace: true, max: limits.name, message: translate('slaSettings.yearEditor.nameRequired', { max: limits.name }) }]}
                style={{ marginBottom: 0, flex: 1 }}
              >
                <Input maxLength={limits.name} placeholder={translate('slaSettings.yearEditor.name')} aria-label={translate('slaSettings.yearEditor.name')} data-testid="calendar-day-name" />
              </Form.Item>
              {canEdit ? (
                <Button onClick={() => remove(field.name)} data-testid="calendar-day-remove">
                  {translate('slaSettings.yearEditor.removeDay')}
                </Button>
              ) : null}
            </Flex>
          ))}
          {fields.length === 0 ? (
            <div>
              <Typography.Text type="secondary">{translate('slaSettings.calendar.noDays')}</Typography.Text>
            </div>
          ) : null}
          {canEdit && fields.length < limits[list] ? (
            <Button type="dashed" onClick={() => add({ date: null, name: '' })} style={{ marginTop: 8 }} data-testid={`calendar-year-add-${list}`}>
              {translate(list === 'holidays' ? 'slaSettings.yearEditor.addHoliday' : 'slaSettings.yearEditor.addMakeUpWorkday')}
            </Button>
          ) : null}
        </div>
      )}
    </Form.List>
  );
}

/** Main's refusal of a year, each problem in words. */
function YearProblems({ year, problems }: { year: number; problems: readonly string[] }) {
  const translate = useT();
  return (
    <Alert
      className="form-alert"
      type="error"
      showIcon
      role="alert"
      data-testid="calendar-year-problems"
      title={translate('slaSettings.yearEditor.problemsTitle', { year })}
      description={
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {problems.map((problem, index) => (
            <li key={index} className="break-anywhere" data-testid="calendar-year-problem">
              {describeCalendarProblem(problem, translate)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/**
 * Adds a calendar year (`calendarYear` null) or edits one: its holidays, its make-up working
 * days (调休上班) and where the data came from. Team leads see it read-only. Main checks the
 * year (dates in the year, listed once, make-up days on weekends) and names each problem.
 */
export function CalendarYearEditor({
  calendarYear,
  newYear,
  takenYears,
  canEdit,
  onClose,
}: {
  calendarYear: CalendarYearView | null;
  /** The year a new one starts with. */
  newYear: number;
  /** Years already stored (a new year may not take one). */
  takenYears: readonly number[];
  canEdit: boolean;
  onClose: () => void;
}) {
  const translate = useT();
  const { message } = App.useApp();
  const saveCalendarYear = useSlaSettingsStore((state) => state.saveCalendarYear);
  const [form] = Form.useForm<YearFormValues>();
  const { submitting, submit } = useSubmission();
  const [failure, setFailure] = useState<IpcFailure | null>(null);
  const year = Form.useWatch('year', form) ?? calendarYear?.year ?? newYear;
  const editing = calendarYear !== null;

  async function handleFinish(values: YearFormValues): Promise<void> {
    if (values.year === null) return;
    const saved: CalendarYear = {
      year: values.year,
      holidays: storedDays(values.holidays),
      makeUpWorkdays: storedDays(values.makeUpWorkdays),
      source: values.source.trim(),
    };
    await submit(async () => {
      setFailure(null);
      const refused = await saveCalendarYear(saved);
      if (refused !== null) {
        setFailure(refused);
        return;
      }
      void message.success(translate('slaSettings.yearEditor.saved', { year: saved.year }));
      onClose();
    });
  }

  const title = editing
    ? translate(canEdit ? 'slaSettings.yearEditor.editTitle' : 'slaSettings.yearEditor.viewTitle', { year: calendarYear.year })
    : translate('slaSettings.yearEditor.createTitle');
  let refusal = null;
  if (failure?.code === 'CALENDAR_YEAR_INVALID') refusal = <YearProblems year={year} problems={calendarProblemsOfMessage(failure.message)} />;
  else if (failure?.code === 'VALIDATION_FAILED' && failure.issues !== undefined && failure.issues.length > 0) {
    refusal = <YearProblems year={year} problems={failure.issues.map((issue) => `${issue.path.replace(/^calendarYear\.?/, '')}: ${issue.message}`)} />;
  }

  return (
    <Modal open width={760} title={title} onCancel={onClose} footer={null} mask={{ closable: false }}>
      <div data-testid="calendar-year-editor">
        {calendarYear !== null && calendarYear.problems.length > 0 ? (
          <Alert
            className="form-alert"
            type="warning"
            showIcon
            title={translate('slaSettings.calendar.problemsTitle', { year: calendarYear.year })}
            description={calendarYear.problems.map((problem) => describeCalendarProblem(problem, translate)).join(' ')}
          />
        ) : null}
        <Typography.Paragraph type="secondary">{translate('slaSettings.yearEditor.hint')}</Typography.Paragraph>
        <Form<YearFormValues>
          form={form}
          name="calendarYear"
          layout="vertical"
          disabled={!canEdit}
          initialValues={{
            year: calendarYear?.year ?? newYear,
            source: calendarYear?.source ?? '',
            holidays: daysOf(calendarYear?.holidays ?? []),
            makeUpWorkdays: daysOf(calendarYear?.makeUpWorkdays ?? []),
          }}
          onFinish={(values) => void handleFinish(values)}
        >
          <Flex gap={16} wrap>
            <Form.Item
              name="year"
              label={translate('slaSettings.yearEditor.year')}
              rules={[
                { required: true, message: translate('validation.required', { field: translate('slaSettings.yearEditor.year') }) },
                {
                  validator: async (_rule, value: unknown) => {
                    if (!editing && typeof value === 'number' && takenYears.includes(value)) {
                      throw new Error(translate('slaSettings.yearEditor.yearTaken', { year: value }));
                    }
                  },
                },
              ]}
            >
              <InputNumber min={limits.firstYear} max={limits.lastYear} precision={0} disabled={!canEdit || editing} data-testid="calendar-year-number" />
            </Form.Item>
            <Form.Item name="source" label={translate('slaSettings.yearEditor.source')} style={{ flex: 1, minWidth: 280 }} rules={[{ max: limits.source }]}>
              <Input maxLength={limits.source} placeholder={translate('slaSettings.yearEditor.sourcePlaceholder')} data-testid="calendar-year-source" />
            </Form.Item>
          </Flex>
          <Flex vertical gap={20}>
            <DayListField form={form} list="holidays" year={year} canEdit={canEdit} />
            <DayListField form={form} list="makeUpWorkdays" year={year} canEdit={canEdit} />
          </Flex>
        </Form>
        {/* Beside the save button, where the eye is when a long year is refused. */}
        <div style={{ marginTop: 16 }}>{refusal ?? <FailureAlert code={failure?.code ?? null} testId="calendar-year-editor-error" />}</div>
        <div className="modal-actions">
          <Button onClick={onClose} data-testid="calendar-year-cancel">
            {translate('common.cancel')}
          </Button>
          {canEdit ? (
            <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="calendar-year-save">
              {translate('common.save')}
            </Button>
          ) : null}
        </div>
      </div>
    </Modal>
  );
}
