import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { knowledgeAnswerInputSchema } from '../../../common/ipc/knowledge';
import type { ErrorCode, IpcFailure, ValidationIssue } from '../../../common/ipc/result';
import { FailureAlert } from '../../components/FailureAlert';
import { useSubmission } from '../../forms/useSubmission';
import { useT, type Translate } from '../../i18n/translate';
import { useKnowledgeStore, type KnowledgeAnswer, type KnowledgeAnswerInput } from './useKnowledgeStore';

/** The editor's fields; dates are dayjs values (antd's date picker works with dayjs). */
type AnswerFormValues = {
  title: string;
  category: string;
  tags: string[];
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
  body: string;
  sourceNotice: string;
};

const fieldNames = ['title', 'category', 'tags', 'validFrom', 'validTo', 'body', 'sourceNotice'] as const;
type FieldName = (typeof fieldNames)[number];

/** The schema's limits, shown in hints and used for the inputs' maximum lengths. */
const limits = { title: 100, body: 5000, tags: 20, tagLength: 20, category: 30, sourceNotice: 200 } as const;

/** A problem placed on one field, already in words. */
type FieldProblem = Readonly<{ field: FieldName; message: string }>;

const dateFormat = 'YYYY-MM-DD';

function formValuesOf(answer: KnowledgeAnswer | null): AnswerFormValues {
  if (answer === null) {
    return { title: '', category: '', tags: [], validFrom: dayjs().startOf('day'), validTo: null, body: '', sourceNotice: '' };
  }
  return {
    title: answer.title,
    category: answer.category,
    tags: [...answer.tags],
    validFrom: dayjs(answer.validFrom),
    validTo: answer.validTo === null ? null : dayjs(answer.validTo),
    body: answer.body,
    sourceNotice: answer.sourceNotice,
  };
}

/** What the form holds, as the channel takes it (before checking): tags trimmed, blank and repeated ones dropped. */
function inputOfForm(values: Partial<AnswerFormValues>): Record<FieldName, unknown> {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const date = (value: Dayjs | null | undefined) => (value === null || value === undefined || !value.isValid() ? null : value.format(dateFormat));
  const tags = Array.isArray(values.tags) ? values.tags.map((tag) => String(tag).trim()).filter((tag) => tag !== '') : [];
  return {
    title: text(values.title),
    category: text(values.category),
    tags: [...new Set(tags)],
    // An empty first day is not a date: the schema then says so under the field.
    validFrom: date(values.validFrom) ?? '',
    validTo: date(values.validTo),
    body: text(values.body),
    sourceNotice: text(values.sourceNotice),
  };
}

function isFieldName(value: unknown): value is FieldName {
  return typeof value === 'string' && (fieldNames as readonly string[]).includes(value);
}

type IssueLike = Readonly<{ code?: string; path: readonly PropertyKey[]; message: string; maximum?: unknown; origin?: unknown }>;

/** A schema problem in words, by the zod issue (checked here) or its message alone (from main). */
function describeIssue(issue: IssueLike, translate: Translate): string {
  const [field, index] = issue.path;
  const tooBig = /Too big: expected (string|array) to have <=(\d+)/.exec(issue.message);
  const maximum = typeof issue.maximum === 'number' ? issue.maximum : tooBig === null ? undefined : Number(tooBig[2]);
  const origin = typeof issue.origin === 'string' ? issue.origin : tooBig?.[1];
  if (field === 'validTo' && (issue.code === 'custom' || issue.message.includes('cannot come before'))) {
    return translate('knowledge.problem.dateOrder');
  }
  if ((field === 'validFrom' || field === 'validTo') && (issue.code === 'invalid_format' || issue.message.includes('YYYY-MM-DD'))) {
    return translate('knowledge.problem.date');
  }
  if (issue.code === 'too_big' || tooBig !== null) {
    if (field === 'tags' && index !== undefined) return translate('knowledge.problem.tagTooLong', { max: maximum ?? limits.tagLength });
    if (origin === 'array') return translate('knowledge.problem.tooMany', { max: maximum ?? limits.tags });
    return translate('knowledge.problem.tooLong', { max: maximum ?? 0 });
  }
  if (issue.code === 'too_small' || /Too small/.test(issue.message)) return translate('knowledge.problem.required');
  return translate('knowledge.problem.other', { message: issue.message });
}

/** Checks the form with the schema main uses: the answer when valid, else each problem on its field. */
function checkAnswerForm(
  values: Partial<AnswerFormValues>,
  translate: Translate,
): { ok: true; answer: KnowledgeAnswerInput } | { ok: false; problems: FieldProblem[] } {
  const parsed = knowledgeAnswerInputSchema.safeParse(inputOfForm(values));
  if (parsed.success) return { ok: true, answer: parsed.data };
  const problems = parsed.error.issues.map((issue) => ({
    field: isFieldName(issue.path[0]) ? issue.path[0] : ('title' as const),
    message: describeIssue(issue as IssueLike, translate),
  }));
  return { ok: false, problems };
}

/** Main's validation issues (paths such as `answer.tags.2`) placed on the editor's fields. */
function problemsOfServerIssues(issues: readonly ValidationIssue[], translate: Translate): FieldProblem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const inAnswer = path[0] === 'answer' ? path.slice(1) : path;
    const field = inAnswer[0];
    return isFieldName(field) ? [{ field, message: describeIssue({ path: inAnswer, message: issue.message }, translate) }] : [];
  });
}

/**
 * Creates an answer (`answer` null) or edits one, for team leads and administrators. Checked
 * here with the schema main uses, each problem under its field; main checks again.
 */
export function KnowledgeAnswerEditor({
  answer,
  onClose,
  onSaved,
}: {
  answer: KnowledgeAnswer | null;
  onClose: () => void;
  /** Told once the editor closes after a save. */
  onSaved: () => void;
}) {
  const translate = useT();
  const { message } = App.useApp();
  const save = useKnowledgeStore((state) => state.save);
  const [form] = Form.useForm<AnswerFormValues>();
  const { submitting, submit } = useSubmission();
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);
  // Once a save was refused, problems follow the typing; before that they wait for the save.
  const [checkAsTyped, setCheckAsTyped] = useState(false);
  const editing = answer !== null;

  function showProblems(problems: readonly FieldProblem[]): void {
    form.setFields(
      fieldNames.map((name) => ({
        name,
        errors: [...new Set(problems.filter((problem) => problem.field === name).map((problem) => problem.message))],
      })),
    );
  }

  function handleValuesChange(_changed: Partial<AnswerFormValues>, all: AnswerFormValues): void {
    if (!checkAsTyped) return;
    const checked = checkAnswerForm(all, translate);
    showProblems(checked.ok ? [] : checked.problems);
  }

  function showFailure(failure: IpcFailure): void {
    const placed = failure.code === 'VALIDATION_FAILED' ? problemsOfServerIssues(failure.issues ?? [], translate) : [];
    if (placed.length > 0) showProblems(placed);
    else setFailureCode(failure.code);
  }

  async function handleFinish(submitted: AnswerFormValues): Promise<void> {
    await submit(async () => {
      setFailureCode(null);
      const checked = checkAnswerForm(submitted, translate);
      if (!checked.ok) {
        setCheckAsTyped(true);
        showProblems(checked.problems);
        return;
      }
      const failure = await save(answer?.id, checked.answer);
      if (failure !== null) {
        setCheckAsTyped(true);
        showFailure(failure);
        return;
      }
      void message.success(translate(editing ? 'knowledge.editor.saved' : 'knowledge.editor.created', { title: checked.answer.title }));
      onClose();
      onSaved();
    });
  }

  return (
    <Modal
      open
      width={760}
      title={translate(editing ? 'knowledge.editor.editTitle' : 'knowledge.editor.createTitle')}
      onCancel={onClose}
      footer={null}
      mask={{ closable: false }}
    >
      <div data-testid="knowledge-editor">
        <FailureAlert code={failureCode} testId="knowledge-editor-error" />
        <Form<AnswerFormValues>
          form={form}
          name="knowledgeAnswer"
          layout="vertical"
          requiredMark="optional"
          initialValues={formValuesOf(answer)}
          onValuesChange={handleValuesChange}
          onFinish={(submitted) => void handleFinish(submitted)}
        >
          <Form.Item name="title" label={translate('knowledge.field.title')} required>
            <Input autoFocus autoComplete="off" maxLength={limits.title} data-testid="knowledge-field-title" />
          </Form.Item>
          <div className="form-row">
            <Form.Item name="category" label={translate('knowledge.field.category')} required>
              <Input
                autoComplete="off"
                maxLength={limits.category}
                placeholder={translate('knowledge.field.categoryPlaceholder')}
                data-testid="knowledge-field-category"
              />
            </Form.Item>
            <Form.Item
              name="tags"
              label={translate('knowledge.field.tags')}
              extra={translate('knowledge.field.tagsHint', { max: limits.tags, length: limits.tagLength })}
            >
              <Select
                mode="tags"
                tokenSeparators={[',', '，', '、']}
                maxCount={limits.tags}
                data-testid="knowledge-field-tags"
              />
            </Form.Item>
          </div>
          <div className="form-row">
            <Form.Item name="validFrom" label={translate('knowledge.field.validFrom')} required>
              <DatePicker format={dateFormat} style={{ width: '100%' }} data-testid="knowledge-field-valid-from" />
            </Form.Item>
            <Form.Item name="validTo" label={translate('knowledge.field.validTo')} extra={translate('knowledge.field.validToHint')}>
              <DatePicker format={dateFormat} style={{ width: '100%' }} allowClear data-testid="knowledge-field-valid-to" />
            </Form.Item>
          </div>
          <Form.Item name="body" label={translate('knowledge.field.body')} required>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={limits.body} showCount data-testid="knowledge-field-body" />
          </Form.Item>
          <Form.Item name="sourceNotice" label={translate('knowledge.field.sourceNotice')} extra={translate('knowledge.field.sourceNoticeHint')}>
            <Input autoComplete="off" maxLength={limits.sourceNotice} data-testid="knowledge-field-source-notice" />
          </Form.Item>
          <div className="modal-actions">
            <Button onClick={onClose}>{translate('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="knowledge-save">
              {translate('common.save')}
            </Button>
          </div>
        </Form>
      </div>
    </Modal>
  );
}
